using System.Net;
using System.Text;
using PlanAtlas.Model;
using PlanAtlas.Render.Themes;

namespace PlanAtlas.Tests.Render;

/// <summary>An item's text with its evidence marked is WebUtility.HtmlEncode's encoding of each piece, whatever the text holds.</summary>
public sealed class EvidenceHtmlTests
{
    private const string Alphabet = "燃气安全管理ab <>&\"'\u00a0\u00e9\u00ff\u0100“”—😀\ud800\udc00\ud83d";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_piece_of_text_is_appended_as_WebUtility_HtmlEncode_writes_it(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 500; round++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 30)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
            var start = random.Next(0, text.Length + 1);
            var end = random.Next(start, text.Length + 1);
            Assert.Equal("前" + WebUtility.HtmlEncode(text[start..end]), EvidenceHtml.Encoded(new StringBuilder("前"), text, start, end).ToString());
        }
    }

    [Fact]
    public void Evidence_is_marked_and_everything_else_escaped()
    {
        var text = "加强<燃气>安全&管理\u00a0😀";
        Assert.Equal("加强&lt;<mark>燃气</mark>&gt;安全&amp;<mark>管理</mark>&#160;&#128512;",
            EvidenceHtml.Mark(text, [new ThemeEvidence("燃气", 3, 2), new ThemeEvidence("管理", 9, 2), new ThemeEvidence("管", 9, 1)]));
    }
}
