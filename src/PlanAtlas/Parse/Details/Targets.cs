using System.Text.RegularExpressions;

namespace PlanAtlas.Parse.Details;

/// <summary>
/// Quantified targets: the clause that holds a frequency (每月至少…一次), a rate (持证上岗率达100%), or a minimum
/// (不少于2个). Matching runs per clause, so the regexes only ever see a short string.
/// </summary>
public static partial class Targets
{
    private const string Count = @"(?:[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十百]+)";

    [GeneratedRegex(
        @"每(?:年|季度|季|月|周|半年|天|日|旬)[^，。；]{0,30}?(?:至少|不少于|不低于)?[^，。；]{0,30}?" + Count + @"(?:次|个|轮|批|场|家|人|名|项)" +
        @"|(?:率|比例|覆盖面)[^，。；]{0,8}?(?:达|达到|提高到|保持在?|不低于|超过)?\s*[0-9]+(?:\.[0-9]+)?\s*[%％]" +
        @"|(?:至少|不少于|不低于|不超过|控制在|达到)[^，。；]{0,20}?" + Count + @"\s*(?:个|家|次|名|人|项|%|％|万|吨|米|年|小时|天|处|轮|场|所)" +
        @"|[0-9]+(?:\.[0-9]+)?\s*[%％]\s*以上" +
        @"|(?:下降|减少|增长|提高|降低)\s*[0-9]+(?:\.[0-9]+)?\s*[%％]" +
        @"|年内[^，。；]{0,20}?(?:完成|实现|达到|组织)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Quantity();

    public static IReadOnlyList<string> Find(string text)
    {
        var found = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('，' or '。' or '；' or ';' or ',' or '：' or '\n')) continue;
            var clause = TextScan.TrimAll(text.AsSpan(start, i - start)).ToString();
            if (clause.Length is > 0 and <= 200 && Quantity().IsMatch(clause) && !found.Contains(clause)) found.Add(clause);
            start = i + 1;
        }
        return found;
    }
}
