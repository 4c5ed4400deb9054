using PlanAtlas.Index;

namespace PlanAtlas.Tests.Index;

public sealed class PageTextTests
{
    [Theory]
    [InlineData("<main data-search-body><p>a&amp;b &lt;c&gt; &#x5B89;全</p></main>", "a&b <c> 安全")]
    [InlineData("<main data-search-body><p>前</p><!-- 注释 <p>x</p> --><p>后</p></main>", "前\n后")]
    [InlineData("<main data-search-body><script>var s = '</p>燃气';</script><style>p{}</style><p>正文</p></main>", "正文")]
    [InlineData("<main data-search-body><div data-search-ignore><div>内</div>仍在外层</div><p>留下</p></main>", "留下")]
    [InlineData("<main data-search-body><a title=\"x > y\" href=\"/a\">链接</a><span>文字</span></main><p>页脚</p>", "链接文字")]
    [InlineData("<main data-search-body>甲<br>乙<img alt=\"图\" src=\"a.png\">丙</main>", "甲\n乙丙")]
    [InlineData("<main data-search-body><template><p>模板</p></template><noscript><p>无脚本</p></noscript>a < b</main>", "a < b")]
    [InlineData("<div data-search-body><div>内<div>层</div></div>外</div><div>之后</div>", "内\n层\n外")]
    public void The_marked_element_gives_its_text_line_by_line(string html, string text) =>
        Assert.Equal(text, PageText.Extract(html)?.Text);

    [Fact]
    public void The_heading_is_the_first_h1_else_the_title()
    {
        Assert.Equal("山西省 概况", PageText.Extract("<main data-search-body><h1>山西省\n 概况</h1><h1>二</h1></main>")?.Title);
        Assert.Equal("关于 · 站点", PageText.Extract("<title>关于 &middot; 站点</title><main data-search-body><p>x</p></main>")?.Title);
    }

    [Fact]
    public void A_page_without_a_marked_element_has_no_text()
    {
        Assert.Null(PageText.Extract("<main><p>x</p></main>"));
        Assert.Null(PageText.Extract("<main title=\"data-search-body\"><p>x</p></main>"));
    }
}
