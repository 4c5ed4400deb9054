using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PlanAtlas.Read;

/// <summary>
/// Word's automatic numbering: a list paragraph's "一、" or "（二）" or "3." is not in its text but generated from
/// the numbering definitions, and the parser needs it to see the outline. Counters run per list (numId), a level
/// restarts when a higher level moves on, and the level's text pattern ("%1、", "（%2）") and number format
/// (chineseCounting, decimal ...) give the marker. Numbering inherited from paragraph styles is not resolved.
/// </summary>
internal sealed class DocxNumbering
{
    private readonly Dictionary<int, AbstractNum> _abstractByNum = [];
    private readonly Dictionary<int, int[]> _counters = [];

    public DocxNumbering(MainDocumentPart? main)
    {
        var numbering = main?.NumberingDefinitionsPart?.Numbering;
        if (numbering is null) return;
        var abstracts = numbering.Elements<AbstractNum>()
            .Where(a => a.AbstractNumberId?.Value is not null)
            .GroupBy(a => a.AbstractNumberId!.Value)
            .ToDictionary(g => g.Key, g => g.First());
        foreach (var num in numbering.Elements<NumberingInstance>())
            if (num.NumberID?.Value is { } id && num.AbstractNumId?.Val?.Value is { } abstractId && abstracts.TryGetValue(abstractId, out var a))
                _abstractByNum[id] = a;
    }

    /// <summary>The marker Word shows before this paragraph, or "" when it is not a numbered paragraph.</summary>
    public string Marker(Paragraph paragraph)
    {
        var numPr = paragraph.ParagraphProperties?.NumberingProperties;
        if (numPr?.NumberingId?.Val?.Value is not { } numId || numId == 0) return "";
        var levelIndex = Math.Clamp(numPr.NumberingLevelReference?.Val?.Value ?? 0, 0, 8);
        if (!_abstractByNum.TryGetValue(numId, out var abstractNum)) return "";
        var levels = abstractNum.Elements<Level>().Where(l => l.LevelIndex?.Value is not null).ToDictionary(l => l.LevelIndex!.Value);
        if (!levels.TryGetValue(levelIndex, out var level)) return "";

        if (!_counters.TryGetValue(numId, out var counters)) _counters[numId] = counters = new int[9];
        counters[levelIndex] = counters[levelIndex] == 0 ? Start(level) : counters[levelIndex] + 1;
        for (int deeper = levelIndex + 1; deeper < counters.Length; deeper++) counters[deeper] = 0;

        var format = level.NumberingFormat?.Val?.Value;
        if (format == NumberFormatValues.Bullet || format == NumberFormatValues.None) return "";
        var pattern = level.LevelText?.Val?.Value ?? "";
        var sb = new StringBuilder();
        for (int i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '%' && i + 1 < pattern.Length && pattern[i + 1] is >= '1' and <= '9')
            {
                var referenced = pattern[++i] - '1';
                var value = referenced == levelIndex ? counters[referenced] : Math.Max(counters[referenced], 1);
                var referencedFormat = levels.TryGetValue(referenced, out var l) ? l.NumberingFormat?.Val?.Value : format;
                sb.Append(Format(value, level.IsLegalNumberingStyle is not null && referenced != levelIndex ? NumberFormatValues.Decimal : referencedFormat));
            }
            else sb.Append(pattern[i]);
        }
        var suffix = level.LevelSuffix?.Val?.Value;
        var separator = suffix == LevelSuffixValues.Nothing || sb.Length == 0 || sb[^1] is '、' or '）' or '．' or '。' or '：' ? "" : " ";
        return sb + separator;
    }

    private static int Start(Level level) => level.StartNumberingValue?.Val?.Value ?? 1;

    internal static string Format(int n, NumberFormatValues? format)
    {
        if (format == NumberFormatValues.ChineseCounting || format == NumberFormatValues.ChineseCountingThousand
            || format == NumberFormatValues.ChineseLegalSimplified || format == NumberFormatValues.IdeographTraditional
            || format == NumberFormatValues.TaiwaneseCounting || format == NumberFormatValues.TaiwaneseCountingThousand)
            return Chinese(n);
        if (format == NumberFormatValues.DecimalFullWidth || format == NumberFormatValues.DecimalFullWidth2)
            return string.Concat(n.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => (char)(c - '0' + '０')));
        if (format == NumberFormatValues.DecimalEnclosedCircle || format == NumberFormatValues.DecimalEnclosedCircleChinese)
            return n is >= 1 and <= 20 ? ((char)('①' + n - 1)).ToString() : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (format == NumberFormatValues.LowerLetter) return Letters(n, 'a');
        if (format == NumberFormatValues.UpperLetter) return Letters(n, 'A');
        if (format == NumberFormatValues.LowerRoman) return Roman(n).ToLowerInvariant();
        if (format == NumberFormatValues.UpperRoman) return Roman(n);
        return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>一 … 九十九 as Chinese documents count sections; larger numbers fall back to digits.</summary>
    internal static string Chinese(int n)
    {
        const string digits = "〇一二三四五六七八九";
        if (n is < 1 or > 99) return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (n < 10) return digits[n].ToString();
        var tens = n / 10;
        var ones = n % 10;
        return (tens == 1 ? "" : digits[tens].ToString()) + "十" + (ones == 0 ? "" : digits[ones].ToString());
    }

    private static string Letters(int n, char a) => n < 1 ? "" : new string((char)(a + (n - 1) % 26), (n - 1) / 26 + 1);

    private static string Roman(int n)
    {
        (int Value, string Symbol)[] table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var sb = new StringBuilder();
        foreach (var (value, symbol) in table)
            for (; n >= value; n -= value) sb.Append(symbol);
        return sb.ToString();
    }
}
