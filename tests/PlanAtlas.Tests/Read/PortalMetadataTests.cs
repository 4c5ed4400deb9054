using System.Text;
using PlanAtlas.Model;
using PlanAtlas.Read;

namespace PlanAtlas.Tests.Read;

/// <summary>
/// The metadata layouts of government portal templates, written in our own words: each becomes the same container
/// metadata, and <see cref="PortalFields"/> reads it by meaning.
/// </summary>
public class PortalMetadataTests
{
    private const string Body = """
        <div id="zoom"><p>一、总体要求。坚持人民至上、生命至上，统筹发展和安全，全面落实安全生产责任，防范化解重大安全风险。</p>
        <p>二、重点任务。深化专项整治，强化隐患排查治理，严格监管执法，夯实基层基础，提升应急处置能力和水平。</p></div>
        """;

    private static SourceDocument Read(string head, string block) =>
        new HtmlDocumentReader().Read(Encoding.UTF8.GetBytes($"<html><head>{head}</head><body>{block}{Body}</body></html>"), "x.html");

    [Fact]
    public void A_four_column_table_whose_labels_have_no_colon_is_read_cell_by_cell()
    {
        var document = Read("", """
            <table class="xxgk_table">
            <tr><th>索 引 号</th><td>11340800/2021-00815</td><th>信息分类</th><td>安全生产</td></tr>
            <tr><th>发布机构</th><td>安庆示例县应急管理局</td><th>发布日期</th><td>2021-03-02 09:15:00</td></tr>
            <tr><th>信息来源</th><td></td><th>关 键 词</th><td></td></tr>
            <tr><th>文　　号</th><td>示安委〔2021〕3号</td><th>主题分类</th><td>综合政务</td></tr>
            <tr><th>信息名称</th><td colspan="3">示例县安全生产委员会关于印发2021年安全生产工作要点的通知</td></tr>
            </table>
            """);
        var m = document.ContainerMetadata;
        Assert.Equal("11340800/2021-00815", m["索引号"]);
        Assert.Equal("安庆示例县应急管理局", m["发布机构"]);
        Assert.Equal("2021-03-02 09:15:00", m["发布日期"]);
        Assert.Equal("示安委〔2021〕3号", m["文号"]);
        Assert.Equal("综合政务", m["主题分类"]);
        Assert.False(m.ContainsKey("信息来源"));
        Assert.False(m.ContainsKey("关键词"));
        Assert.DoesNotContain(document.Blocks, b => b is TableBlock);
        var fields = PortalFields.From(m);
        Assert.Equal("示例县安全生产委员会关于印发2021年安全生产工作要点的通知", fields.Title);
        Assert.Equal(new DateOnly(2021, 3, 2), fields.PublishedOn);
    }

    [Fact]
    public void A_two_column_table_with_colons_gives_the_same_fields()
    {
        var document = Read("", """
            <div class="xxgk"><table>
            <tr><td>标　　题：</td><td>示例市安委会关于印发2022年安全生产工作要点的通知</td></tr>
            <tr><td>发文机关：</td><td>示例市安全生产委员会</td></tr>
            <tr><td>发文字号：</td><td>示安〔2022〕1号</td></tr>
            <tr><td>成文日期：</td><td>2022年02月18日</td></tr>
            </table></div>
            """);
        var fields = PortalFields.From(document.ContainerMetadata);
        Assert.Equal("示例市安委会关于印发2022年安全生产工作要点的通知", fields.Title);
        Assert.Equal("示例市安全生产委员会", fields.Issuer);
        Assert.Equal("示安〔2022〕1号", fields.DocNumber);
        Assert.Equal(new DateOnly(2022, 2, 18), fields.WrittenOn);
    }

    [Fact]
    public void A_bulleted_list_with_bullet_characters_is_a_block()
    {
        var document = Read("", """
            <ul class="info-list">
            <li>• 索引号：000014349/2020-00007</li>
            <li>• 发布机构：示例区应急管理局</li>
            <li>• 成文日期：2020-04-01</li>
            <li>• 主题分类：安全生产监管</li>
            </ul>
            """);
        Assert.Equal("000014349/2020-00007", document.ContainerMetadata["索引号"]);
        Assert.Equal("示例区应急管理局", document.ContainerMetadata["发布机构"]);
        Assert.DoesNotContain(document.Lines, l => l.Contains("索引号"));
    }

    [Fact]
    public void A_definition_list_and_spans_without_colons_are_blocks()
    {
        var dl = Read("", "<dl><dt>索引号</dt><dd>A-2019-1</dd><dt>发文字号</dt><dd>示政办发〔2019〕8号</dd></dl>");
        Assert.Equal("示政办发〔2019〕8号", dl.ContainerMetadata["发文字号"]);
        var spans = Read("", "<div class='meta'><span>发布机构</span> <span>示例县人民政府</span> <span>发布日期</span> <span>2019-05-06</span></div>");
        Assert.Equal("示例县人民政府", spans.ContainerMetadata["发布机构"]);
        Assert.Equal("2019-05-06", spans.ContainerMetadata["发布日期"]);
    }

    [Fact]
    public void The_standard_meta_tags_are_kept_and_read()
    {
        var document = Read("""
            <meta name="ArticleTitle" content="示例省2018年安全生产工作要点">
            <meta name="PubDate" content="2018-03-09 16:20">
            <meta name="ContentSource" content="示例省应急管理厅">
            <meta name="ColumnName" content="通知公告">
            <meta name="keywords" content="无关">
            """, "");
        var fields = PortalFields.From(document.ContainerMetadata);
        Assert.Equal("示例省2018年安全生产工作要点", fields.Title);
        Assert.Equal(new DateOnly(2018, 3, 9), fields.PublishedOn);
        Assert.Equal("示例省应急管理厅", fields.Source);
        Assert.Equal("通知公告", fields.Column);
        Assert.False(document.ContainerMetadata.ContainsKey("meta:keywords"));
    }

    [Fact]
    public void A_second_block_under_the_title_is_metadata_too()
    {
        var document = Read("", """
            <table class="xxgk_table"><tr><td>索引号：</td><td>B-1</td><td>发文字号：</td><td>示安〔2024〕2号</td></tr></table>
            <h1>示例县2024年安全生产工作要点</h1>
            <div class="info">发布日期：2024-02-20　发布机构：示例县应急管理局　浏览次数：</div>
            """);
        Assert.Equal("示安〔2024〕2号", document.ContainerMetadata["发文字号"]);
        Assert.Equal("示例县应急管理局", document.ContainerMetadata["发布机构"]);
        Assert.DoesNotContain(document.Lines, l => l.Contains("浏览次数"));
    }

    [Theory]
    [InlineData("2023年02月27日", 2023, 2, 27)]
    [InlineData("2023-2-7 10:06:36", 2023, 2, 7)]
    [InlineData("2023/02/27", 2023, 2, 27)]
    [InlineData("2023.02.27", 2023, 2, 27)]
    public void Portal_dates_are_read_in_every_form(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), PortalFields.ParseDate(text));

    [Theory]
    [InlineData("2023年02月30日")]
    [InlineData("二〇二三年")]
    [InlineData("")]
    public void Not_a_date_is_none(string text) => Assert.Null(PortalFields.ParseDate(text));

    [Fact]
    public void A_placeholder_is_no_value()
    {
        var fields = PortalFields.From(new Dictionary<string, string> { ["文号"] = "无", ["发文字号"] = "——", ["发布机构"] = "示例局" });
        Assert.Null(fields.DocNumber);
        Assert.Equal("示例局", fields.Issuer);
    }
}
