using PlanAtlas.Analyze.Clustering;
using PlanAtlas.ThemeCheck;
using Xunit.Abstractions;

namespace PlanAtlas.Tests.Analyze;

/// <summary>
/// The tagger and the clusterer against the subject/mention reference, with the figures tools/themes/ThemeCheck prints
/// (tools/themes/README.md) as floors: a change that loses what was measured fails here. The floors are the figures of
/// 2026-12-08 rounded down, not targets; issue 20's targets are ThemeCheck's exit code.
/// </summary>
public sealed class ReferenceTests(ITestOutputHelper output)
{
    private static readonly TaggingFigures Tagging = TaggingCheck.Measure(ReferenceSet.Items, TaggingCheck.SampleTagger());

    [Theory]
    [InlineData("crackdown", 0.85)]
    [InlineData("gas", 0.93)]
    [InlineData("selfbuilt", 0.95)]
    public void Subject_tagging_keeps_its_leave_one_plan_out_F1(string theme, double floor)
    {
        var score = Tagging.Subjects[theme];
        output.WriteLine($"{theme}: {score.Positives} positives, P / R / F1 {score}; any tag {Tagging.AnyTag[theme]}");
        Assert.True(score.Positives >= 5, "the reference needs positives to measure anything");
        Assert.True(score.F1 >= floor, $"{theme}: F1 {score.F1:F3} < {floor}");
    }

    [Fact]
    public void Subjects_agree_with_the_reference_better_than_every_theme_found()
    {
        var anyMacro = Tagging.MacroThemes.Average(t => Tagging.AnyTag[t].F1);
        output.WriteLine($"macro F1 over {Tagging.MacroThemes.Count} themes: subjects {Tagging.Macro:F3} (development {Tagging.MacroDevelopment:F3}, never tuned on {Tagging.MacroHeldOut:F3}); any tag {anyMacro:F3}");
        Assert.Equal(12, Tagging.MacroThemes.Count);
        Assert.True(Tagging.Macro >= 0.80, $"macro F1 {Tagging.Macro:F3}");
        Assert.True(Tagging.Macro >= anyMacro + 0.15, $"subjects {Tagging.Macro:F3} against any tag {anyMacro:F3}");
        Assert.InRange(Tagging.MostSubjects, 1, PlanAtlas.Analyze.Themes.SubjectRule.MaxSubjects);
    }

    [Fact]
    public void Clusters_beat_the_researchers_jieba_tfidf_kmeans_script_by_three_points_of_NMI()
    {
        var primary = ReferenceSet.Items.Select(i => i.Primary).ToList();
        var baseline = ClusterCheck.Stored();
        Assert.Equal(10, baseline.Count);
        Assert.All(baseline, b => Assert.Equal(primary.Count, b.Length));
        var ours = ClusterCheck.Product(ReferenceSet.Items, [0, 1, 2]);
        var baseNmi = baseline.Average(b => ClusterAgreement.NormalizedMutualInformation(primary, b));
        var nmi = ours.Average(r => ClusterAgreement.NormalizedMutualInformation(primary, r));
        output.WriteLine($"NMI: PlanAtlas {nmi:F3} (seeds 0-2), baseline {baseNmi:F3} (seeds 0-9)");
        Assert.True(nmi >= baseNmi + ClusterCheck.Margin, $"NMI {nmi:F3} < baseline {baseNmi:F3} + {ClusterCheck.Margin}");
    }
}
