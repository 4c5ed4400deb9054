using System.Text;
using PlanAtlas.Analyze.Peers;
using PlanAtlas.Build;
using PlanAtlas.Model;
using PlanAtlas.Render;
using PlanAtlas.Tests.Analyze.Reuse;
using PlanAtlas.Tests.Site;

namespace PlanAtlas.Tests.Render.Compare;

public sealed class ComparePagesTests(SampleSite site) : IClassFixture<SampleSite>
{
    private static readonly string[] PlanIds = ["141125-2023", "330000-2015", "350128-2023", "360900-2023", "420700-2018"];

    [Fact]
    public void Every_plan_has_a_compare_page_that_shows_its_peers()
    {
        foreach (var id in PlanIds)
        {
            var page = site.Page($"compare/{id}/");
            var options = page.QuerySelectorAll("#peer-group-select option").Select(o => o.GetAttribute("value")).ToList();
            // The groups chosen by text and by theme profile are one table where they hold the same files.
            var byText = page.QuerySelectorAll("#group-similartext table.peers tbody a[href^='/plans/']").Select(a => a.GetAttribute("href")).ToList();
            var byThemes = page.QuerySelectorAll("#group-similarthemes table.peers tbody a[href^='/plans/']").Select(a => a.GetAttribute("href")).ToList();
            Assert.NotEqual(byText.Order(), byThemes.Order());
            Assert.Equal(byThemes.Count == 0 ? ["similartext", "province", "level", "year"] : ["similartext", "similarthemes", "province", "level", "year"], options);
            Assert.Single(page.QuerySelectorAll("#peer-group-select option[selected]"));
            var peerLinks = page.QuerySelectorAll(".peer-group table.peers a").Select(a => a.GetAttribute("href")).ToList();
            Assert.Contains(peerLinks, href => href!.StartsWith("/plans/", StringComparison.Ordinal) && !href.Contains(id));
            Assert.NotNull(page.QuerySelector("script[src='/assets/js/compare.js']"));
            Assert.NotNull(site.Page($"plans/{id}/").QuerySelector($"a.compare-link[href='/compare/{id}/']"));
        }
    }

    [Fact]
    public void Theme_rows_go_by_the_difference_a_reader_sees_then_by_name()
    {
        var pages = 0;
        foreach (var dir in Directory.GetDirectories(Path.Combine(site.Root, "compare")))
        {
            var page = site.Page($"compare/{Path.GetFileName(dir)}/");
            // One table per group of peers.
            foreach (var table in page.QuerySelectorAll("table.themes"))
            {
            var rows = table.QuerySelectorAll("tbody tr")
                .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
                .Select(c => (Name: c[0], Difference: Math.Abs(double.Parse(c[3], System.Globalization.CultureInfo.InvariantCulture)))).ToList();
            if (rows.Count < 2) continue;
            pages++;
            for (var i = 1; i < rows.Count; i++)
            {
                Assert.True(rows[i - 1].Difference >= rows[i].Difference, $"{dir}: {rows[i - 1]} before {rows[i]}");
                if (rows[i - 1].Difference == rows[i].Difference)
                    Assert.True(string.CompareOrdinal(rows[i - 1].Name, rows[i].Name) <= 0, $"{dir}: {rows[i - 1].Name} before {rows[i].Name}");
            }
            }
        }
        Assert.True(pages >= 3, $"{pages} theme tables on the compare pages");
    }

    [Fact]
    public void Liulin_compare_page_says_in_chinese_where_it_differs_and_lists_at_most_20_distinctive_items()
    {
        var page = site.Page("compare/141125-2023/");
        var summary = page.QuerySelector(".theme-summary")!.TextContent;
        // Theme names, not ids, with the shares and the difference, against the named group.
        Assert.Matches(@"^与.+的 \d+ 份文件相比，本文件差别最大的主题是：", summary);
        // The summary leads with the theme the table puts first (the largest difference): 责任体系 for 柳林.
        var first = page.QuerySelector("table.themes tbody tr td")!.TextContent;
        Assert.Equal("责任体系", first);
        Assert.Contains($"：{first}（本文件", summary);
        Assert.DoesNotMatch("[a-z]{3,}", summary);
        var distinctive = page.QuerySelectorAll(".distinctive-items li").ToList();
        Assert.InRange(distinctive.Count, 1, 20);
        // Restatements merged: no attachment row is listed beside the body item it restates.
        Assert.DoesNotContain(distinctive, li => li.QuerySelector("a")!.GetAttribute("href")!.Contains("#t", StringComparison.Ordinal));
        // The theme-profile similarity is never headed 文本相似度, and the chart goes by size of difference.
        foreach (var table in page.QuerySelectorAll("table.peers"))
        {
            var headings = table.QuerySelectorAll("th").Select(th => th.TextContent).ToList();
            Assert.Equal(headings.Distinct().Count(), headings.Count);
        }
        var differences = page.QuerySelectorAll("#group-similartext table.themes tbody tr").Select(tr => Math.Abs(double.Parse(tr.QuerySelectorAll("td")[3].TextContent, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(differences.OrderByDescending(d => d), differences);
        Assert.DoesNotContain(page.QuerySelectorAll("table.themes td:first-child"), td => System.Text.RegularExpressions.Regex.IsMatch(td.TextContent, "^[a-z]+$"));
    }

    [Fact]
    public void Liulin_attachment_lines_point_back_to_the_body_items_they_repeat()
    {
        var page = site.Page("plans/141125-2023/");
        var seeAlso = page.QuerySelectorAll(".see-also li.reused a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.True(seeAlso.Count >= 40, $"only {seeAlso.Count} reused see-also links");
        Assert.Contains(seeAlso, href => href.StartsWith("/plans/141125-2023/#i1-2", StringComparison.Ordinal));
    }

    [Fact]
    public void Most_items_show_their_closest_items_elsewhere()
    {
        foreach (var id in PlanIds)
        {
            var page = site.Page($"plans/{id}/");
            var items = page.QuerySelectorAll(".plan-text .item, .plan-text p.paragraph").Where(e => e.TextContent.Trim().Length >= 30).ToList();
            var withSeeAlso = items.Count(e => e.QuerySelector(".see-also") is not null || e.NextElementSibling?.ClassList.Contains("see-also") == true);
            Assert.True(withSeeAlso >= 0.7 * items.Count, $"{id}: {withSeeAlso} of {items.Count} items have see-also");
        }
    }

    [Fact]
    public void Data_files_list_one_row_per_link_with_the_required_columns()
    {
        var bytes = File.ReadAllBytes(Path.Combine(site.Root, "data", "reuse.csv"));
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("plan_a,item_a,plan_b,item_b,score", lines[0]);
        Assert.True(lines.Length > 50, $"only {lines.Length - 1} links");
        Assert.Contains(lines, l => l.StartsWith("350128-2023,", StringComparison.Ordinal) && l.Contains(",350128-2023,p36,"));
        Assert.StartsWith("\uFEFFdocument,plans,first_year", File.ReadAllText(Path.Combine(site.Root, "data", "citations.csv"), new UTF8Encoding(false)));
        Assert.StartsWith("\uFEFFslogan,plans,first_year", File.ReadAllText(Path.Combine(site.Root, "data", "slogans.csv"), new UTF8Encoding(false)));
    }

    [Fact]
    public void Index_pages_are_in_the_navigation()
    {
        var home = site.Page("");
        foreach (var section in new[] { "citations", "slogans", "units", "reuse" })
        {
            Assert.NotNull(home.QuerySelector($".site-header nav a[href='/{section}/']"));
            Assert.NotNull(site.Page($"{section}/").QuerySelector("h1"));
        }
        Assert.NotEmpty(site.Page("reuse/").QuerySelectorAll("ul.link-grid a[href='/plans/141125-2023/']"));
    }

    [Fact]
    public void Side_by_side_text_is_escaped_and_marks_the_differing_characters()
    {
        using var temp = RepoPaths.NewTemp();
        Directory.CreateDirectory(temp["in/plans"]);
        File.WriteAllText(temp["in/plans/a.txt"], "鄂州市2018年安全生产工作要点\n一、总体要求\n（一）建立<b>乡镇</b>船舶责任制，落实包船到人责任，推动加快船管站建设和力量配置，推动船舶智能监控预警平台升级。\n");
        File.WriteAllText(temp["in/plans/b.txt"], "宜春市2019年安全生产工作要点\n一、总体要求\n（一）建立<b>乡镇</b>船舶责任制，落实包船到人责任，推动加快船管所建设和力量配置，推动船舶智能监控预警平台升级。\n");
        var result = new SiteBuilder(IBuildProgress.None).Build(new BuildOptions(temp["in"], temp["out"], ThemeDirectory: RepoPaths.Theme));
        Assert.Equal(BuildOutcome.Built, result.Outcome);
        var file = Directory.GetFiles(Path.Combine(temp["out"], "compare"), "index.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var html = File.ReadAllText(file);
        var page = SampleSite.Parse(html);
        var sides = page.QuerySelectorAll(".side-by-side");
        Assert.NotEmpty(sides);
        Assert.Empty(page.QuerySelectorAll(".side-text b"));
        Assert.Contains("&lt;b&gt;", html);
        Assert.Contains(sides, s => (s.QuerySelector("del")?.TextContent, s.QuerySelector("ins")?.TextContent) is ("站", "所") or ("所", "站"));
    }

    [Fact]
    public void The_theme_chart_appears_only_with_theme_profiles()
    {
        var plans = new List<Plan>
        {
            TestPlans.Texts("a", 2023, "420700", "持续开展城镇燃气安全风险隐患专项整治，组织使用燃气的餐饮场所依法安装燃气泄漏报警装置。"),
            TestPlans.Texts("b", 2023, "420100", "持续开展城镇燃气安全风险隐患专项整治，组织使用燃气的餐饮场所依法安装燃气泄漏报警和切断装置。"),
        };
        var profiles = new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            ["a"] = new Dictionary<string, double> { ["gas"] = 0.7, ["fire"] = 0.3 },
            ["b"] = new Dictionary<string, double> { ["gas"] = 0.4, ["mining"] = 0.6 },
        };
        string Render(IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? themes)
        {
            using var temp = RepoPaths.NewTemp();
            var renderer = new SiteRenderer(new SiteSettings(), new ThemeFiles(RepoPaths.Theme, null), []);
            renderer.Render(plans, new OutputFolder(temp.Path), [], new CorpusAnalysis { Peers = PeerAnalyzer.CreateDefault().Analyze(plans, themes).Analysis });
            return File.ReadAllText(Path.Combine(temp.Path, "compare", "a", "index.html"));
        }
        var with = SampleSite.Parse(Render(profiles));
        // A diverging bar chart drawn in HTML, with its data as CSV: no plotly.js on a compare page.
        Assert.NotNull(with.QuerySelector("figure.bar-chart.diverging a.chart-data[href='/data/charts/compare-a.csv']"));
        Assert.NotEmpty(with.QuerySelectorAll("figure.bar-chart .half .bar"));
        Assert.Empty(with.QuerySelectorAll("script[src*='plotly'], script[src*='charts.js']"));
        Assert.Contains(with.QuerySelectorAll(".theme-diff .tag"), t => t.TextContent == "fire");
        Assert.Contains(with.QuerySelectorAll(".theme-diff .tag"), t => t.TextContent == "mining");
        var without = SampleSite.Parse(Render(null));
        Assert.Null(without.QuerySelector("figure.chart"));
        Assert.Empty(without.QuerySelectorAll("script[src$='plotly.min.js']"));
    }
}
