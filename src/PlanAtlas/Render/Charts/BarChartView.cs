using System.Globalization;

namespace PlanAtlas.Render.Charts;

/// <summary>
/// A bar chart drawn in HTML (layouts/partials/bar-chart.sbn): one labelled bar per category, no script, so a
/// page of simple comparisons shows at once and needs no plotly.js. Its data is a CSV beside the figures.
/// </summary>
/// <param name="Diverging">Bars grow left (negative) or right (positive) from a centre line.</param>
public sealed record BarChartView(string Id, string Title, string Summary, string CsvUrl, IReadOnlyList<BarView> Bars, bool Diverging)
{
    /// <summary>Bars scaled so the longest fills its track; <paramref name="format"/> writes each value's label.</summary>
    public static IReadOnlyList<BarView> Scale(IReadOnlyList<string> labels, IReadOnlyList<double> values, Func<double, string> format)
    {
        var max = values.Count == 0 ? 0 : values.Max(v => Math.Abs(v));
        return labels.Zip(values).Select(x => new BarView(x.First, format(x.Second),
            max <= 0 ? "0" : (Math.Abs(x.Second) / max * 100).ToString("0.#", CultureInfo.InvariantCulture), x.Second < 0)).ToList();
    }
}

/// <param name="Width">Percent of the track, as CSS wants it ("42.5").</param>
public sealed record BarView(string Label, string Value, string Width, bool Negative)
{
    /// <summary>A group with fewer plans than site.yml's min_group_size: drawn grey.</summary>
    public bool Small { get; init; }
}
