namespace PlanAtlas.Parse.Outline;

/// <summary>
/// The lead phrase of an item — 加强改革宣传力度 in （一）加强改革宣传力度。贯彻落实… — found by the first full stop
/// or colon at bracket depth 0, or the whole line when the line is only a heading.
/// </summary>
public static class LeadPhrase
{
    private const int ShortHeadingMax = 16;

    private static readonly System.Buffers.SearchValues<char> Colon = System.Buffers.SearchValues.Create("：:");
    private static readonly System.Buffers.SearchValues<char> ClauseEnd = System.Buffers.SearchValues.Create("，。；：,;:！？");

    /// <summary>For a numbered item or section: <paramref name="rest"/> is the text after the marker.</summary>
    public static string ForItem(string rest, int wholeLineMax = 40)
    {
        var r = rest.TrimStart(' ', '\t', '\u3000');
        var stop = TextScan.IndexOfAtTopLevel(r, TextScan.SentenceEnd);
        var colon = TextScan.IndexOfAtTopLevel(r, Colon);
        if (colon is > 0 and <= 20 && (stop < 0 || colon < stop)) return Clean(r[..colon]);
        if (stop < 0) return r.Length <= wholeLineMax ? Clean(r) : "";
        return stop is > 0 and <= 60 ? Clean(r[..stop]) : "";
    }

    /// <summary>For an unnumbered paragraph: a label before a colon (总体要求：), or a short first sentence without commas.</summary>
    public static string ForParagraph(string text)
    {
        var r = TextScan.TrimAll(text);
        var colon = TextScan.IndexOfAtTopLevel(r, Colon);
        if (colon is > 0 and <= 10 && r.AsSpan(0, colon).IndexOfAny(TextScan.ClausePunctuation) < 0) return Clean(r[..colon]);
        // A short line with no punctuation at all is a heading that lost its number (工作目标).
        if (r.Length is >= 2 and <= ShortHeadingMax && r.AsSpan().IndexOfAny(TextScan.ClausePunctuation) < 0 && !char.IsAsciiDigit(r[0])
            && r.AsSpan().IndexOfAny(TextScan.OpenBrackets) < 0)
            return r;
        var stop = TextScan.IndexOfAtTopLevel(r, TextScan.SentenceEnd);
        if (stop is > 0 and <= 20 && stop < r.Length - 1 && !char.IsAsciiDigit(r[0]) && r.AsSpan(0, stop).IndexOfAny(TextScan.ClausePunctuation) < 0) return Clean(r[..stop]);
        return "";
    }

    /// <summary>For an enumeration clause: the text after 一是 up to the first clause punctuation, if short.</summary>
    public static string ForClause(string afterMarker)
    {
        var cut = TextScan.IndexOfAtTopLevel(afterMarker, ClauseEnd);
        if (cut < 0) return afterMarker.Length <= 30 ? Clean(afterMarker) : "";
        return cut is > 0 and <= 30 ? Clean(afterMarker[..cut]) : "";
    }

    private static string Clean(string s) => TextScan.TrimAll(s).TrimEnd('。', '；', ';', '，', ',', '：', ':');
}
