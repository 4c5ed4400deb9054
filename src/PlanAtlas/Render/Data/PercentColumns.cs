using System.Globalization;

namespace PlanAtlas.Render.Data;

/// <summary>
/// Shares in the unit the charts show. A share column (share_items, mean_share_chars, share_of_cluster …) holds a
/// fraction from 0 to 1, as it always has; each gains a <c>&lt;name&gt;_percent</c> column at the end of the row with the
/// same value in percent, rounded to 0.1 as the charts and tables print it (0.5789 → 57.9). Columns are only added at
/// the end: the CSVs are a contract, and a column is never renamed, moved or removed.
/// </summary>
public static class PercentColumns
{
    public const string Suffix = "_percent";

    public static bool IsShare(string column) =>
        (column.StartsWith("share", StringComparison.Ordinal) || column.StartsWith("mean_share", StringComparison.Ordinal)) && !column.EndsWith(Suffix, StringComparison.Ordinal);

    public static IReadOnlyList<string> Header(IReadOnlyList<string> header) =>
        header.Where(IsShare).Any() ? [.. header, .. header.Where(IsShare).Select(c => c + Suffix)] : header;

    public static IReadOnlyList<string> Row(IReadOnlyList<string> header, IReadOnlyList<string> row)
    {
        List<string>? extended = null;
        for (var c = 0; c < header.Count && c < row.Count; c++)
        {
            if (!IsShare(header[c])) continue;
            extended ??= [.. row];
            extended.Add(Percent(row[c]));
        }
        return extended ?? row;
    }

    public static string Percent(string fraction) =>
        double.TryParse(fraction, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? Math.Round(v * 100, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture) : "";
}
