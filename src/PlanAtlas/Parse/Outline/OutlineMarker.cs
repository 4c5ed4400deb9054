using System.Text.RegularExpressions;

namespace PlanAtlas.Parse.Outline;

/// <summary>
/// A GB/T 9704 heading number at the start of a line and its real-world deviations: 一、 (also 一．) → （一）/(一)
/// → 1. / 1、 / 1． → （1）/(1)/1) → ①. The level comes from the marker's form, never from its neighbours,
/// so missing levels and numbers running on across sections (1.–36.) need no special case.
/// </summary>
/// <param name="Start">Index of the marker in the line (after leading white space).</param>
/// <param name="Length">Length of the marker including its punctuation.</param>
public sealed partial record OutlineMarker(int Level, int Number, int Start, int Length, string Text)
{
    public const int MaxLevel = 5;

    [GeneratedRegex(@"\G(?:(?<l1>[一二三四五六七八九十]{1,3})[ \u3000]?[、．.](?![0-9])|[（(][ \u3000]?(?<l2>[一二三四五六七八九十]{1,3})[ \u3000]?[）)]|(?<l3>[0-9]{1,3})(?:[.．](?![0-9])|、)|[（(][ \u3000]?(?<l4>[0-9]{1,3})[ \u3000]?[）)]|(?<l4b>[0-9]{1,3})[）)]|(?<l5>[①-⑳]))",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static OutlineMarker? Match(string line) => MatchAt(line, TextScan.SkipWhite(line));

    /// <summary>A marker starting at <paramref name="start"/> (for items run together on one line).</summary>
    public static OutlineMarker? MatchAt(string line, int start)
    {
        if (start >= line.Length) return null;
        var m = Pattern().Match(line, start);
        if (!m.Success) return null;
        int level, number;
        if (m.Groups["l1"].Success) { level = 1; if (!ChineseNumerals.TryParse(m.Groups["l1"].ValueSpan, out number)) return null; }
        else if (m.Groups["l2"].Success) { level = 2; if (!ChineseNumerals.TryParse(m.Groups["l2"].ValueSpan, out number)) return null; }
        else if (m.Groups["l3"].Success) { level = 3; number = int.Parse(m.Groups["l3"].ValueSpan); }
        else if (m.Groups["l4"].Success) { level = 4; number = int.Parse(m.Groups["l4"].ValueSpan); }
        else if (m.Groups["l4b"].Success) { level = 4; number = int.Parse(m.Groups["l4b"].ValueSpan); }
        else { level = 5; number = m.Value[0] - '①' + 1; }
        if (number <= 0) return null;
        // A number with nothing after it is a table cell or a stray number, not a heading; a bracketed （一） alone
        // on its line is still a heading (its text on the next line, or cut off where a page's excerpt ends).
        var bracketed = m.Value[0] is '（' or '(';
        if (!bracketed && (start + m.Length >= line.Length || TextScan.IsBlank(line[(start + m.Length)..]))) return null;
        return new OutlineMarker(level, number, start, m.Length, m.Value);
    }

    /// <summary>The marker in the form a reader cites: 一, （一）, 1, （1）, ① — full-width brackets, no trailing 、 or dot.</summary>
    public string PathLabel => Level switch
    {
        1 => ChineseNumerals.Format(Number),
        2 => $"（{ChineseNumerals.Format(Number)}）",
        3 => Number.ToString(),
        4 => $"（{Number}）",
        _ => Text,
    };
}
