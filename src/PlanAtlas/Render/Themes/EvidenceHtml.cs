using System.Net;
using System.Text;
using PlanAtlas.Model;

namespace PlanAtlas.Render.Themes;

/// <summary>
/// An item's text as HTML with the evidence of its themes in &lt;mark&gt;: every piece of text is escaped first,
/// marks go in by position, so nothing from the input can become markup.
/// </summary>
public static class EvidenceHtml
{
    public static string Mark(string text, IEnumerable<ThemeEvidence> evidence)
    {
        var spans = evidence.Where(e => e.Start >= 0 && e.Length > 0 && e.Start + e.Length <= text.Length)
            .Select(e => (e.Start, End: e.Start + e.Length)).OrderBy(s => s.Start).ThenBy(s => s.End).ToList();
        var merged = new List<(int Start, int End)>();
        foreach (var s in spans)
        {
            if (merged.Count > 0 && s.Start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, s.End));
            else merged.Add(s);
        }
        var html = new StringBuilder(text.Length + merged.Count * 13);
        var at = 0;
        foreach (var (start, end) in merged)
        {
            Encoded(html, text, at, start).Append("<mark>");
            Encoded(html, text, start, end).Append("</mark>");
            at = end;
        }
        return Encoded(html, text, at, text.Length).ToString();
    }

    /// <summary>
    /// Characters WebUtility.HtmlEncode may change: the five markup characters, U+00A0–U+00FF (written as numbers) and
    /// surrogates (a pair as one number, a lone one replaced).
    /// </summary>
    private static readonly System.Buffers.SearchValues<char> Encodable =
        System.Buffers.SearchValues.Create("<>\"'&" + string.Concat(Enumerable.Range(0xA0, 0x60).Select(c => (char)c)) +
            string.Concat(Enumerable.Range(0xD800, 0x800).Select(c => (char)c)));

    /// <summary>
    /// Appends text[start..end] as WebUtility.HtmlEncode writes it. Most of an item's text (Chinese) needs nothing: then
    /// it is copied as it is, without a substring for the encoder.
    /// </summary>
    internal static StringBuilder Encoded(StringBuilder html, string text, int start, int end)
    {
        var part = text.AsSpan(start, end - start);
        return part.IndexOfAny(Encodable) < 0 ? html.Append(part) : html.Append(WebUtility.HtmlEncode(text[start..end]));
    }
}
