using PlanAtlas.Index;
using PlanAtlas.Model;

namespace PlanAtlas.Tests.Index;

public sealed class SearchDocumentTests
{
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
            new Item("s1-1", "一.（一）", 2, ItemKind.Item, "（一）", "", "（一）深入开展打非治违\n专项行动。", "s1", 4),
            new Item("p1", "", 1, ItemKind.Paragraph, null, "", "各乡镇要落实三管三必须。", null, 6),
            new Item("blank", "", 1, ItemKind.Paragraph, null, "", "   ", null, 7),
        ],
        [], []);

    [Fact]
    public void A_plan_is_one_document_with_its_items_each_on_a_line_of_the_text()
    {
        var document = new PlanDocuments(SampleIndex.Strings).For(SamplePlan());
        Assert.Equal("/plans/141125-2023/", document.Url);
        Assert.Equal(SearchDocumentType.Plan, document.Type);
        Assert.Equal([("s1", "一", "总体要求"), ("s1-1", "一.（一）", ""), ("p1", "", "")], document.Items.Select(i => (i.Id, i.Path, i.Heading)));
        Assert.Equal("柳林县2023年安全生产工作要点\n一、总体要求\n（一）深入开展打非治违 专项行动。\n各乡镇要落实三管三必须。", document.Text);
        Assert.Equal("山西省 吕梁市 柳林县", document.Facts["region"]);
        Assert.Equal(["山西省"], document.Facets["province"]);
        Assert.Equal(["吕梁市"], document.Facets["city"]);
        Assert.Equal(["县级"], document.Facets["level"]);
        Assert.Equal(["2023"], document.Facets["year"]);
        Assert.Equal(["工作要点"], document.Facets["kind"]);
        Assert.False(document.Facets.ContainsKey("theme"));
    }

    [Fact]
    public void Themes_come_from_the_analysis()
    {
        var document = new PlanDocuments(SampleIndex.Strings, _ => ["燃气安全", "打非治违"]).For(SamplePlan());
        Assert.Equal(["燃气安全", "打非治违"], document.Facets["theme"]);
    }

    [Fact]
    public void A_plan_without_region_or_year_has_no_such_filter()
    {
        var bare = SamplePlan() with { Metadata = new PlanMetadata { Title = new("无题", Provenance.FileName) } };
        var document = new PlanDocuments(SampleIndex.Strings).For(bare);
        Assert.False(document.Facets.ContainsKey("province"));
        Assert.False(document.Facets.ContainsKey("year"));
        Assert.Equal("", document.Facts["region"]);
    }

    [Fact]
    public void Other_pages_index_only_their_marked_body_without_chrome()
    {
        const string html = """
            <html lang="zh-CN"><head><title>山西省 · PlanAtlas</title></head><body>
            <header><nav>首页 地区 年份</nav></header>
            <main data-search-body><h1>山西省</h1><p>省级 · 140000</p>
            <table><tr><td>柳林县</td><td>县级</td></tr></table>
            <div data-search-ignore>图表代码</div><script src="x.js"></script></main>
            <footer>由 PlanAtlas 生成</footer></body></html>
            """;
        var document = PageDocuments.From("regions/140000/", html)!;
        Assert.Equal("/regions/140000/", document.Url);
        Assert.Equal("山西省", document.Title);
        Assert.Equal(SearchDocumentType.Page, document.Type);
        Assert.Equal("山西省\n省级 · 140000\n柳林县\n县级", document.Text);
        Assert.Null(PageDocuments.From("plans/x/", "<html><body><main><h1>x</h1></main></body></html>"));
    }

    [Fact]
    public void A_long_page_is_indexed_up_to_its_first_twenty_thousand_characters()
    {
        var html = "<main data-search-body><h1>2019 年</h1>" + string.Concat(Enumerable.Range(0, 5000).Select(i => $"<p>第{i}份</p>")) + "<p>末尾</p></main>";
        var document = PageDocuments.From("years/2019/", html)!;
        Assert.Equal(PageDocuments.MaxText, document.Text.Length);
        Assert.StartsWith("2019 年\n第0份", document.Text);
        Assert.DoesNotContain("末尾", document.Text);
    }
}
