using AngleSharp.Dom;
using PlanAtlas.Build;

namespace PlanAtlas.Tests.Site;

/// <summary>
/// Honest small groups: a region, year or group of comparable plans below site.yml's min_group_size (default 3) is
/// greyed with its n and never named as highest, leading or rising; a change over time compares plans of one level
/// and one kind only.
/// </summary>
public sealed class SmallGroupsTests(SampleSite site) : IClassFixture<SampleSite>
{
    private static readonly string[] Provinces = ["山西省", "江西省", "浙江省", "湖北省", "福建省"];

    private static string Summary(IDocument home, string chart) => home.QuerySelector($"#chart-{chart} .chart-summary")!.TextContent;

    [Fact]
    public void On_the_sample_site_no_region_of_one_plan_is_named_and_no_trend_is_stated()
    {
        var home = site.Page("");
        var heat = Summary(home, "dashboard-region-theme");
        Assert.All(Provinces, p => Assert.DoesNotContain(p, heat));
        Assert.Contains("不足 3 份", heat);
        // Every province has one plan: one greyed trace, its labels grey with their n.
        var figure = File.ReadAllText(Path.Combine(site.Root, "data/charts/dashboard-region-theme.json"));
        Assert.Contains("\"colorscale\":[[0,", figure);
        Assert.Contains("color:#8a949c\\\">福建省（n=1）</span>", figure);
        // 3 plans in 2023 against 2 before, of three levels and a review among them: not comparable.
        Assert.Null(home.QuerySelector("#chart-dashboard-rise-fall"));
        var text = home.QuerySelector(".dashboard")!.TextContent;
        Assert.DoesNotContain("上升最多", text);
        Assert.Contains("可比文件不足 3 份，不作升降判断", home.QuerySelector(".dashboard-note")!.TextContent);
    }

    [Fact]
    public void A_theme_page_greys_the_bars_of_small_groups()
    {
        // By year: 2023 holds 3 plans, 2015 and 2018 one each.
        var rows = site.Page("themes/gas/").QuerySelectorAll("#chart-theme-gas-year .bars tr");
        Assert.Equal(["2015（n=1）", "2018（n=1）"], rows.Where(r => r.ClassList.Contains("small-group")).Select(r => r.QuerySelector("th")!.TextContent));
        Assert.Contains(rows, r => !r.ClassList.Contains("small-group") && r.QuerySelector("th")!.TextContent == "2023（n=3）");
    }

    [Fact]
    public void A_group_that_reaches_the_minimum_is_named_and_its_change_over_time_is_stated()
    {
        using var temp = RepoPaths.NewTemp();
        var home = Build(temp, minGroupSize: null);
        var heat = Summary(home, "dashboard-region-theme");
        Assert.Contains("江西省", heat);
        Assert.DoesNotContain("浙江省", heat);
        Assert.Contains("另有 1 个地区不足 3 份文件", heat);
        var change = Summary(home, "dashboard-rise-fall");
        Assert.StartsWith("县级工作要点与通知中，2023 年（3 份）与此前（3 份）相比，上升最多的是燃气安全", change);
        Assert.Contains("县级工作要点与通知", home.QuerySelector("#chart-dashboard-rise-fall .chart-title")!.TextContent);
        Assert.Empty(home.QuerySelectorAll(".dashboard-note"));
        Assert.Contains("居前的是", Summary(home, "dashboard-theme-year"));
    }

    [Fact]
    public void Min_group_size_is_read_from_site_yml()
    {
        using var temp = RepoPaths.NewTemp();
        var home = Build(temp, minGroupSize: 8);
        var heat = Summary(home, "dashboard-region-theme");
        Assert.DoesNotContain("江西省", heat);
        Assert.Contains("不足 8 份", heat);
        Assert.Null(home.QuerySelector("#chart-dashboard-rise-fall"));
        Assert.Contains("可比文件不足 8 份", home.QuerySelector(".dashboard-note")!.TextContent);
        Assert.Contains("不排列主题的先后", Summary(home, "dashboard-theme-year"));
    }

    /// <summary>
    /// Three county work plans of 宜春 in 2023 and the same three counties' in 2022 (燃气 only in 2023), one of another
    /// county in 2024, and one provincial review of 浙江: 江西 holds 7 plans, 浙江 1.
    /// </summary>
    private static IDocument Build(RepoPaths.TempFolder temp, int? minGroupSize)
    {
        var input = temp["in"];
        Directory.CreateDirectory(Path.Combine(input, "plans"));
        File.Copy(Path.Combine(RepoPaths.SampleInput, "themes.yml"), Path.Combine(input, "themes.yml"));
        File.WriteAllText(Path.Combine(input, "site.yml"), "title: 测试\n" + (minGroupSize is { } n ? $"min_group_size: {n}\n" : ""));
        var manifest = new List<string> { "file,title,region_code,year,kind" };
        foreach (var (code, county) in new[] { ("360902", "袁州区"), ("360921", "奉新县"), ("360922", "万载县") })
            foreach (var year in new[] { 2022, 2023 })
            {
                var file = $"{code}-{year}.txt";
                var title = $"{county}{year}年安全生产工作要点";
                var gas = year == 2023 ? $"2.加强{county}城镇燃气安全管理。开展燃气管道老化更新改造，排查燃气用户隐患。\n" : $"2.开展{county}非煤矿山安全整治，严格安全准入。\n";
                File.WriteAllText(Path.Combine(input, "plans", file),
                    $"{title}\n一、重点任务\n1.压实{county}{year}年安全生产责任。落实党政领导干部安全生产责任制。\n{gas}3.强化{county}消防安全。开展高层建筑消防安全检查{year - 2000}次。\n");
                manifest.Add($"{file},{title},{code},{year},workpoints");
            }
        // One plan of 2024: too few to compare, so the change is 2023's against the years before.
        File.WriteAllText(Path.Combine(input, "plans", "360923-2024.txt"),
            "上高县2024年安全生产工作要点\n一、重点任务\n1.压实上高县安全生产责任。\n2.开展上高县道路交通安全整治。\n");
        manifest.Add("360923-2024.txt,上高县2024年安全生产工作要点,360923,2024,workpoints");
        File.WriteAllText(Path.Combine(input, "plans", "330000-2021.txt"),
            "浙江省2021年安全生产工作综述\n一、主要工作\n1.全年开展燃气安全专项整治。\n2.推进自建房安全排查。\n");
        manifest.Add("330000-2021.txt,浙江省2021年安全生产工作综述,330000,2021,summary");
        File.WriteAllLines(Path.Combine(input, "plans.csv"), manifest);
        var result = new SiteBuilder(IBuildProgress.None).Build(new BuildOptions(input, temp["out"], ThemeDirectory: RepoPaths.Theme));
        Assert.Equal(BuildOutcome.Built, result.Outcome);
        Assert.Equal(8, result.Plans);
        return SampleSite.Parse(File.ReadAllText(Path.Combine(temp["out"], "index.html")));
    }
}
