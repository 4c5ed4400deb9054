using System.Text.RegularExpressions;

namespace PlanAtlas.Parse.Header;

/// <summary>
/// 发文字号: issuer abbreviation, year in brackets, serial number and 号 — 宜市安字〔2023〕2号. Brackets 〔〕 are the
/// standard; [] () （） 【】 are normalised to them. A mangled number (柳政发〔20232: closing bracket and 号 lost) is
/// repaired where the year and serial can be told apart, with a note saying what was read. The traditional 號 is
/// read as 号, and a number written in parentheses after a flattened title ((冀安委〔2016〕2号)) is read without them.
/// </summary>
public static partial class DocNumbers
{
    public sealed record Result(string Value, string Raw, bool Repaired, bool Complete, string? Note);

    [GeneratedRegex(@"^(?<p>[\p{IsCJKUnifiedIdeographs}A-Za-z]{1,16})\s*[〔\[（(【［]\s*(?<y>(?:19|20)[0-9]{2})\s*[〕\]）)】］]\s*第?(?<n>[0-9]{1,5})\s*[号號]$", RegexOptions.CultureInvariant)]
    private static partial Regex WellFormed();

    // Brackets or 号 lost or run together: 柳政发〔20232, 柳政发2023〕2号, 柳政发〔2023〕2.
    [GeneratedRegex(@"^(?<p>[\p{IsCJKUnifiedIdeographs}]{1,15}[发字函办文通令报])\s*(?<o>[〔\[（(【［])?\s*(?<d>(?:19|20)[0-9]{2,7})\s*(?<c>[〕\]）)】］])?\s*(?<n>[0-9]{1,5})?\s*(?<h>[号號])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Mangled();

    public static Result? Parse(string line)
    {
        var text = TextScan.TrimAll(line);
        // 上行文 put the signer beside the number: 宜市安字〔2023〕2号    签发人：张三.
        if (text.IndexOf("签发人", StringComparison.Ordinal) is > 0 and var signer) text = TextScan.TrimAll(text[..signer]);
        if (text.Length is 0 or > 40) return null;
        if (text.Length > 2 && text[0] is '(' or '（' && text[^1] is ')' or '）') text = TextScan.TrimAll(text[1..^1]);
        if (WellFormed().Match(text) is { Success: true } w)
        {
            var value = $"{w.Groups["p"].Value}〔{w.Groups["y"].Value}〕{int.Parse(w.Groups["n"].Value)}号";
            return new Result(value, text, false, true, value == text ? null : $"normalised from '{text}'");
        }
        var m = Mangled().Match(text);
        if (!m.Success) return null;
        // A bare year with neither bracket nor 号 is a heading or date, not a document number.
        if (!m.Groups["o"].Success && !m.Groups["c"].Success && !m.Groups["h"].Success) return null;
        var prefix = m.Groups["p"].Value;
        var digits = m.Groups["d"].Value;
        var year = digits[..4];
        var serial = m.Groups["n"].Success ? m.Groups["n"].Value : digits.Length > 4 ? digits[4..] : "";
        if (m.Groups["n"].Success && digits.Length > 4) serial = digits[4..] + serial; // 〔20232〕1 is ambiguous: keep all digits
        if (serial.Length == 0)
            return new Result($"{prefix}〔{year}〕", text, false, false, $"'{text}' has no serial number");
        var repaired = $"{prefix}〔{year}〕{int.Parse(serial)}号";
        return new Result(repaired, text, true, true, $"repaired from '{text}'");
    }
}
