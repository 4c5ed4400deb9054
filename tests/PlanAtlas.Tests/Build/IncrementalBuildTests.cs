using System.Text.RegularExpressions;
using PlanAtlas.Build;

namespace PlanAtlas.Tests.Build;

/// <summary>
/// An incremental build (cache beside the output) after editing one plan parses that plan only, renders only the pages
/// whose inputs changed, and writes exactly the site a full build without any cache writes.
/// </summary>
public sealed class IncrementalBuildTests
{
    private static BuildResult Build(string input, string output, bool noCache = false, bool full = false) =>
        new SiteBuilder(IBuildProgress.None).Build(new BuildOptions(input, output, ThemeDirectory: RepoPaths.Theme) { NoCache = noCache, Full = full });

    private static int Count(BuildResult result, string stage, string what)
    {
        var match = Regex.Match(Summary(result, stage), $@"\((\d+) {what}");
        return match.Success ? int.Parse(match.Groups[1].Value) : 0;
    }

    [Fact]
    public void Editing_one_plan_rebuilds_what_it_touches_and_equals_a_full_build()
    {
        using var temp = RepoPaths.NewTemp();
        var input = temp["input"];
        RepoPaths.CopyTree(RepoPaths.SampleInput, input);
        var first = Build(input, temp["site"]);
        Assert.Equal(BuildOutcome.Built, first.Outcome);
        Assert.True(Directory.Exists(temp[".site.cache"]), "the cache sits beside the output by default");

        var plan = Path.Combine(input, "plans", "hubei-ezhou-2018-work-safety-key-points.txt");
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("安全生产", "安全生产工作", StringComparison.Ordinal));
        var incremental = Build(input, temp["site"]);
        var full = Build(input, temp["full"], noCache: true);

        Assert.Equal(BuildOutcome.Built, incremental.Outcome);
        Assert.Equal(4, Count(incremental, SiteBuilder.Parse, "from the cache"));
        var reused = Count(incremental, SiteBuilder.Render, "unchanged");
        Assert.InRange(reused, 1, incremental.Pages - 1);
        Assert.Equal(RepoPaths.Snapshot(temp["full"]), RepoPaths.Snapshot(temp["site"]));
        Assert.False(Directory.Exists(temp[".full.cache"]), "--no-cache writes no cache");
    }

    [Fact]
    public void A_small_edit_reuses_the_cluster_model_says_so_on_the_clusters_page_and_full_retrains()
    {
        using var temp = RepoPaths.NewTemp();
        var input = temp["input"];
        RepoPaths.CopyTree(RepoPaths.SampleInput, input);
        var first = Build(input, temp["site"]);
        Assert.DoesNotContain("model reused", Summary(first, SiteBuilder.Analyze));
        Assert.True(File.Exists(Path.Combine(temp[".site.cache"], "cluster-model.json")));

        // One item of one plan gets longer: well under the retraining threshold.
        var plan = Path.Combine(input, "plans", "hubei-ezhou-2018-work-safety-key-points.txt");
        var lines = File.ReadAllLines(plan);
        var longest = Array.IndexOf(lines, lines.MaxBy(l => l.Length));
        lines[longest] = lines[longest].TrimEnd('。') + "，并将落实情况纳入年度考核。";
        File.WriteAllLines(plan, lines);

        var incremental = Build(input, temp["site"]);
        Assert.Equal(BuildOutcome.Built, incremental.Outcome);
        Assert.Contains("model reused", Summary(incremental, SiteBuilder.Analyze));
        var clusters = File.ReadAllText(Path.Combine(temp["site"], "clusters", "index.html"));
        Assert.Contains("沿用了上次训练的聚类模型", clusters);
        Assert.Contains("完整重建可重新训练", clusters);

        var full = Build(input, temp["site"], full: true);
        Assert.DoesNotContain("model reused", Summary(full, SiteBuilder.Analyze));
        Build(input, temp["fresh"], noCache: true);
        Assert.Equal(RepoPaths.Snapshot(temp["fresh"]), RepoPaths.Snapshot(temp["site"]));
        Assert.DoesNotContain("沿用了上次训练的聚类模型", File.ReadAllText(Path.Combine(temp["site"], "clusters", "index.html")));
    }

    private static string Summary(BuildResult result, string stage) => result.Stages.Single(s => s.Stage == stage).Summary;

    [Fact]
    public void A_rebuild_without_changes_keeps_every_page_and_full_renders_every_page_again()
    {
        using var temp = RepoPaths.NewTemp();
        Assert.Equal(BuildOutcome.Built, Build(RepoPaths.SampleInput, temp["site"]).Outcome);
        var before = RepoPaths.Snapshot(temp["site"]);
        var again = Build(RepoPaths.SampleInput, temp["site"]);
        Assert.Equal(again.Pages, Count(again, SiteBuilder.Render, "unchanged"));
        // The same corpus: the saved cluster model is used as it is, and the pages do not mention it.
        Assert.Contains("model reused", Summary(again, SiteBuilder.Analyze));
        Assert.Equal(before, RepoPaths.Snapshot(temp["site"]));

        // Full: every page rendered again, same bytes.
        var full = Build(RepoPaths.SampleInput, temp["site"], full: true);
        Assert.Equal(0, Count(full, SiteBuilder.Render, "unchanged"));
        Assert.Equal(before, RepoPaths.Snapshot(temp["site"]));
    }
}
