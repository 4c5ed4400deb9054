using PlanAtlas.Index;
using PlanAtlas.Model;
using PlanAtlas.Render;

namespace PlanAtlas.Tests.Index;

public sealed class SearchRecordTests
{
    private static readonly UiStrings Strings = new(File.ReadAllText(Path.Combine(RepoPaths.Theme, "strings.yml")), "zh-CN");

    private static Plan SamplePlan() => new(
        "141125-2023", "liulin.txt",
        new PlanMetadata
        {
            Title = new("柳林县2023年安全生产工作要点", Provenance.DocumentHeader),
            Year = new(2023, Provenance.DocumentHeader),
            Kind = new(PlanKind.WorkPoints, Provenance.DocumentHeader),
            Region = new(new Region("141125", "柳林县", AdminLevel.County, "140000", "山西省", "141100", "吕梁市"), Provenance.DocumentHeader),
        },
        [
            new Item("s1", "一", 1, ItemKind.Section, "一、", "总体要求", "一、总体要求", null, 3),
            new Item("s1-1", "一.（一）", 2, ItemKind.Item, "（一）", "", "（一）深入开展打非治违专项行动。", "s1", 4),
            new Item("p1", "", 1, ItemKind.Paragraph, null, "", "各乡镇要落实三管三必须。", null, 6),
            new Item("blank", "", 1, ItemKind.Paragraph, null, "", "   ", null, 7),
        ],
        [], []);

    [Fact]
    public void A_plan_gives_one_record_for_itself_and_one_per_item_landing_on_the_items_anchor()
    {
        var records = new PlanRecords(Strings).For(SamplePlan()).ToList();
        Assert.Equal(["/plans/141125-2023/", "/plans/141125-2023/#s1", "/plans/141125-2023/#s1-1", "/plans/141125-2023/#p1"], records.Select(r => r.Url));
        Assert.Equal([SearchRecordType.Plan, SearchRecordType.Item, SearchRecordType.Item, SearchRecordType.Item], records.Select(r => r.Filters["type"].Single()));
        var plan = records[0];
        var text = plan.Content.Replace(SearchText.WordBreak.ToString(), "");
        Assert.Contains("打非治违", text);
        Assert.Contains("三管三必须", text);
        Assert.StartsWith("柳林县2023年安全生产工作要点\n", text);
        Assert.Equal("（一）深入开展打非治违专项行动。", records[2].Content.Replace(SearchText.WordBreak.ToString(), ""));
    }

    [Fact]
    public void Records_carry_the_filters_and_facts_a_result_shows()
    {
        var records = new PlanRecords(Strings).For(SamplePlan()).ToList();
        foreach (var r in records)
        {
            Assert.Equal("山西省", r.Filters["province"].Single());
            Assert.Equal("吕梁市", r.Filters["city"].Single());
            Assert.Equal("县级", r.Filters["level"].Single());
            Assert.Equal("2023", r.Filters["year"].Single());
            Assert.Equal("工作要点", r.Filters["kind"].Single());
            Assert.Equal("141125-2023", r.Filters["plan"].Single());
            Assert.Equal("2023", r.Sort["year"]);
            Assert.Equal("山西省 吕梁市 柳林县", r.Meta["region"]);
            Assert.Equal("柳林县2023年安全生产工作要点", r.Meta["title"]);
        }
        Assert.Equal("s1-1", records[2].Meta["item"]);
        Assert.Equal("一.（一）", records[2].Meta["path"]);
        Assert.All(records[0].Filters.Keys.Except(["type", "plan"]), k => Assert.Contains(k, PlanRecords.FilterNames));
    }

    [Fact]
    public void A_plan_without_region_or_year_has_no_such_filter()
    {
        var bare = SamplePlan() with { Metadata = new PlanMetadata { Title = new("无题", Provenance.FileName) } };
        var record = new PlanRecords(Strings).For(bare).First();
        Assert.False(record.Filters.ContainsKey("province"));
        Assert.False(record.Filters.ContainsKey("year"));
        Assert.Empty(record.Sort);
    }

    [Fact]
    public void Other_pages_index_only_their_marked_body_without_chrome()
    {
        const string html = """
            <html lang="zh-CN"><head><title>山西省 · PlanAtlas</title></head><body>
            <header><nav>首页 地区 年份</nav></header>
            <main data-pagefind-body><h1>山西省</h1><p>省级 · 140000</p>
            <table><tr><td>柳林县</td><td>县级</td></tr></table>
            <div data-pagefind-ignore>图表代码</div><script src="x.js"></script></main>
            <footer>由 PlanAtlas 生成</footer></body></html>
            """;
        var record = PageRecords.From("regions/140000/", html)!;
        Assert.Equal("/regions/140000/", record.Url);
        Assert.Equal("山西省", record.Meta["title"]);
        Assert.Equal(SearchRecordType.Page, record.Filters["type"].Single());
        var text = record.Content.Replace(SearchText.WordBreak.ToString(), "");
        Assert.Equal("山西省\n省级 · 140000\n柳林县\n县级", text);
        Assert.Null(PageRecords.From("plans/x/", "<html><body><main><h1>x</h1></main></body></html>"));
    }
}
