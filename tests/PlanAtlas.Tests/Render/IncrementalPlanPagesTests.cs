using PlanAtlas.Build;

namespace PlanAtlas.Tests.Render;

/// <summary>
/// Plan and compare pages are kept by fingerprints of their inputs (PlanPageInputs): after an edit that reaches a page
/// only through another plan or the analysis, the page must be rendered again and equal a full build's. Each test
/// checks that the edit did change some page of another plan (so the path it covers is exercised), and that every plan
/// page, compare page and their data files equal those of a build without any cache.
/// </summary>
public sealed class IncrementalPlanPagesTests
{
    private const string Ezhou = "hubei-ezhou-2018-work-safety-key-points.txt", EzhouId = "420700-2018";

    private static BuildResult Build(string input, string output, bool noCache = false) =>
        new SiteBuilder(IBuildProgress.None).Build(new BuildOptions(input, output, ThemeDirectory: RepoPaths.Theme) { NoCache = noCache });

    /// <summary>The files the per-plan pages write: plan and compare pages, the compare charts' data, the plan downloads.</summary>
    private static SortedDictionary<string, string> PlanFiles(string root) =>
        new(RepoPaths.Snapshot(root).Where(f => IsPlanFile(f.Key.Replace('\\', '/'))).ToDictionary(f => f.Key, f => f.Value), StringComparer.Ordinal);

    private static bool IsPlanFile(string path) =>
        path.StartsWith("plans/", StringComparison.Ordinal) || path.StartsWith("compare/", StringComparison.Ordinal)
        || path.StartsWith("data/charts/compare-", StringComparison.Ordinal) || path.StartsWith("data/plans/", StringComparison.Ordinal);

    /// <summary>Builds, edits, builds again with the cache and without: the changed pages of plans other than the edited one.</summary>
    private static List<string> EditAndCompare(Action<string> edit, string editedId)
    {
        using var temp = RepoPaths.NewTemp();
        var input = temp["input"];
        RepoPaths.CopyTree(RepoPaths.SampleInput, input);
        Assert.Equal(BuildOutcome.Built, Build(input, temp["site"]).Outcome);
        var before = PlanFiles(temp["site"]);

        edit(input);
        var incremental = Build(input, temp["site"]);
        Assert.Equal(BuildOutcome.Built, incremental.Outcome);
        Assert.Contains("unchanged", incremental.Stages.Single(s => s.Stage == SiteBuilder.Render).Summary);
        Assert.Equal(BuildOutcome.Built, Build(input, temp["full"], noCache: true).Outcome);
        var after = PlanFiles(temp["site"]);
        Assert.Equal(PlanFiles(temp["full"]), after);
        return after.Where(f => before.GetValueOrDefault(f.Key) != f.Value && !f.Key.Replace('\\', '/').Contains(editedId, StringComparison.Ordinal))
            .Select(f => f.Key.Replace('\\', '/')).ToList();
    }

    [Fact]
    public void A_peers_new_title_reaches_the_compare_pages_that_list_it()
    {
        var changed = EditAndCompare(input =>
        {
            var manifest = Path.Combine(input, "plans.csv");
            File.AppendAllText(manifest, $"{Ezhou},鄂州市二〇一八年安全生产工作要点（修订）,,,,,,,,,\n");
        }, EzhouId);
        Assert.Contains(changed, path => path.StartsWith("compare/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_counterparts_new_text_reaches_the_pages_that_show_it()
    {
        var changed = EditAndCompare(input =>
        {
            var plan = Path.Combine(input, "plans", Ezhou);
            var lines = File.ReadAllLines(plan);
            // Every numbered item of the plan gets the same new words: whichever items other plans show, they change.
            for (var i = 0; i < lines.Length; i++)
                if (lines[i].StartsWith('(') && lines[i].Contains('。')) lines[i] = lines[i].Replace("。", "，并定期督查。", StringComparison.Ordinal);
            File.WriteAllLines(plan, lines);
        }, EzhouId);
        Assert.Contains(changed, path => path.StartsWith("plans/", StringComparison.Ordinal));
        Assert.Contains(changed, path => path.StartsWith("compare/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_theme_taxonomy_change_reaches_the_theme_profiles_of_every_page()
    {
        var changed = EditAndCompare(input =>
        {
            var themes = Path.Combine(input, "themes.yml");
            // 安全生产 is in nearly every item: the crackdown theme now tags most items of every plan.
            File.WriteAllText(themes, File.ReadAllText(themes).Replace("signals: [打非治违,", "signals: [安全生产, 打非治违,", StringComparison.Ordinal));
        }, "no plan was edited");
        Assert.Contains(changed, path => path.StartsWith("plans/", StringComparison.Ordinal));
        Assert.Contains(changed, path => path.StartsWith("compare/", StringComparison.Ordinal));
    }
}
