using System.Text.RegularExpressions;
using PlanAtlas.Model;

namespace PlanAtlas.Parse.Details;

/// <summary>
/// Deadlines as written: 3月底前, 6月25日和12月25日前 (also the mangled 6月25和12月25日前), 10月份, 2015年底前, 年内.
/// A date mention is a deadline when a time word follows it (前, 底, 份, 旬 …); dates resolve to a day where the
/// words allow (底 → last day of the month), using the plan's year when the text gives none.
/// </summary>
public static partial class Deadlines
{
    // One date: optional year, month, then a day or a part of the month. Bounded quantifiers only: no backtracking blow-up.
    private const string OneDate = @"(?:(?:19|20)[0-9]{2}年)?(?:1[0-2]|0?[1-9])月(?:(?:[12][0-9]|3[01]|0?[1-9])日?|底|末|初|上旬|中旬|下旬|份)?";

    [GeneratedRegex(@"(?<chain>" + OneDate + @"(?:[和、及至与\-—~～]" + OneDate + @"){0,4})(?<suffix>前|以前|之前)?", RegexOptions.CultureInvariant)]
    private static partial Regex Chain();

    [GeneratedRegex(OneDate, RegexOptions.CultureInvariant)]
    private static partial Regex Single();

    [GeneratedRegex(@"^(?:(?<y>(?:19|20)[0-9]{2})年)?(?<m>[0-9]{1,2})月(?:(?<d>[0-9]{1,2})日?|(?<part>底|末|初|上旬|中旬|下旬|份))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Parts();

    // 年底 alone is often a time of year (年底总结), not a deadline: without a year it needs 前.
    [GeneratedRegex(@"(?<y>(?:19|20)[0-9]{2})年(?:底|末)(?:前|以前|之前)?|年(?:底|末)(?:前|以前|之前)|年内", RegexOptions.CultureInvariant)]
    private static partial Regex YearEnd();

    public static IReadOnlyList<Deadline> Find(string text, int? planYear)
    {
        var found = new List<(int Index, Deadline Deadline)>();
        foreach (Match chain in Chain().Matches(text))
        {
            var suffix = chain.Groups["suffix"].Value;
            var dates = Single().Matches(chain.Groups["chain"].Value).ToList();
            var isDeadline = suffix.Length > 0 || dates.Any(d => d.Value.EndsWith('底') || d.Value.EndsWith('末') || d.Value.EndsWith('份') || d.Value.EndsWith('旬'));
            if (!isDeadline) continue;
            for (var k = 0; k < dates.Count; k++)
            {
                var written = dates[k].Value + (k == dates.Count - 1 ? suffix : "");
                found.Add((chain.Index + dates[k].Index, new Deadline(written, Resolve(dates[k].Value, planYear))));
            }
        }
        foreach (Match m in YearEnd().Matches(text))
        {
            if (found.Any(f => f.Index <= m.Index && m.Index < f.Index + f.Deadline.Text.Length)) continue;
            var year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value) : planYear;
            found.Add((m.Index, new Deadline(m.Value, year is { } y ? new DateOnly(y, 12, 31) : null)));
        }
        return found.OrderBy(f => f.Index).Select(f => f.Deadline).ToList();
    }

    private static DateOnly? Resolve(string date, int? planYear)
    {
        var m = Parts().Match(date);
        if (!m.Success) return null;
        int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value) : planYear;
        if (year is not { } y) return null;
        var month = int.Parse(m.Groups["m"].Value);
        if (month is < 1 or > 12) return null;
        if (m.Groups["d"].Success)
        {
            var day = int.Parse(m.Groups["d"].Value);
            return day >= 1 && day <= DateTime.DaysInMonth(y, month) ? new DateOnly(y, month, day) : null;
        }
        return m.Groups["part"].Value is "底" or "末" ? new DateOnly(y, month, DateTime.DaysInMonth(y, month)) : null;
    }
}
