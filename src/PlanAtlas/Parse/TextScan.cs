using System.Buffers;

namespace PlanAtlas.Parse;

/// <summary>Character classes and bracket matching shared by the line classifiers; spans only, no regex.</summary>
internal static class TextScan
{
    /// <summary>Sentence and clause punctuation, full- and half-width.</summary>
    public static readonly SearchValues<char> ClausePunctuation = SearchValues.Create("，。；：！？,;:!?、");
    public static readonly SearchValues<char> SentenceEnd = SearchValues.Create("。！？!?");
    public static readonly SearchValues<char> OpenBrackets = SearchValues.Create("（(【[〔［");
    public static readonly SearchValues<char> CloseBrackets = SearchValues.Create("）)】]〕］");

    public static bool IsBlank(string text) => text.AsSpan().Trim(" \t\u3000\u00a0\ufeff").IsEmpty;

    public static ReadOnlySpan<char> TrimAll(ReadOnlySpan<char> text) => text.Trim(" \t\u3000\u00a0\ufeff");

    public static string TrimAll(string text) => TrimAll(text.AsSpan()).ToString();

    public static bool IsWhite(char c) => c is ' ' or '\t' or '\u3000' or '\u00a0' or '\ufeff';

    /// <summary>Index of the first character that is not white space, or text.Length.</summary>
    public static int SkipWhite(string text, int from = 0)
    {
        while (from < text.Length && IsWhite(text[from])) from++;
        return from;
    }

    /// <summary>
    /// Index of the first <paramref name="targets"/> character at bracket/quote depth 0 from <paramref name="from"/>,
    /// or -1. Nested brackets of either width count; quotes “” and 《》 count as brackets.
    /// </summary>
    public static int IndexOfAtTopLevel(ReadOnlySpan<char> text, SearchValues<char> targets, int from = 0)
    {
        var depth = 0;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '（' or '(' or '“' or '《' or '〔' or '【' or '[' or '［' or '〈') depth++;
            else if (c is '）' or ')' or '”' or '》' or '〕' or '】' or ']' or '］' or '〉') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && targets.Contains(c)) return i;
        }
        return -1;
    }

    /// <summary>The index of the bracket opening the one that closes at <paramref name="close"/>, nested brackets of either width included; -1 if unbalanced.</summary>
    public static int MatchingOpen(ReadOnlySpan<char> text, int close)
    {
        var depth = 0;
        for (var i = close; i >= 0; i--)
        {
            var c = text[i];
            if (c is '）' or ')') depth++;
            else if (c is '（' or '(')
            {
                depth--;
                if (depth == 0) return i;
            }
        }
        return -1;
    }
}
