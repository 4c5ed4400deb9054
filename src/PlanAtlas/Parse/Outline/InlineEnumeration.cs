namespace PlanAtlas.Parse.Outline;

/// <summary>
/// Enumerations written inside a paragraph: 一是…二是…三是…. A clause marker counts only at the start of the text
/// or after punctuation, and only in sequence, so 统一是 or a stray 三是 in prose never splits an item.
/// </summary>
public static class InlineEnumeration
{
    public readonly record struct Clause(int Start, int Number, int MarkerLength);

    /// <summary>The number of an enumeration clause opening the line (after white space), or 0.</summary>
    public static int AtLineStart(string text, out int start, out int markerLength)
    {
        start = TextScan.SkipWhite(text);
        markerLength = 0;
        var n = NumberAt(text, start, out markerLength);
        return n;
    }

    /// <summary>
    /// Clauses from <paramref name="from"/> on, numbered <paramref name="firstNumber"/>, +1, +2 … Returns the
    /// clauses found in sequence; the caller decides whether a lone clause is an enumeration.
    /// </summary>
    public static List<Clause> Find(string text, int from, int firstNumber)
    {
        var found = new List<Clause>();
        var expected = firstNumber;
        for (var i = text.IndexOf('是', from); i >= 0; i = text.IndexOf('是', i + 1))
        {
            // Walk back over the numeral.
            var j = i;
            while (j > from && IsNumeral(text[j - 1]) && i - j < 3) j--;
            if (j == i) continue;
            if (j > 0 && !IsBoundary(text[j - 1])) continue;
            if (!ChineseNumerals.TryParse(text.AsSpan(j, i - j), out var n) || n != expected) continue;
            found.Add(new Clause(j, n, i - j + 1));
            expected++;
        }
        return found;
    }

    /// <summary>
    /// Numbered clauses written inline after the item's lead: …要求。（1）修订…；（2）建立…. Same rules as 一是: at a
    /// clause boundary and in sequence from 1. <see cref="Clause.Number"/> is the number; the marker is （n） or (n).
    /// </summary>
    public static List<Clause> FindNumbered(string text, int from)
    {
        var found = new List<Clause>();
        var expected = 1;
        for (var i = text.IndexOfAny(['（', '('], from); i >= 0; i = i + 1 < text.Length ? text.IndexOfAny(['（', '('], i + 1) : -1)
        {
            if (i > 0 && !IsBoundary(text[i - 1])) continue;
            var j = i + 1;
            while (j < text.Length && j - i <= 2 && char.IsAsciiDigit(text[j])) j++;
            if (j == i + 1 || j >= text.Length || text[j] is not ('）' or ')')) continue;
            if (int.Parse(text.AsSpan(i + 1, j - i - 1)) != expected) continue;
            found.Add(new Clause(i, expected, j - i + 1));
            expected++;
        }
        return found;
    }

    private static int NumberAt(string text, int start, out int markerLength)
    {
        markerLength = 0;
        var j = start;
        while (j < text.Length && IsNumeral(text[j]) && j - start < 3) j++;
        if (j == start || j >= text.Length || text[j] != '是') return 0;
        if (!ChineseNumerals.TryParse(text.AsSpan(start, j - start), out var n)) return 0;
        markerLength = j - start + 1;
        return n;
    }

    private static bool IsNumeral(char c) => c is '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十';

    private static bool IsBoundary(char c) => c is '。' or '；' or ';' or '：' or ':' or '，' or ',' or '）' or ')' or '！' or '？'
        || TextScan.IsWhite(c);
}
