using PlanAtlas.Build;
using PlanAtlas.Model;
using PlanAtlas.Parse;
using PlanAtlas.Parse.Regions;
using PlanAtlas.Read;
using PlanAtlas.Render;

namespace PlanAtlas.Tests.Site;

public sealed class SampleSiteTests(SampleSite site) : IClassFixture<SampleSite>
{
    private static readonly string[] SampleFiles = Directory.GetFiles(Path.Combine(RepoPaths.SampleInput, "plans")).Select(Path.GetFileName).Order().ToArray()!;

    private static IReadOnlyList<Plan> ParseSamples()
    {
        var input = InputReader.CreateDefault().Read(RepoPaths.SampleInput);
        var parser = new PlanParser(Gazetteer.Default);
        return PlanIds.Assign(input.Documents.Select(d => parser.Parse(d, input.Manifest.GetValueOrDefault(d.SourceFile))));
    }

    /// <summary>items.csv as the count-agreement test reads it: the distinct tasks per plan, per theme, and in all.</summary>
    private (Dictionary<string, int> PerPlan, Dictionary<string, int> PerTheme, int All) TasksInItemsCsv()
    {
        var rows = PlanAtlas.Tests.Render.Data.DataExportTests.ReadCsv(Path.Combine(site.Root, "data", "items.csv"), out _);
        var tasks = rows.Where(r => r["task_id"].Length > 0).GroupBy(r => (r["plan_id"], r["task_id"])).ToList();
        var perPlan = tasks.GroupBy(t => t.Key.Item1).ToDictionary(g => g.Key, g => g.Count());
        var perTheme = tasks.SelectMany(t => t.SelectMany(r => r["themes"].Split(';', StringSplitOptions.RemoveEmptyEntries)).Distinct())
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        return (perPlan, perTheme, tasks.Count);
    }

    private static int Number(string text, string pattern)
    {
        var m = System.Text.RegularExpressions.Regex.Match(text, pattern);
        Assert.True(m.Success, $"no '{pattern}' in: {text}");
        return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Every_page_counts_the_items_items_csv_counts()
    {
        var (perPlan, perTheme, all) = TasksInItemsCsv();
        // 柳林: 37 tasks (its attachment rows restate the body), not 116, 112, 113 or 122.
        Assert.Equal(37, perPlan["141125-2023"]);
        var home = site.Page("");
        Assert.Equal(all, Number(home.QuerySelector(".lead")!.TextContent, @"(\d+) 条事项"));
        foreach (var row in home.QuerySelectorAll("#plan-table tbody tr"))
        {
            var id = row.QuerySelector("a[href^='/plans/']")!.GetAttribute("href")!.Split('/')[2];
            Assert.Equal(perPlan.GetValueOrDefault(id), int.Parse(row.QuerySelector("td.num")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture));
        }
        var plansCsv = PlanAtlas.Tests.Render.Data.DataExportTests.ReadCsv(Path.Combine(site.Root, "data", "plans.csv"), out _);
        foreach (var plan in plansCsv)
        {
            var id = plan["plan_id"];
            Assert.Equal(perPlan.GetValueOrDefault(id).ToString(System.Globalization.CultureInfo.InvariantCulture), plan["task_count"]);
            var page = site.Page($"plans/{id}/");
            if (page.QuerySelector(".theme-profile p:not(.empty)") is { } intro)
                Assert.Equal(perPlan.GetValueOrDefault(id), Number(intro.TextContent, @"本文件 (\d+) 条事项"));
            var compare = site.Page($"compare/{id}/");
            Assert.Equal(perPlan.GetValueOrDefault(id), Number(compare.QuerySelector(".plan-facts")!.TextContent, @"(\d+) 条事项"));
        }
        var themes = site.Page("themes/");
        Assert.Equal(all, Number(themes.QuerySelector("main p:not(.lead)")!.TextContent, @"共 (\d+) 条事项"));
        foreach (var row in themes.QuerySelectorAll(".themes-table tbody tr"))
        {
            var id = row.QuerySelector("a")!.GetAttribute("href")!.Split('/')[2];
            var count = int.Parse(row.QuerySelectorAll("td")[0].TextContent, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(perTheme.GetValueOrDefault(id), count);
            var page = site.Page($"themes/{id}/");
            Assert.Equal(count, Number(page.QuerySelector(".theme-facts")!.TextContent, @"事项数\s*(\d+)"));
            Assert.Equal(count, Number(page.QuerySelector("#items-heading")!.TextContent, @"（(\d+)）"));
        }
    }

    [Fact]
    public void Every_top_level_folder_is_a_registered_folder_or_a_page_of_the_input()
    {
        var pages = Directory.GetFiles(Path.Combine(RepoPaths.SampleInput, "pages"), "*.md").Select(Path.GetFileNameWithoutExtension);
        var folders = Directory.GetDirectories(site.Root).Select(d => Path.GetFileName(d) + "/").ToList();
        Assert.Subset(SiteUrls.Folders.Concat(pages.Select(p => p + "/")).ToHashSet(), folders.ToHashSet());
        Assert.Contains(SiteUrls.Years, folders);
    }

    [Fact]
    public void The_sample_site_builds()
    {
        Assert.True(site.Result.Outcome == BuildOutcome.Built, site.Result.FatalError + string.Join("\n", site.Result.Diagnostics));
        Assert.Equal(SampleFiles.Length, site.Result.Plans);
        Assert.True(site.Result.Items > 100, $"only {site.Result.Items} items");
        Assert.Equal(["read", "parse", "render"], site.Result.Stages.Select(s => s.Stage).Intersect(["read", "parse", "render"]));
    }

    [Fact]
    public void Home_page_links_every_plan()
    {
        var home = site.Page("");
        var links = home.QuerySelectorAll("#plan-table a").Select(a => a.GetAttribute("href")).ToHashSet();
        var planIds = Directory.GetDirectories(Path.Combine(site.Root, "plans")).Select(Path.GetFileName).ToList();
        Assert.Equal(SampleFiles.Length, planIds.Count);
        foreach (var id in planIds) Assert.Contains($"/plans/{id}/", links);
    }

    [Fact]
    public void Home_page_rows_carry_the_filter_and_sort_columns()
    {
        var home = site.Page("");
        var rows = home.QuerySelectorAll("#plan-table tbody tr");
        Assert.Equal(SampleFiles.Length, rows.Length);
        Assert.All(rows, r => Assert.Equal(6, r.Children.Length));
        Assert.Contains(rows, r => r.GetAttribute("data-year") == "2023" && r.GetAttribute("data-province") == "山西省" && r.GetAttribute("data-level") == "county");
        Assert.NotNull(home.QuerySelector("script[src='/assets/js/plan-table.js']"));
    }

    [Fact]
    public void Every_plan_page_shows_its_title_and_all_top_level_headings()
    {
        foreach (var plan in ParseSamples())
        {
            var page = site.Page($"plans/{plan.Id}/");
            Assert.Equal(plan.Title, page.QuerySelector("h1")!.TextContent.Trim());
            var headings = page.QuerySelectorAll(".plan-text h3").Select(h => h.TextContent.Trim()).ToList();
            var sections = plan.Items.Where(i => i.Kind == ItemKind.Section && i.Level == 1).ToList();
            Assert.Equal(sections.Count, headings.Count(h => sections.Any(s => h == s.Text.Trim())));
            foreach (var item in plan.Items.Where(i => i.Kind != ItemKind.Paragraph))
                Assert.NotNull(page.GetElementById(item.Id));
        }
    }

    [Fact]
    public void Plans_with_an_outline_show_their_sections()
    {
        var plans = ParseSamples();
        Assert.True(plans.Count(p => p.Items.Any(i => i.Kind == ItemKind.Section)) >= 3);
    }

    [Fact]
    public void Plan_ids_are_region_code_and_year()
    {
        var ids = ParseSamples().Select(p => p.Id).Order().ToList();
        Assert.Contains("420700-2018", ids);
        Assert.Contains("360900-2023", ids);
        Assert.Contains("141125-2023", ids);
    }

    [Fact]
    public void Region_and_year_pages_list_their_plans()
    {
        var shanxi = site.Page("regions/140000/");
        Assert.Contains(shanxi.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/regions/141100/");
        Assert.Contains(shanxi.QuerySelectorAll("#plan-table a"), a => a.GetAttribute("href") == "/plans/141125-2023/");
        var y2023 = site.Page("years/2023/");
        var planLinks = y2023.QuerySelectorAll("#plan-table tbody tr").Length;
        Assert.Equal(3, planLinks);
        Assert.NotNull(site.Page("regions/").QuerySelector("a[href='/regions/420000/']"));
    }

    [Fact]
    public void The_about_page_is_rendered_from_markdown_with_chinese_heading_ids()
    {
        var about = site.Page("about/");
        Assert.Equal("关于与方法", about.QuerySelector("h1")!.TextContent);
        Assert.NotNull(about.GetElementById("样例文件从哪里来"));
        Assert.Contains(site.Page("").QuerySelectorAll("header nav a"), a => a.GetAttribute("href") == "/about/");
    }

    [Fact]
    public void No_internal_link_is_broken_at_the_root_or_under_a_sub_path()
    {
        Assert.Empty(LinkChecker.BrokenLinks(site.Root, "/"));
        Assert.Equal(BuildOutcome.Built, site.SubPathResult.Outcome);
        Assert.Empty(LinkChecker.BrokenLinks(site.SubPath, "/planatlas/"));
    }

    [Fact]
    public void Pages_are_chinese_and_carry_a_content_security_policy_without_inline_script()
    {
        foreach (var file in site.HtmlFiles())
        {
            var page = SampleSite.Parse(File.ReadAllText(file));
            Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
            Assert.Contains("script-src 'self'", page.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content"));
            Assert.All(page.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src") || s.GetAttribute("type") == "application/json", file));
        }
    }

    [Fact]
    public void A_second_build_is_byte_identical()
    {
        using var temp = RepoPaths.NewTemp();
        var again = new SiteBuilder(IBuildProgress.None).Build(new BuildOptions(RepoPaths.SampleInput, temp["site"], ThemeDirectory: RepoPaths.Theme));
        Assert.Equal(BuildOutcome.Built, again.Outcome);
        var first = RepoPaths.Snapshot(site.Root);
        var second = RepoPaths.Snapshot(temp["site"]);
        Assert.Equal(first.Keys, second.Keys);
        foreach (var (file, hash) in first) Assert.True(hash == second[file], $"{file} differs between two builds");
    }
}
