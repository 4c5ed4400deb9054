using System.Text.RegularExpressions;

namespace PlanAtlas.Parse;

/// <summary>
/// The GB/T 9704 heading levels and their common deviations: 一、 → （一）/(一) → 1. 1、 1． → （1）/(1).
/// </summary>
public sealed record OutlineMarker(int Level, int Number, string Text)
{
    private static readonly Regex Pattern = new(
        @"^[ \t\u3000]*(?:(?<l1>[一二三四五六七八九十]{1,3})、|[（(](?<l2>[一二三四五六七八九十]{1,3})[）)]|(?<l3>\d{1,3})(?:[.．、](?!\d))|[（(](?<l4>\d{1,3})[）)])",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    public static OutlineMarker? Match(string line)
    {
        var m = Pattern.Match(line);
        if (!m.Success) return null;
        if (m.Groups["l1"].Success && ChineseNumerals.TryParse(m.Groups["l1"].ValueSpan, out var n1))
            return new OutlineMarker(1, n1, m.Value.TrimStart());
        if (m.Groups["l2"].Success && ChineseNumerals.TryParse(m.Groups["l2"].ValueSpan, out var n2))
            return new OutlineMarker(2, n2, m.Value.TrimStart());
        if (m.Groups["l3"].Success)
            return new OutlineMarker(3, int.Parse(m.Groups["l3"].ValueSpan), m.Value.TrimStart());
        if (m.Groups["l4"].Success)
            return new OutlineMarker(4, int.Parse(m.Groups["l4"].ValueSpan), m.Value.TrimStart());
        return null;
    }
}
