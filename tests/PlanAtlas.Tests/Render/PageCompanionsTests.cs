using PlanAtlas.Build.Cache;
using PlanAtlas.Render;

namespace PlanAtlas.Tests.Render;

/// <summary>
/// A page kept by its fingerprint brings the files written with it (a compare page's chart data): kept together, or
/// not at all when one of them is missing or changed in the previous output.
/// </summary>
public sealed class PageCompanionsTests
{
    private const string Page = "compare/a/", Chart = "data/charts/compare-a.csv";

    /// <summary>One build into a staging folder that the build's commit then puts in place (kept files stay where they are).</summary>
    private static (bool Kept, OutputFolder Output) Build(RepoPaths.TempFolder temp, string fingerprint, Action<string>? beforeKeep = null)
    {
        using var swap = new PlanAtlas.Build.OutputSwap(temp["out"]);
        var cache = new PageCache(CacheFolder.Open(temp["cache"]), temp["out"], ignorePrevious: false);
        var output = new OutputFolder(swap.StagingDirectory) { Reuse = cache, Previous = swap.OutputDirectory };
        beforeKeep?.Invoke(temp["out"]);
        var kept = output.TryKeep(Page, fingerprint);
        if (!kept)
        {
            output.WriteText(Chart, "theme,difference\n");
            output.WritePage(Page, fingerprint, w => w.Write("<p>a</p>"), [Chart]);
        }
        cache.Invalidate();
        swap.Commit(output.Kept);
        cache.Save();
        return (kept, output);
    }

    [Fact]
    public void A_kept_page_brings_its_companion_files()
    {
        using var temp = RepoPaths.NewTemp();
        Assert.False(Build(temp, "f1").Kept);
        Assert.True(Build(temp, "f1").Kept);
        Assert.Equal("theme,difference\n", File.ReadAllText(Path.Combine(temp["out"], Chart)));
        Assert.Equal("<p>a</p>", File.ReadAllText(Path.Combine(temp["out"], "compare", "a", "index.html")));
        Assert.False(Build(temp, "f2").Kept);
    }

    [Fact]
    public void A_page_whose_companion_is_gone_or_changed_is_written_again()
    {
        using var temp = RepoPaths.NewTemp();
        Build(temp, "f1");
        Assert.False(Build(temp, "f1", previous => File.Delete(Path.Combine(previous, Chart))).Kept);
        Assert.True(File.Exists(Path.Combine(temp["out"], Chart)));
        Assert.False(Build(temp, "f1", previous => File.AppendAllText(Path.Combine(previous, Chart), "x,1\n")).Kept);
        Assert.Equal("theme,difference\n", File.ReadAllText(Path.Combine(temp["out"], Chart)));
    }
}
