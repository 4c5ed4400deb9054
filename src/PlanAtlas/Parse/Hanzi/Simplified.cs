using System.Buffers;

namespace PlanAtlas.Parse.Hanzi;

/// <summary>
/// Traditional characters read as their simplified forms, one character for one (黑龍江省安全生產委員會 →
/// 黑龙江省安全生产委员会), so a reposted page in traditional characters is recognised by the same words, region
/// names and 文号 as any other. Only for recognising: values keep the characters the document wrote. The
/// string keeps its length, so an index found in the simplified reading is an index in the original.
/// </summary>
public static class Simplified
{
    private static readonly (char[] Map, string Chars) Table = Load();
    private static readonly char[] Map = Table.Map;
    private static readonly SearchValues<char> Traditional = SearchValues.Create(Table.Chars);

    /// <summary>The text with every traditional character replaced; the same instance when it has none.</summary>
    public static string Of(string text)
    {
        var first = text.AsSpan().IndexOfAny(Traditional);
        if (first < 0) return text;
        return string.Create(text.Length, (text, first), static (span, s) =>
        {
            s.text.AsSpan().CopyTo(span);
            for (var i = s.first; i < span.Length; i++) span[i] = Map[span[i]];
        });
    }

    private static (char[], string) Load()
    {
        var map = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++) map[c] = (char)c;
        var chars = new System.Text.StringBuilder();
        using var stream = typeof(Simplified).Assembly.GetManifestResourceStream("PlanAtlas.Parse.Hanzi.t2s.tsv")!;
        using var reader = new StreamReader(stream);
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.Length == 0) continue;
            if (header) { header = false; continue; }
            if (line.Length != 3 || line[1] != '\t') continue;
            map[line[0]] = line[2];
            chars.Append(line[0]);
        }
        return (map, chars.ToString());
    }
}
