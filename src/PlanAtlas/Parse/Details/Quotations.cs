using System.Text;

namespace PlanAtlas.Parse.Details;

/// <summary>Cited documents 《…》 (nested 〈〉 and 《》 kept) and quoted slogans “…”.</summary>
public static class Quotations
{
    public static IReadOnlyList<string> Citations(string text)
    {
        var found = new List<string>();
        for (var i = text.IndexOf('《'); i >= 0 && i < text.Length; i = text.IndexOf('《', i))
        {
            var depth = 0;
            var end = -1;
            for (var j = i; j < text.Length; j++)
            {
                if (text[j] == '《') depth++;
                else if (text[j] == '》' && --depth == 0) { end = j; break; }
            }
            if (end < 0) break;
            var title = NormaliseCitation(text[(i + 1)..end]);
            if (title.Length > 0 && !IsGenreOnly(title) && !found.Contains(title)) found.Add(title);
            i = end + 1;
        }
        return found;
    }

    /// <summary>
    /// The kinds of document a title ends with (意见, 通知, 方案 …), and the same with the words that qualify them: alone
    /// between 《》 they are not a title but a short form of one named before (贯彻落实《意见》), so not a citation.
    /// </summary>
    private static readonly HashSet<string> Genres = new(StringComparer.Ordinal)
    {
        "意见", "通知", "方案", "规定", "办法", "决定", "细则", "条例", "规划", "要点", "计划", "纲要", "报告", "指南", "清单", "通报",
        "批复", "函", "公告", "决议", "规则", "标准", "法", "实施意见", "指导意见", "实施方案", "工作方案", "实施细则", "工作要点",
        "工作计划", "暂行规定", "暂行办法", "管理办法", "若干规定", "若干意见",
    };

    /// <summary>A genre word with nothing before it (<see cref="Genres"/>): 《意见》, 《通知》, 《实施方案》.</summary>
    public static bool IsGenreOnly(string title) => Genres.Contains(title);

    /// <summary>
    /// One spelling per document: white space collapsed, half-width brackets made full-width, dash runs
    /// (-, --, —, ——) made ——, inner 《》 written 〈〉 as GB/T 15834 nests them.
    /// </summary>
    public static string NormaliseCitation(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        var lastSpace = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (TextScan.IsWhite(c)) { if (!lastSpace && sb.Length > 0) sb.Append(' '); lastSpace = true; continue; }
            lastSpace = false;
            switch (c)
            {
                case '(': sb.Append('（'); break;
                case ')': sb.Append('）'); break;
                case '《': sb.Append('〈'); break;
                case '》': sb.Append('〉'); break;
                case '-' or '—' or '－':
                    while (i + 1 < raw.Length && raw[i + 1] is '-' or '—' or '－') i++;
                    sb.Append("——");
                    break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString().Trim();
    }

    public static IReadOnlyList<string> Slogans(string text)
    {
        var found = new List<string>();
        for (var i = text.IndexOf('“'); i >= 0; i = text.IndexOf('“', i + 1))
        {
            var end = text.IndexOf('”', i + 1);
            if (end < 0) break;
            var next = text.IndexOf('“', i + 1);
            if (next >= 0 && next < end) continue; // unbalanced opening quote: take the inner one
            var s = TextScan.TrimAll(text[(i + 1)..end]);
            if (s.Length > 0 && !found.Contains(s)) found.Add(s);
            i = end;
        }
        return found;
    }
}
