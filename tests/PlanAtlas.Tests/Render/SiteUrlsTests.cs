using PlanAtlas.Model;
using PlanAtlas.Render;

namespace PlanAtlas.Tests.Render;

/// <summary>SiteUrls owns the site's folders: the reserved slugs come from them, and a page cannot take one.</summary>
public sealed class SiteUrlsTests
{
    [Fact]
    public void The_reserved_slugs_are_the_registered_folders_and_index()
    {
        Assert.Equal(SiteUrls.Folders.Select(f => f.TrimEnd('/')).Append("index").Order(StringComparer.Ordinal),
            SiteUrls.ReservedSlugs.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("pagefind", SiteUrls.ReservedSlugs);
    }

    [Fact]
    public void Every_page_path_lies_in_its_registered_folder()
    {
        Assert.All(new[]
        {
            (SiteUrls.PlanPath("140000-2023"), SiteUrls.Plans), (SiteUrls.ComparePath("140000-2023"), SiteUrls.Compare),
            (SiteUrls.RegionPath("140000"), SiteUrls.Regions), (SiteUrls.YearPath("2023"), SiteUrls.Years),
            (SiteUrls.ThemePath("campus"), SiteUrls.Themes), (SiteUrls.ClusterPath(3), SiteUrls.Clusters),
            (SiteUrls.CitationPath("安全生产法"), SiteUrls.Citations), (SiteUrls.DataFile("items.csv"), SiteUrls.Data),
        }, p =>
        {
            Assert.StartsWith(p.Item2, p.Item1);
            Assert.Contains(p.Item2, SiteUrls.Folders);
        });
        Assert.Equal("years/2023/", SiteUrls.YearPath("2023"));
    }

    [Theory]
    [InlineData("plans")]
    [InlineData("citations")]
    [InlineData("index")]
    public void A_page_with_a_reserved_slug_is_rejected(string slug)
    {
        using var temp = RepoPaths.NewTemp();
        var pages = new[] { new ContentPage(slug, "冒名页面", null, 0, "# 冒名\n", $"pages/{slug}.md"), new ContentPage("about", "关于", null, 1, "# 关于\n", "pages/about.md") };
        var diagnostics = new List<Diagnostic>();
        new SiteRenderer(new SiteSettings(), new ThemeFiles(RepoPaths.Theme, null), pages).Render([], new OutputFolder(temp.Path), diagnostics);

        var rejected = Assert.Single(diagnostics, d => d.Code == "PA131");
        Assert.Equal($"pages/{slug}.md", rejected.File);
        Assert.True(File.Exists(Path.Combine(temp.Path, "about", "index.html")));
        Assert.False(File.Exists(Path.Combine(temp.Path, slug, "index.html")) && File.ReadAllText(Path.Combine(temp.Path, slug, "index.html")).Contains("冒名", StringComparison.Ordinal));
    }
}
