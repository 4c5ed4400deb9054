using PlanAtlas.Render.Charts;

namespace PlanAtlas.Render.Themes;

/// <summary>The plotly.js charts of the theme pages (<see cref="FigureJson"/>), with Chinese titles and axis labels; each written with its CSV.</summary>
internal sealed class ThemeCharts(ChartWriter writer)
{
    public ChartView Columns(string name, string title, string xLabel, string yLabel, IReadOnlyList<string> keys, IReadOnlyList<double> values,
        string summary, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows) =>
        writer.Write(name, () => FigureJson.Bars(keys, values, horizontal: false).Write(title, xLabel, yLabel),
            Figure("columns", title, xLabel, yLabel, inputs => Categories(inputs, keys, values)), title, summary, header, rows);

    /// <summary>Shares (0..1) as an HTML bar chart, each bar labelled with its percentage; <paramref name="small"/> bars drawn grey.</summary>
    public BarChartView Shares(string name, string title, IReadOnlyList<string> keys, IReadOnlyList<double> shares,
        string summary, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<bool>? small = null) =>
        writer.WriteBars(name, title, summary,
            BarChartView.Scale(keys, shares, ThemePages.Percent).Select((bar, i) => small is not null && small[i] ? bar with { Small = true } : bar).ToList(),
            false, header, rows);

    public ChartView HorizontalBars(string name, string title, string xLabel, string yLabel, IReadOnlyList<string> keys, IReadOnlyList<double> values,
        string summary, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows) =>
        writer.Write(name, () => FigureJson.Bars(keys, values, horizontal: true).Write(title, xLabel, yLabel),
            Figure("bars", title, xLabel, yLabel, inputs => Categories(inputs, keys, values)), title, summary, header, rows);

    /// <summary>
    /// Rows <paramref name="y"/>, one trace per set of columns (greyed ones last, their labels grey); every label shown,
    /// the rows top to bottom, and the figure as tall as its rows need.
    /// </summary>
    public ChartView Heatmap(string name, string title, string xLabel, string yLabel, IReadOnlyList<string> y, IReadOnlyList<HeatmapColumns> columns,
        string summary, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var x = columns.SelectMany(c => c.X).ToList();
        var xText = columns.SelectMany(c => c.X.Select(label => c.Greyed ? $"<span style=\"color:{GreyLabel}\">{label}</span>" : label)).ToList();
        // Beyond a few columns, plotly.js slants their labels and they overlap: upright, with the height they take added.
        var vertical = x.Count > UprightAfter;
        var layout = new CategoryLayout(HeatmapHeight(y.Count) + (vertical ? LabelCharHeight * x.Max(label => label.Length) : 0), x, xText, y, y,
            YReversed: true, XVertical: vertical);
        return writer.Write(name, () => FigureJson.Heatmap(y, columns).Write(title, xLabel, yLabel, layout),
            Figure("heatmap", title, xLabel, yLabel, inputs =>
            {
                ChartWriter.Strings(inputs, y);
                inputs.Add(columns.Count);
                foreach (var set in columns)
                {
                    ChartWriter.Strings(inputs.Add(set.Greyed ? 1 : 0), set.X);
                    inputs.Add(set.Z.Length);
                    foreach (var row in set.Z) ChartWriter.Numbers(inputs, row);
                }
            }), title, summary, header, rows);
    }

    /// <summary>The colour of a greyed column's label (a group too small to compare), as the greyed cells' darkest.</summary>
    private const string GreyLabel = "#8a949c";

    /// <summary>Columns whose labels fit slanted side by side; more are labelled upright.</summary>
    private const int UprightAfter = 8;

    /// <summary>The height an upright label takes per character (plotly.js's 12 px font, a Chinese character's width).</summary>
    private const int LabelCharHeight = 12;

    /// <summary>A row per category, each tall enough for a line of label text, plus the title and the column labels below.</summary>
    internal static int HeatmapHeight(int rows) => 200 + 26 * rows;

    public ChartView Lines(string name, string title, string xLabel, string yLabel, IReadOnlyList<(string Name, string[] X, double[] Y)> series,
        string summary, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows) =>
        writer.Write(name, () => FigureJson.Lines(series).Write(title, xLabel, yLabel),
            Figure("lines", title, xLabel, yLabel, inputs =>
            {
                inputs.Add(series.Count);
                foreach (var (seriesName, x, y) in series)
                {
                    ChartWriter.Strings(inputs.Add(seriesName), x);
                    ChartWriter.Numbers(inputs, y);
                }
            }), title, summary, header, rows);

    /// <summary>A scatter with one trace per group; each point carries its item's URL (charts.js opens it on click).</summary>
    public ChartView Map(string name, string title, string xLabel, string yLabel,
        IReadOnlyList<(string Name, double[] X, double[] Y, string[] Text, string[] Urls)> groups,
        string summary, Action<OutputFolder, string> csv) =>
        writer.Write(name, () => FigureJson.Map(groups).Write(title, xLabel, yLabel),
            Figure("map", title, xLabel, yLabel, inputs =>
            {
                inputs.Add(groups.Count);
                foreach (var g in groups)
                {
                    inputs.Add(g.Name);
                    ChartWriter.Numbers(inputs, g.X);
                    ChartWriter.Numbers(inputs, g.Y);
                    ChartWriter.Strings(inputs, g.Text);
                    ChartWriter.Strings(inputs, g.Urls);
                }
            }), title, summary, csv);

    /// <summary>Every value a figure is made from: its kind, its title and axis labels, and its data (<paramref name="data"/>).</summary>
    private static Action<PageInputs> Figure(string kind, string title, string xLabel, string yLabel, Action<PageInputs> data) =>
        inputs => data(inputs.Add(kind).Add(title).Add(xLabel).Add(yLabel));

    private static void Categories(PageInputs inputs, IReadOnlyList<string> keys, IReadOnlyList<double> values)
    {
        ChartWriter.Strings(inputs, keys);
        ChartWriter.Numbers(inputs, values);
    }
}
