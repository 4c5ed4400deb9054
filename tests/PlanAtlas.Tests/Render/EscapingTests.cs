using PlanAtlas.Build;
using PlanAtlas.Tests.Site;

namespace PlanAtlas.Tests.Render;

public sealed class EscapingTests
{
    [Fact]
    public void Markup_in_a_plan_never_reaches_the_page_as_markup()
    {
        using var temp = RepoPaths.NewTemp();
        Directory.CreateDirectory(temp["in/plans"]);
        File.WriteAllText(temp["in/plans/evil.txt"],
            "某市<script>alert(1)</script>2023年安全生产工作要点\n一、总体要求<img src=x onerror=alert(2)>\n（一）加强领导。<a href=\"javascript:alert(3)\">点我</a>（市应急管理局负责）\n");
        var result = new SiteBuilder(IBuildProgress.None).Build(new BuildOptions(temp["in"], temp["out"], ThemeDirectory: RepoPaths.Theme));
        Assert.Equal(BuildOutcome.Built, result.Outcome);
        foreach (var file in Directory.EnumerateFiles(temp["out"], "*.html", SearchOption.AllDirectories))
        {
            var page = SampleSite.Parse(File.ReadAllText(file));
            Assert.All(page.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src") || s.GetAttribute("type") == "application/json"));
            Assert.Empty(page.QuerySelectorAll("img[onerror], [onerror], a[href^='javascript']"));
        }
        var planPage = Directory.GetFiles(Path.Combine(temp["out"], "plans"), "index.html", SearchOption.AllDirectories).Single();
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", File.ReadAllText(planPage));
    }

    [Fact]
    public void Markdown_pages_cannot_inject_html()
    {
        using var temp = RepoPaths.NewTemp();
        Directory.CreateDirectory(temp["in/pages"]);
        File.WriteAllText(temp["in/pages/x.md"], "---\ntitle: X\n---\n<script>alert(1)</script>\n\n[a](javascript:alert(1))\n");
        var result = new SiteBuilder(IBuildProgress.None).Build(new BuildOptions(temp["in"], temp["out"], ThemeDirectory: RepoPaths.Theme));
        Assert.Equal(BuildOutcome.Built, result.Outcome);
        var page = SampleSite.Parse(File.ReadAllText(Path.Combine(temp["out"], "x", "index.html")));
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Empty(page.QuerySelectorAll("a[href^='javascript']"));
    }
}
