using System.IO.Compression;
using PlanAtlas.Render.Charts;

namespace PlanAtlas.Tests.Site;

/// <summary>Pages of the sample site stay light: plan pages small once compressed, and script only where a page uses it.</summary>
public sealed class LeanPagesTests(SampleSite site) : IClassFixture<SampleSite>
{
    public const int PlanPageGzipBytes = 60_000;

    [Fact]
    public void Every_plan_page_is_under_60_kB_gzipped()
    {
        var pages = Directory.GetDirectories(Path.Combine(site.Root, "plans")).Select(d => Path.Combine(d, "index.html")).ToList();
        Assert.Equal(site.Result.Plans, pages.Count);
        foreach (var page in pages)
        {
            using var compressed = new MemoryStream();
            using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
                gzip.Write(File.ReadAllBytes(page));
            Assert.True(compressed.Length < PlanPageGzipBytes, $"{page}: {compressed.Length} bytes gzipped");
        }
    }

    [Theory]
    [InlineData("404.html")]
    [InlineData("")]
    [InlineData("plans/141125-2023/")]
    [InlineData("themes/gas/")]
    [InlineData("clusters/1/")]
    [InlineData("compare/141125-2023/")]
    [InlineData("themes/")]
    [InlineData("clusters/")]
    [InlineData("search/")]
    [InlineData("citations/")]
    public void A_page_carries_only_the_scripts_it_uses(string sitePath)
    {
        string[] highlight = ["/assets/js/search-terms.js", "/assets/js/search-highlight.js"];
        string[] expected = sitePath switch
        {
            "404.html" => [],
            "" => ["/assets/js/plan-table.js", "/assets/js/charts.js"],
            // Bar charts are HTML: theme, cluster and compare pages need no chart script.
            "plans/141125-2023/" or "themes/gas/" or "clusters/1/" or "citations/" => highlight,
            "compare/141125-2023/" => [.. highlight, "/assets/js/compare.js"],
            "themes/" or "clusters/" => [.. highlight, "/assets/js/charts.js"],
            "search/" => ["/assets/js/search-terms.js", "/assets/js/search.js"],
            _ => throw new ArgumentException(sitePath),
        };
        var page = site.Page(sitePath);
        Assert.Equal(expected, page.QuerySelectorAll("script").Select(s => s.GetAttribute("src")!));
    }

    [Fact]
    public void Plotly_is_never_a_script_tag_but_charts_js_fetches_it_from_the_site()
    {
        Assert.All(site.HtmlFiles(), file => Assert.DoesNotContain("plotly", File.ReadAllText(file), StringComparison.OrdinalIgnoreCase));
        Assert.True(File.Exists(Path.Combine(site.Root, ChartWriter.PlotlySitePath)));
        Assert.Contains("vendor/plotly.min.js", File.ReadAllText(Path.Combine(site.Root, "assets/js/charts.js")));
    }
}
