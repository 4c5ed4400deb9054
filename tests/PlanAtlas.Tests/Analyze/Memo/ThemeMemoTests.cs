using PlanAtlas.Read;
using PlanAtlas.Analyze;
using PlanAtlas.Analyze.Clustering;
using PlanAtlas.Analyze.Themes;
using PlanAtlas.Model;

namespace PlanAtlas.Tests.Analyze.Memo;

/// <summary>The theme analysis with the memo of an earlier run (tags, cluster placements) equals one without.</summary>
public sealed class ThemeMemoTests
{
    private static readonly List<Plan> Plans = MemoPlans.WithKeys(ThemeAnalyzerTests.SamplePlans);

    private static ThemeAnalyzer Analyzer(int clusters, ThemeTaxonomy? taxonomy = null) =>
        new(taxonomy ?? ThemeTaxonomyLoader.Load(RepoPaths.SampleInput).Taxonomy, new ClusterOptions { Clusters = clusters });

    private static List<Plan> EditedPlans()
    {
        var edited = Plans.ToList();
        var plan = edited.FindIndex(p => p.Items.Count(ThemeAnalyzer.IsAnalysed) > 3);
        var item = edited[plan].Items.ToList().FindIndex(ThemeAnalyzer.IsAnalysed);
        edited[plan] = MemoPlans.Edited(edited[plan], item, "加强危险化学品和城镇燃气安全专项整治，严防森林火灾。");
        return edited;
    }

    [Fact]
    public void After_an_edit_tags_shares_and_clusters_equal_a_run_without_the_memo()
    {
        var analyzer = Analyzer(4);
        var memo = new AnalysisMemo();
        var (_, model, _) = analyzer.Analyze(Plans, null, ThemeAnalyzer.DefaultMaxDrift, memo);
        var next = MemoPlans.RoundTrip(memo);
        var edited = EditedPlans();
        var warm = analyzer.Analyze(edited, model, 1.0, next).Analysis;
        AssertEqual(analyzer.Analyze(edited, model, 1.0).Analysis, warm);
        Assert.True(next.Hits >= 2 * (Plans.Count - 1), $"{next.Hits} records reused");
    }

    [Fact]
    public void Another_model_or_taxonomy_does_not_take_what_the_memo_holds()
    {
        var memo = new AnalysisMemo();
        Analyzer(4).Analyze(Plans, null, ThemeAnalyzer.DefaultMaxDrift, memo);
        var next = MemoPlans.RoundTrip(memo);
        var taxonomy = ThemeTaxonomyLoader.Load(RepoPaths.SampleInput).Taxonomy;
        var fewer = new ThemeTaxonomy(taxonomy.Themes.Skip(1).ToList());
        var other = Analyzer(3, fewer);
        AssertEqual(other.Analyze(Plans, null).Analysis, other.Analyze(Plans, null, ThemeAnalyzer.DefaultMaxDrift, next).Analysis);
        Assert.Equal(0, next.Hits);
    }

    [Fact]
    public void A_damaged_record_is_computed_again()
    {
        var analyzer = Analyzer(4);
        var memo = new AnalysisMemo();
        var (fresh, model, _) = analyzer.Analyze(Plans, null, ThemeAnalyzer.DefaultMaxDrift, memo);
        using var stream = new MemoryStream();
        memo.Write(stream);
        var bytes = stream.ToArray();
        for (var i = 40; i < bytes.Length; i += 13) bytes[i] ^= 0xA5;
        AssertEqual(fresh, analyzer.Analyze(Plans, model, 1.0, AnalysisMemo.Read(bytes)).Analysis);
    }

    private static void AssertEqual(ThemeAnalysis expected, ThemeAnalysis actual)
    {
        Assert.Equal(expected.Tags.Keys.Order(), actual.Tags.Keys.Order());
        foreach (var (key, tags) in expected.Tags)
        {
            Assert.Equal(tags.Select(t => t.ThemeId), actual.Tags[key].Select(t => t.ThemeId));
            Assert.Equal(tags.SelectMany(t => t.Evidence), actual.Tags[key].SelectMany(t => t.Evidence));
        }
        Assert.Equal(expected.AnalysedItems.Order(), actual.AnalysedItems.Order());
        Assert.Equal(expected.Shares, actual.Shares);
        var (x, y) = (expected.Clustering, actual.Clustering);
        Assert.Equal(x.Assignment.OrderBy(a => a.Key), y.Assignment.OrderBy(a => a.Key));
        Assert.Equal(x.Coordinates.OrderBy(a => a.Key), y.Coordinates.OrderBy(a => a.Key));
        Assert.Equal(x.Clusters.Count, y.Clusters.Count);
        foreach (var (a, b) in x.Clusters.Zip(y.Clusters))
        {
            Assert.Equal((a.Number, a.Label), (b.Number, b.Label));
            Assert.Equal(a.TopTerms, b.TopTerms);
            Assert.Equal(a.Members, b.Members);
            Assert.Equal(a.Representative, b.Representative);
            Assert.Equal(a.ThemeOverlap, b.ThemeOverlap);
        }
    }
}
