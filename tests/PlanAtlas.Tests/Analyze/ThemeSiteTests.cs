using PlanAtlas.Read;
using System.Text;
using PlanAtlas.Analyze.Themes;
using PlanAtlas.Render;
using PlanAtlas.Render.Charts;
using PlanAtlas.Render.Themes;
using PlanAtlas.Tests.Site;

namespace PlanAtlas.Tests.Analyze;

/// <summary>The theme and cluster pages, charts and data files of the sample site.</summary>
public sealed class ThemeSiteTests(SampleSite site) : IClassFixture<SampleSite>
{
    private static readonly IReadOnlyList<string> ThemeIds = ThemeTaxonomyLoader.Load(RepoPaths.SampleInput).Taxonomy.Themes.Select(t => t.Id).ToList();

    private string[] CsvLines(string sitePath) =>
        Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(site.Root, sitePath))).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void The_analyze_stage_runs_between_parse_and_render()
    {
        var stages = site.Result.Stages.Select(s => s.Stage).ToList();
        Assert.Equal(["parse", "analyze", "render"], stages.Intersect(["parse", "analyze", "render"]));
    }

    [Fact]
    public void Theme_pages_list_subjects_and_mentions_apart_and_the_themes_page_says_the_rule()
    {
        var index = site.Page(SiteUrls.Themes);
        Assert.Contains("只算“提及”", index.QuerySelector(".theme-rule")!.TextContent);
        var header = CsvLines("data/items.csv")[0].Split(',');
        Assert.Equal("mentions", header[^1]);
        // 宜春 lists 燃气 among the sectors of one campaign: a mention on the gas page, apart from the gas items.
        var gas = site.Page(SiteUrls.ThemePath("gas"));
        var subjects = gas.QuerySelectorAll("section[aria-labelledby='items-heading'] .tagged-items > li").Select(li => li.TextContent).ToList();
        var mentions = gas.QuerySelectorAll(".mentions-section .tagged-items > li").Select(li => li.TextContent).ToList();
        Assert.NotEmpty(subjects);
        Assert.Contains(mentions, m => m.Contains("突出抓好矿山", StringComparison.Ordinal) || m.Contains("重大隐患", StringComparison.Ordinal));
        Assert.Empty(subjects.Intersect(mentions));
        Assert.Equal(mentions.Count, int.Parse(gas.QuerySelector(".mentions-section [data-count='mentions']")!.TextContent, System.Globalization.CultureInfo.InvariantCulture));
        // A listed item shows its mentioned themes as lighter chips, apart from its subjects.
        Assert.NotEmpty(gas.QuerySelectorAll(".tagged-source .mentions a.tag.theme.mention"));
    }

    [Fact]
    public void Every_theme_has_a_page_with_its_charts_and_is_listed_on_the_index()
    {
        var index = site.Page(SiteUrls.Themes);
        foreach (var id in ThemeIds)
        {
            Assert.NotNull(index.QuerySelector($"a[href='/themes/{id}/']"));
            var page = site.Page(SiteUrls.ThemePath(id));
            // Year, region and level shares as bar charts drawn in HTML: the page needs no script.
            var charts = page.QuerySelectorAll("figure.chart.bar-chart");
            Assert.Equal(3, charts.Length);
            foreach (var chart in charts) AssertBarChart(chart);
            Assert.Empty(page.QuerySelectorAll("script[src*='plotly'], script[src*='charts.js']"));
        }
    }

    [Fact]
    public void A_theme_page_lists_its_items_with_the_evidence_marked_and_linked_to_the_plan()
    {
        var page = site.Page("themes/gas/");
        var items = page.QuerySelectorAll(".tagged-items > li");
        Assert.NotEmpty(items);
        Assert.All(items, li =>
        {
            Assert.NotEmpty(li.QuerySelectorAll("mark"));
            Assert.Matches("^/plans/[^/]+/#.+", li.QuerySelector(".tagged-source a")!.GetAttribute("href")!);
        });
        Assert.Contains(page.QuerySelectorAll("mark"), m => m.TextContent == "燃气");
        // n = … is on every group label, so thin groups are visible.
        Assert.All(page.QuerySelectorAll("#chart-theme-gas-year .bars th"), th => Assert.Contains("n=", th.TextContent));
    }

    [Fact]
    public void Every_cluster_has_a_page_and_the_index_shows_the_map_and_the_silhouette()
    {
        var clusters = CsvLines("data/clusters.csv");
        Assert.Equal("cluster,label,size,top_terms", clusters[0]);
        Assert.True(clusters.Length > 3);
        var index = site.Page(SiteUrls.Clusters);
        Assert.Equal(2, index.QuerySelectorAll("figure.chart").Length);
        foreach (var chart in index.QuerySelectorAll("figure.chart")) AssertChart(chart);
        for (var n = 1; n < clusters.Length; n++)
        {
            var page = site.Page(SiteUrls.ClusterPath(n));
            Assert.NotEmpty(page.QuerySelectorAll(".cluster-members .tagged-items > li"));
            Assert.NotNull(index.QuerySelector($"a[href='/clusters/{n}/']"));
        }
        var map = File.ReadAllText(Path.Combine(site.Root, "data/charts/clusters-map.json"));
        Assert.Contains("\"customdata\":[\"/plans/", map);
    }

    [Fact]
    public void The_home_page_has_the_trends_dashboard_and_plan_pages_their_theme_profile()
    {
        var home = site.Page("");
        // The heatmap and the year lines; no change over time, as no group of comparable plans is large enough (SmallGroupsTests).
        var charts = home.QuerySelectorAll(".dashboard figure.chart");
        Assert.Equal(2, charts.Length);
        foreach (var chart in charts) AssertChart(chart);
        var planDir = Directory.GetDirectories(Path.Combine(site.Root, "plans")).Order(StringComparer.Ordinal).First();
        var plan = site.Page("plans/" + Path.GetFileName(planDir) + "/");
        Assert.NotEmpty(plan.QuerySelectorAll(".theme-profile table.profile tbody tr"));
        // No chart on a plan page, so no plotly.js there.
        Assert.DoesNotContain(plan.QuerySelectorAll("script"), s => s.GetAttribute("src")!.Contains("plotly"));
    }

    [Fact]
    public void Pages_with_theme_shares_that_add_up_past_100_percent_say_why()
    {
        // 柳林's shares of items add up to more than 100%: an item carries several themes.
        var plan = site.Page("plans/141125-2023/");
        var shares = plan.QuerySelectorAll(".theme-profile table.profile tbody tr td:nth-child(3)")
            .Sum(td => double.Parse(td.TextContent.Trim().TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(shares > 100, $"{shares}");
        foreach (var page in new[] { plan, site.Page("compare/141125-2023/"), site.Page(SiteUrls.Themes) })
            Assert.Contains("相加可能超过 100%", page.QuerySelector(".shares-note")!.TextContent);
    }

    [Fact]
    public void Themes_csv_has_a_row_for_every_plan_and_theme_with_shares_between_0_and_1()
    {
        var lines = CsvLines("data/themes.csv");
        // The original columns first and unchanged (a contract), then the theme's name and the shares in percent.
        Assert.Equal("plan_id,theme_id,items,share_items,share_chars,theme_name,share_items_percent,share_chars_percent", lines[0]);
        Assert.Equal(site.Result.Plans * ThemeIds.Count, lines.Length - 1);
        Assert.All(lines.Skip(1).Select(l => l.Split(',')), c =>
        {
            Assert.InRange(double.Parse(c[3], System.Globalization.CultureInfo.InvariantCulture), 0, 1);
            Assert.InRange(double.Parse(c[4], System.Globalization.CultureInfo.InvariantCulture), 0, 1);
            Assert.Equal(Math.Round(double.Parse(c[3], System.Globalization.CultureInfo.InvariantCulture) * 100, 1, MidpointRounding.AwayFromZero),
                double.Parse(c[6], System.Globalization.CultureInfo.InvariantCulture));
        });
        Assert.Contains(lines, l => l.Contains(",gas,") && l.Contains(",燃气安全,") && !l.Contains(",0,0,0,"));
    }

    [Fact]
    public void Two_builds_give_identical_clusters_and_theme_data()
    {
        foreach (var file in new[] { "data/clusters.csv", "data/themes.csv", "data/charts/clusters-map.csv", "data/charts/clusters-silhouette.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(site.Root, file)), File.ReadAllBytes(Path.Combine(site.SubPath, file)));
    }

    private void AssertBarChart(AngleSharp.Dom.IElement chart)
    {
        Assert.False(string.IsNullOrWhiteSpace(chart.QuerySelector(".chart-title")!.TextContent));
        Assert.False(string.IsNullOrWhiteSpace(chart.QuerySelector(".chart-summary")!.TextContent));
        var csv = chart.QuerySelector("a.chart-data")!.GetAttribute("href")!;
        Assert.True(File.Exists(Path.Combine(site.Root, csv.TrimStart('/'))), csv);
        Assert.NotEmpty(chart.QuerySelectorAll(".bars tr .bar[style^='width:']"));
    }

    private void AssertChart(AngleSharp.Dom.IElement chart)
    {
        Assert.False(string.IsNullOrWhiteSpace(chart.QuerySelector(".chart-title")!.TextContent));
        Assert.False(string.IsNullOrWhiteSpace(chart.QuerySelector(".chart-summary")!.TextContent));
        var figure = chart.QuerySelector(".chart-plot")!.GetAttribute("data-figure")!;
        var csv = chart.QuerySelector("a.chart-data")!.GetAttribute("href")!;
        Assert.True(File.Exists(Path.Combine(site.Root, figure.TrimStart('/'))), figure);
        Assert.True(File.Exists(Path.Combine(site.Root, csv.TrimStart('/'))), csv);
        var json = File.ReadAllText(Path.Combine(site.Root, figure.TrimStart('/')));
        Assert.Contains("\"title\"", json); // axis titles, in Chinese on the zh-CN site
    }
}
