using PlanAtlas.Model;
using PlanAtlas.Render;
using PlanAtlas.Render.CrossRefs;
using PlanAtlas.Render.Publish;
using PlanAtlas.Render.Themes;
using PlanAtlas.Tests.Analyze.Reuse;
using PlanAtlas.Tests.Site;

namespace PlanAtlas.Tests.Render;

/// <summary>
/// A corpus several times larger than any listing page may show: one county, one year, one theme, one cluster and
/// a slogan, a citation and a passage in every plan. Every list is either split into pages or cut with a link to its
/// data file, so no page grows with the corpus, and every plan is still reached through its year and region pages.
/// </summary>
public sealed class ListingLimitsTests : IDisposable
{
    private const int PlanCount = 350;
    private readonly RepoPaths.TempFolder _temp = RepoPaths.NewTemp();
    private readonly List<Plan> _plans;

    public ListingLimitsTests()
    {
        _plans = Enumerable.Range(1, PlanCount).Select(n => TestPlans.Plan($"141125-2023-{n:000}", 2023, "141125",
            TestPlans.Item("i1", $"第{n}项：加强燃气安全管理，落实“三管三必须”，执行《安全生产法》。") with
            { Slogans = ["三管三必须"], Citations = ["《安全生产法》", $"《第{n}号文件》"], ResponsibleUnits = [$"第{n}应急管理局"] })).ToList();
        new SiteRenderer(new SiteSettings(), new ThemeFiles(RepoPaths.Theme, null), []).Render(_plans, new OutputFolder(_temp.Path), [], Analysis(_plans));
    }

    public void Dispose() => _temp.Dispose();

    private AngleSharp.Dom.IDocument Page(string sitePath) => SampleSite.Parse(File.ReadAllText(Path.Combine(_temp.Path, sitePath, "index.html")));

    [Fact]
    public void No_page_lists_more_than_its_cap()
    {
        foreach (var file in Directory.EnumerateFiles(_temp.Path, "*.html", SearchOption.AllDirectories))
        {
            var page = SampleSite.Parse(File.ReadAllText(file));
            Assert.True(page.QuerySelectorAll("#plan-table tbody tr").Length <= Paging.RowsPerPage, file);
            Assert.True(page.QuerySelectorAll("table.crossrefs tbody tr").Length <= CrossRefPages.IndexRows, file);
            Assert.True(page.QuerySelectorAll(".timeline-steps li").Length <= Math.Max(CrossRefPages.DetailSteps, CrossRefPages.IndexRows * CrossRefPages.IndexSteps), file);
            Assert.True(page.QuerySelectorAll(".tagged-items > li").Length <= 2 * ThemePages.ItemsShown, file);
            Assert.True(page.QuerySelectorAll(".link-grid li").Length <= Math.Max(SiteRenderer.HomeRows, CrossRefPages.WithinPlanShown), file);
        }
        Assert.Equal(SiteRenderer.HomeRows, Page("").QuerySelectorAll("#plan-table tbody tr").Length);
        Assert.Contains(PlanCount.ToString(System.Globalization.CultureInfo.InvariantCulture), Page("").QuerySelector(".lead")!.TextContent);
        Assert.NotNull(Page("").QuerySelector(".home-more a[href='/data/plans.csv']"));
    }

    [Fact]
    public void Every_plan_is_reached_through_the_pages_of_its_year_and_of_its_region()
    {
        foreach (var list in new[] { "years/2023/", "regions/141125/", "regions/140000/" })
        {
            var reached = new HashSet<string>(StringComparer.Ordinal);
            var path = list;
            var pages = 0;
            while (path is not null)
            {
                var page = Page(path.TrimStart('/'));
                foreach (var a in page.QuerySelectorAll("#plan-table tbody a[href^='/plans/']")) reached.Add(a.GetAttribute("href")!);
                path = page.QuerySelector(".pager a[rel=next]")?.GetAttribute("href");
                pages++;
            }
            Assert.Equal(_plans.Select(p => "/" + SiteUrls.PlanPath(p.Id)).ToHashSet(), reached);
            Assert.Equal((PlanCount + Paging.RowsPerPage - 1) / Paging.RowsPerPage, pages);
        }
        Assert.Equal("/years/2023/page/2/", Page("years/2023/page/3").QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
    }

    [Fact]
    public void Cut_lists_say_how_many_there_are_and_link_the_data_file_that_has_them_all()
    {
        var citations = Page("citations");
        Assert.Equal(CrossRefPages.IndexRows, citations.QuerySelectorAll("table.crossrefs tbody tr").Length);
        Assert.NotNull(citations.QuerySelector("p.note a[href='/data/citations.csv']"));
        // Every cited document keeps its own page; the widely cited one shows the start of its timeline.
        Assert.Equal(PlanCount + 1, Directory.GetDirectories(Path.Combine(_temp.Path, "citations")).Length);
        var law = Page("citations/安全生产法");
        Assert.Equal(CrossRefPages.DetailSteps, law.QuerySelectorAll(".timeline-steps li").Length);
        Assert.Contains((PlanCount - CrossRefPages.DetailSteps).ToString(System.Globalization.CultureInfo.InvariantCulture), law.QuerySelector("main p.note")!.TextContent);
        Assert.NotNull(Page("units").QuerySelector("a[href='/data/units.csv']"));
        Assert.Equal(PlanCount + 1, File.ReadAllLines(Path.Combine(_temp.Path, "data", "units.csv")).Length);

        var theme = Page("themes/gas");
        Assert.Equal(ThemePages.ItemsShown, theme.QuerySelectorAll(".tagged-items > li").Length);
        Assert.Contains($"（{PlanCount}）", theme.QuerySelector("#items-heading")!.TextContent);
        Assert.NotNull(theme.QuerySelector("a[href='/data/items.csv']"));
        Assert.Equal(ThemePages.ItemsShown, Page("clusters/1").QuerySelectorAll(".cluster-members .tagged-items > li").Length);

        Assert.Equal(SiteRenderer.HomeRows, Page("data").QuerySelectorAll(".link-grid li").Length);
        var feed = System.Xml.Linq.XDocument.Load(Path.Combine(_temp.Path, AtomFeed.FileName));
        Assert.Equal(AtomFeed.MaxEntries, feed.Root!.Elements(System.Xml.Linq.XName.Get("entry", AtomFeed.Namespace)).Count());
    }

    /// <summary>One theme tagging every item, one cluster holding them all, and cross-references found in every plan.</summary>
    private static CorpusAnalysis Analysis(IReadOnlyList<Plan> plans)
    {
        var keys = plans.Select(p => new ItemKey(p.Id, p.Items[0].Id)).ToList();
        var mentions = (Func<Plan, string> asWritten) => plans.Select(p => new Mention(new ItemKey(p.Id, "i1"), p.Year, asWritten(p))).ToList();
        var themes = new ThemeAnalysis(
            new ThemeTaxonomy([new Theme("gas", "燃气安全", "Gas", "燃气。", ["燃气"], [])]),
            keys.ToDictionary(k => k, IReadOnlyList<ThemeTag> (_) => [new ThemeTag("gas", [new ThemeEvidence("燃气", 6, 2)])]),
            keys.ToHashSet(),
            plans.Select(p => new PlanThemeShare(p.Id, "gas", 1, 1, 1)).ToList(),
            new ItemClustering([new ItemCluster(1, "燃气", ["燃气"], keys, keys.Take(5).ToList(), [new("gas", 1.0)])],
                keys.ToDictionary(k => k, _ => 1), [], true, keys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => ((float)x.i, (float)-x.i))));
        var peers = PeerAnalysis.Empty with
        {
            Passages = [new CrossReference("加强燃气安全管理", mentions(_ => "加强燃气安全管理"))],
            Citations = [new CrossReference("《安全生产法》", mentions(_ => "《安全生产法》")),
                .. plans.Select(p => new CrossReference($"《第{p.Id}号文件》", [new Mention(new ItemKey(p.Id, "i1"), p.Year, "《文件》")]))],
            Slogans = [new CrossReference("三管三必须", mentions(_ => "三管三必须"))],
            Units = plans.Select(p => new CrossReference($"第{p.Id}应急管理局", [new Mention(new ItemKey(p.Id, "i1"), p.Year, "应急管理局")])).ToList(),
        };
        return new CorpusAnalysis { Themes = themes, Peers = peers };
    }
}
