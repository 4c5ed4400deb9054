using PlanAtlas.Analyze.Peers;
using PlanAtlas.Model;
using PlanAtlas.Render;
using PlanAtlas.Tests.Analyze.Reuse;
using PlanAtlas.Tests.Site;

namespace PlanAtlas.Tests.Render.Compare;

public sealed class CrossRefPagesTests
{
    private static readonly List<Plan> Plans =
    [
        TestPlans.Plan("420700-2021", 2021, "420700",
            TestPlans.Item("1", "严格落实“三管三必须”要求，贯彻《安全生产法》。") with
            { Slogans = ["三管三必须"], Citations = ["《安全生产法》"], ResponsibleUnits = ["市应急管理局"] }),
        TestPlans.Plan("141125-2019", 2019, "141125",
            TestPlans.Item("1", "按照“三管三必须”，依据《安全生产法》<script>。") with
            { Slogans = ["三管三必须"], Citations = ["《安全生产法》<script>"], ResponsibleUnits = ["县应急管理局"] },
            TestPlans.Item("2", "落实“党政同责、一岗双责”。") with { Slogans = ["党政同责、一岗双责"] }),
    ];

    private static string Page(RepoPaths.TempFolder temp, string sitePath) =>
        File.ReadAllText(Path.Combine(temp.Path, sitePath, "index.html"));

    [Fact]
    public void Slogans_shared_by_two_plans_are_listed_first_with_their_first_year_and_timeline()
    {
        using var temp = RepoPaths.NewTemp();
        new SiteRenderer(new SiteSettings(), new ThemeFiles(RepoPaths.Theme, null), [])
            .Render(Plans, new OutputFolder(temp.Path), [], new CorpusAnalysis { Peers = PeerAnalyzer.CreateDefault().Analyze(Plans).Analysis });

        var slogans = SampleSite.Parse(Page(temp, "slogans"));
        var first = slogans.QuerySelector("table.crossrefs tbody tr")!;
        Assert.Equal("三管三必须", first.Children[0].TextContent);
        Assert.Equal("2", first.Children[1].TextContent);
        Assert.StartsWith("2019", first.Children[3].TextContent);
        var timeline = slogans.QuerySelector("details.timeline ol.timeline-steps")!;
        Assert.Equal(["2019", "2021"], timeline.QuerySelectorAll(".year").Select(y => y.TextContent));
        Assert.Equal("/plans/141125-2019/#1", timeline.QuerySelector("li.first a")!.GetAttribute("href"));

        var citations = SampleSite.Parse(Page(temp, "citations"));
        var links = citations.QuerySelectorAll("table.crossrefs a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(2, links.Count);
        Assert.All(links, l => Assert.True(File.Exists(Path.Combine(temp.Path, l.Trim('/'), "index.html")), l));
        Assert.Empty(citations.QuerySelectorAll("main script"));

        var units = SampleSite.Parse(Page(temp, "units"));
        var row = units.QuerySelector("table.crossrefs tbody tr")!;
        Assert.Equal(("应急管理局", "2"), (row.Children[0].TextContent, row.Children[1].TextContent));
        Assert.Contains("\uFEFFslogan,plans,first_year,plan_id,item_id,year,as_written\r\n三管三必须,2,2019,141125-2019,1,2019,三管三必须",
            File.ReadAllText(Path.Combine(temp.Path, "data", "slogans.csv")));
    }
}
