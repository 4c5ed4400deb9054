using System.Globalization;
using System.Text.RegularExpressions;

namespace PlanAtlas.Parse.Header;

/// <summary>
/// 成文日期 and portal dates: 2023年2月27日, 二〇二三年二月二十七日, 2023-02-27, 2023.2.27, and the mangled form
/// 2023227 (or 2023227日) where 年/月 (and 日) were lost (repaired, with a note saying how the digits were read).
/// </summary>
public static partial class DocumentDates
{
    public sealed record Result(DateOnly Date, string Raw, bool Repaired, string? Note);

    [GeneratedRegex(@"^(?<y>(?:19|20)[0-9]{2})\s*年\s*(?<m>[0-9]{1,2})\s*月\s*(?<d>[0-9]{1,2})\s*日$", RegexOptions.CultureInvariant)]
    private static partial Regex Written();

    [GeneratedRegex(@"^(?<y>[〇零一二三四五六七八九]{4})年(?<m>[一二三四五六七八九十]{1,2})月(?<d>[一二三四五六七八九十]{1,3})日$", RegexOptions.CultureInvariant)]
    private static partial Regex Chinese();

    [GeneratedRegex(@"^(?<y>(?:19|20)[0-9]{2})[.\-/](?<m>[0-9]{1,2})[.\-/](?<d>[0-9]{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Separated();

    [GeneratedRegex(@"^(?<y>(?:19|20)[0-9]{2})(?<md>[0-9]{2,4})日?$", RegexOptions.CultureInvariant)]
    private static partial Regex RunTogether();

    /// <summary>A line (or value) that is only a date.</summary>
    public static Result? Parse(string line)
    {
        var text = TextScan.TrimAll(line);
        if (text.Length is < 6 or > 20) return null;
        if (Written().Match(text) is { Success: true } w) return Make(w, text);
        if (Separated().Match(text) is { Success: true } s) return Make(s, text);
        if (Chinese().Match(text) is { Success: true } c
            && ChineseNumerals.TryParse(c.Groups["y"].ValueSpan, out var cy)
            && ChineseNumerals.TryParse(c.Groups["m"].ValueSpan, out var cm)
            && ChineseNumerals.TryParse(c.Groups["d"].ValueSpan, out var cd)
            && Valid(cy, cm, cd))
            return new Result(new DateOnly(cy, cm, cd), text, false, null);
        if (RunTogether().Match(text) is { Success: true } r)
        {
            var y = int.Parse(r.Groups["y"].Value);
            var md = r.Groups["md"].Value;
            // Read the month as short as possible first: 227 is 2-27, not 22-7.
            (int M, int D)[] readings = md.Length switch
            {
                2 => [(md[0] - '0', md[1] - '0')],
                3 => [(md[0] - '0', int.Parse(md[1..])), (int.Parse(md[..2]), md[2] - '0')],
                _ => [(int.Parse(md[..2]), int.Parse(md[2..]))],
            };
            foreach (var (m, d) in readings)
                if (Valid(y, m, d))
                    return new Result(new DateOnly(y, m, d), text, true, $"repaired from '{text}' read as {y}年{m}月{d}日");
        }
        return null;
    }

    private static Result? Make(Match m, string text)
    {
        var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        return Valid(y, mo, d) ? new Result(new DateOnly(y, mo, d), text, false, null) : null;
    }

    private static bool Valid(int y, int m, int d) => y is >= 1949 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m);
}
