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
    public void A_plan_is_one_record_whose_meta_gives_the_span_and_anchor_of_every_item()
    {
        var record = Assert.Single(new PlanRecords(Strings).For(SamplePlan()));
        Assert.Equal("/plans/141125-2023/", record.Url);
        Assert.Equal(SearchRecordType.Plan, record.Filters["type"].Single());
        var text = record.Content.Replace(SearchText.WordBreak.ToString(), "");
        Assert.Equal("柳林县2023年安全生产工作要点 一、总体要求 （一）深入开展打非治违专项行动。 各乡镇要落实三管三必须。", text);

        using var spans = System.Text.Json.JsonDocument.Parse(record.Meta["items"]);
        var at = spans.RootElement.GetProperty("title").GetInt32() + 1;
        var items = new List<(string Id, string Path, string Text)>();
        foreach (var span in spans.RootElement.GetProperty("items").EnumerateArray())
        {
            var length = span[3].GetInt32();
            items.Add((span[0].GetString()!, span[1].GetString()!, text.Substring(at, length)));
            at += length + 1;
        }
        Assert.Equal(text.Length + 1, at);
        Assert.Equal([("s1", "一", "一、总体要求"), ("s1-1", "一.（一）", "（一）深入开展打非治违专项行动。"), ("p1", "", "各乡镇要落实三管三必须。")], items);
    }

    [Theory]
    [InlineData("  一、\n总体\t要求　 ", "一、 总体 要求")]
    [InlineData("三管三必须", "三管三必须")]
    [InlineData(" \n ", "")]
    public void Whitespace_is_folded_as_pagefind_stores_text(string text, string folded) =>
        Assert.Equal(folded, PlanRecords.FoldWhitespace(text));

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
