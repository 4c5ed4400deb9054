using PlanAtlas.Build;

namespace PlanAtlas.Tests.Build;

/// <summary>
/// Builds that analyse with the memo of the last one (Build/Cache/AnalysisMemoCache) write exactly the site a build
/// without any cache writes, whatever happened to the corpus or to the memo file in between.
/// </summary>
public sealed class AnalysisMemoBuildTests
{
    private static BuildResult Build(string input, string output, bool noCache = false) =>
        new SiteBuilder(IBuildProgress.None).Build(new BuildOptions(input, output, ThemeDirectory: RepoPaths.Theme) { NoCache = noCache });

    private static void AssertSameAsFresh(RepoPaths.TempFolder temp, string input)
    {
        Assert.Equal(BuildOutcome.Built, Build(input, temp["site"]).Outcome);
        Assert.Equal(BuildOutcome.Built, Build(input, temp["fresh"], noCache: true).Outcome);
        Assert.Equal(RepoPaths.Snapshot(temp["fresh"]), RepoPaths.Snapshot(temp["site"]));
    }

    [Fact]
    public void Adding_and_removing_plans_gives_the_site_of_a_build_without_cache()
    {
        using var temp = RepoPaths.NewTemp();
        var input = temp["input"];
        RepoPaths.CopyTree(RepoPaths.SampleInput, input);
        Assert.Equal(BuildOutcome.Built, Build(input, temp["site"]).Outcome);
        Assert.True(File.Exists(Path.Combine(temp[".site.cache"], "analysis.memo")));

        var plans = Directory.GetFiles(Path.Combine(input, "plans")).Order(StringComparer.Ordinal).ToArray();
        // A copy of a plan under another name: a new plan whose every passage is reuse of an old one.
        File.WriteAllText(Path.Combine(input, "plans", "copied-" + Path.GetFileName(plans[0])), File.ReadAllText(plans[0]));
        AssertSameAsFresh(temp, input);
        File.Delete(plans[1]);
        AssertSameAsFresh(temp, input);
    }

    [Fact]
    public void A_damaged_memo_file_is_a_miss_not_a_failure()
    {
        using var temp = RepoPaths.NewTemp();
        var input = temp["input"];
        RepoPaths.CopyTree(RepoPaths.SampleInput, input);
        Assert.Equal(BuildOutcome.Built, Build(input, temp["site"]).Outcome);
        var memo = Path.Combine(temp[".site.cache"], "analysis.memo");
        var bytes = File.ReadAllBytes(memo);
        for (var i = 100; i < bytes.Length; i += 41) bytes[i] ^= 0x77;
        File.WriteAllBytes(memo, bytes);

        var plan = Path.Combine(input, "plans", "hubei-ezhou-2018-work-safety-key-points.txt");
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("安全生产", "安全生产工作", StringComparison.Ordinal));
        AssertSameAsFresh(temp, input);

        File.WriteAllBytes(memo, bytes[..(bytes.Length / 3)]);
        AssertSameAsFresh(temp, input);
    }
}
