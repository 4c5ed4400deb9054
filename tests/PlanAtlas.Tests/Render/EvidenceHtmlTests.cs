using System.Net;
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
    [InlineData(4)]
    public void Marked_text_is_the_html_encoding_of_every_piece(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 30)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
            var evidence = Enumerable.Range(0, random.Next(0, 4)).Select(_ =>
            {
                var start = random.Next(0, text.Length + 1);
                return new ThemeEvidence("x", start, random.Next(0, text.Length - start + 1));
            }).ToList();
            Assert.Equal(Expected(text, evidence), EvidenceHtml.Mark(text, evidence));
        }
    }

    /// <summary>The marking as it was first written: every piece cut out and encoded.</summary>
    private static string Expected(string text, IReadOnlyList<ThemeEvidence> evidence)
    {
        var spans = evidence.Where(e => e.Start >= 0 && e.Length > 0 && e.Start + e.Length <= text.Length)
            .Select(e => (e.Start, End: e.Start + e.Length)).OrderBy(s => s.Start).ThenBy(s => s.End).ToList();
        var merged = new List<(int Start, int End)>();
        foreach (var s in spans)
        {
            if (merged.Count > 0 && s.Start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, s.End));
            else merged.Add(s);
        }
        var html = new System.Text.StringBuilder();
        var at = 0;
        foreach (var (start, end) in merged)
        {
            html.Append(WebUtility.HtmlEncode(text[at..start])).Append("<mark>").Append(WebUtility.HtmlEncode(text[start..end])).Append("</mark>");
            at = end;
        }
        return html.Append(WebUtility.HtmlEncode(text[at..])).ToString();
    }
}
