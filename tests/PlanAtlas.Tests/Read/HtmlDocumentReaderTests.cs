using System.Text;
using PlanAtlas.Model;
using PlanAtlas.Read;

namespace PlanAtlas.Tests.Read;

public class HtmlDocumentReaderTests
{
    private static readonly SourceDocument Portal =
        new HtmlDocumentReader().Read(ReadFixtures.Form("yichun-2023.html"), "yichun-2023.html");

    [Theory]
    [InlineData("索引号", "11360900MB1753617T/2023-00412")]
    [InlineData("发文字号", "宜市安字〔2023〕2号")]
    [InlineData("发文日期", "2023年02月27日")]
    [InlineData("发文单位", "宜春市安全生产委员会")]
    [InlineData("主题分类", "安全生产监管")]
    [InlineData("效力状态", "有效")]
    public void The_portal_metadata_table_becomes_metadata(string key, string value) =>
        Assert.Equal(value, Portal.ContainerMetadata[key]);

    [Fact]
    public void The_page_title_is_kept_as_metadata() =>
        Assert.Equal("宜春市安委会关于印发宜春市2023年安全生产工作要点的通知_宜春市应急管理局", Portal.ContainerMetadata["html:title"]);

    [Fact]
    public void Metadata_and_page_chrome_are_not_content()
    {
        string[] chrome = ["索引号", "今天是", "网站地图", "打印本页", "关闭窗口", "版权所有", "当前位置", "设为首页", "字体", "ICP"];
        Assert.DoesNotContain(Portal.Lines, l => chrome.Any(c => Whitespace(l).Contains(c)));
    }

    [Fact]
    public void The_portal_page_is_an_article_and_needs_no_warning() => Assert.Empty(Portal.Notes);

    [Fact]
    public void Tables_arrive_as_tables()
    {
        var table = Assert.Single(Portal.Blocks.OfType<TableBlock>());
        Assert.Equal(["序号", "任务", "责任单位"], table.Rows[0]);
        Assert.Equal(4, table.Rows.Count);
    }

    [Fact]
    public void Nothing_executable_reaches_a_block()
    {
        foreach (var (name, bytes) in new[] { ("yichun-2023.html", ReadFixtures.Form("yichun-2023.html")), ("hostile.html", ReadFixtures.BadFile("hostile.html")) })
        {
            var document = new HtmlDocumentReader().Read(bytes, name);
            var all = string.Join("\n", document.Blocks.Select(BlockText).Concat(document.ContainerMetadata.Values));
            foreach (var marker in new[] { "SCRIPTTEXT", "STYLETEXT", "HANDLER", "JSURL", "NOSCRIPTTEXT", "IFRAMETEXT", "SVGSCRIPT", "TEMPLATETEXT", "alert", "javascript", "steal" })
                Assert.DoesNotContain(marker, all, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void A_hostile_page_keeps_its_text_and_escaped_markup_stays_text()
    {
        var document = new HtmlDocumentReader().Read(ReadFixtures.BadFile("hostile.html"), "hostile.html");
        Assert.Contains(document.Lines, l => l.StartsWith("一、加强安全生产责任落实"));
        Assert.Contains(document.Lines, l => l.Contains("开展隐患排查治理"));
        Assert.Contains(document.Lines, l => l.Contains("<script>这是正文里写出来的尖括号</script>"));
    }

    [Fact]
    public void A_gb2312_page_is_decoded_by_its_meta_charset()
    {
        TextDecoding.EnsureCodePages();
        var html = Encoding.UTF8.GetString(ReadFixtures.Form("yichun-2023.html")).Replace("<meta charset=\"utf-8\">", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">");
        var document = new HtmlDocumentReader().Read(Encoding.GetEncoding("GB18030").GetBytes(html), "gbk.html");
        Assert.Equal("gb18030", document.Encoding);
        Assert.Equal(ReadFixtures.NormalizedParagraphs(Portal), ReadFixtures.NormalizedParagraphs(document));
    }

    [Fact]
    public void Layout_tables_indentation_and_span_soup_do_not_change_the_paragraphs()
    {
        var html = Encoding.UTF8.GetString(ReadFixtures.Form("yichun-2023.html"))
            .Replace("<div class=\"TRS_Editor\" id=\"zoom\">", "<table width=\"100%\"><tr><td class=\"bt_content\"><div class=\"TRS_Editor\" id=\"zoom\">")
            .Replace("<div class=\"print\">", "</td></tr></table><div class=\"print\">")
            .Replace("<p>", "<p style=\"text-indent:2em\"><span style=\"font-family:仿宋\">\u3000\u3000")
            .Replace("</p>", "</span>&nbsp;</p>");
        var document = new HtmlDocumentReader().Read(Encoding.UTF8.GetBytes(html), "layout.html");
        Assert.Equal(ReadFixtures.NormalizedParagraphs(Portal), ReadFixtures.NormalizedParagraphs(document));
        Assert.Single(document.Blocks.OfType<TableBlock>());
    }

    [Fact]
    public void A_gbk_page_that_claims_a_western_charset_is_detected()
    {
        TextDecoding.EnsureCodePages();
        var html = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>一、加强安全生产责任落实，压实党政领导责任和部门监管责任。</p></body></html>";
        var document = new HtmlDocumentReader().Read(Encoding.GetEncoding("GBK").GetBytes(html), "x.html");
        Assert.Equal("gb18030", document.Encoding);
        Assert.Equal(["一、加强安全生产责任落实，压实党政领导责任和部门监管责任。"], document.Lines);
    }

    [Fact]
    public void Every_row_of_the_metadata_table_is_metadata_even_without_a_well_known_label()
    {
        const string html = """
            <html><body><table class="layout"><tr><td>
            <table class="xxgk">
            <tr><td>索 引 号：</td><td>000014349/2023-00012</td><td>发文字号：</td><td>柳政发〔2023〕2号</td></tr>
            <tr><td>标　　题：</td><td colspan="3">柳林县人民政府关于做好2023年安全生产工作的通知</td></tr>
            <tr><td>成文日期：</td><td>2023年03月01日</td><td>发布机构：</td><td>柳林县人民政府</td></tr>
            </table>
            <div class="content"><p>一、总体要求。深入贯彻落实习近平总书记关于安全生产的重要论述，统筹发展和安全，坚持人民至上、生命至上，全面落实安全生产责任。</p>
            <p>二、重点任务。持续开展安全生产专项整治，强化风险防控和隐患排查治理，严格监管执法，夯实基层基础，提升应急处置能力。</p></div>
            </td></tr></table></body></html>
            """;
        var document = new HtmlDocumentReader().Read(Encoding.UTF8.GetBytes(html), "x.html");
        Assert.Equal("柳林县人民政府关于做好2023年安全生产工作的通知", document.ContainerMetadata["标题"]);
        Assert.Equal("柳政发〔2023〕2号", document.ContainerMetadata["发文字号"]);
        Assert.Equal("柳林县人民政府", document.ContainerMetadata["发布机构"]);
        Assert.DoesNotContain(document.Blocks, b => b is TableBlock);
        Assert.DoesNotContain(document.Lines, l => l.Contains("柳政发"));
    }

    [Fact]
    public void Metadata_written_as_lines_of_text_is_found_too()
    {
        const string html = """
            <html><body><div id="c">
            <p>索  引  号: 011217651/2018-310089 发文字号: 发文日期: 2018年04月18日</p>
            <p>发文单位: 鄂州市安全生产监督管理局 发布日期: 2018年04月18日</p>
            <p>主题分类: 其他 效力状态: 有效</p>
            <p>一、深化推进安全生产领域改革。落实《中共中央国务院关于推进安全生产领域改革发展的意见》，各地要制定实施方案，明确时间表和路线图，确保改革任务落地见效。</p>
            <p>二、严格落实安全生产责任制。强化地方各级党委政府领导责任，落实部门监管责任和企业主体责任，健全责任考核机制。</p>
            </div></body></html>
            """;
        var document = new HtmlDocumentReader().Read(Encoding.UTF8.GetBytes(html), "x.html");
        Assert.Equal("011217651/2018-310089", document.ContainerMetadata["索引号"]);
        Assert.Equal("鄂州市安全生产监督管理局", document.ContainerMetadata["发文单位"]);
        Assert.Equal("有效", document.ContainerMetadata["效力状态"]);
        Assert.False(document.ContainerMetadata.ContainsKey("发文字号"));
        Assert.Equal(2, document.Lines.Count(l => l.Length > 0));
    }

    [Fact]
    public void A_page_without_paragraph_markup_still_gives_its_text()
    {
        var document = new HtmlDocumentReader().Read(Encoding.UTF8.GetBytes("<html><body>一、总体要求<br>二、重点任务</body></html>"), "bare.html");
        Assert.Equal(["一、总体要求", "二、重点任务"], document.Lines);
    }

    private static string Whitespace(string s) => ReadFixtures.Normalize(s);

    private static string BlockText(SourceBlock b) => b switch
    {
        ParagraphBlock p => p.Text,
        TableBlock t => string.Join(" ", t.Rows.SelectMany(r => r)),
        _ => "",
    };
}
