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
            html.Append(WebUtility.HtmlEncode(text[at..start])).Append("<mark>").Append(WebUtility.HtmlEncode(text[start..end])).Append("</mark>");
            at = end;
        }
        return html.Append(WebUtility.HtmlEncode(text[at..])).ToString();
    }
}
