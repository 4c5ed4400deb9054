using Plotly.NET;
using PlanAtlas.Render.Charts;
using CChart = Plotly.NET.CSharp.Chart;

namespace PlanAtlas.Render.Themes;

/// <summary>The Plotly.NET charts of the theme pages, with Chinese titles and axis labels; each written with its CSV.</summary>
internal sealed class ThemeCharts(ChartWriter writer)
{
    public ChartView Columns(string name, string title, string xLabel, string yLabel, IReadOnlyList<string> keys, IReadOnlyList<double> values,
        string summary, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var chart = CChart.Column<double, string, string>(values: values.ToArray(), Keys: keys.ToArray());
        return writer.Write(name, Style(chart, title, xLabel, yLabel), title, summary, header, rows);
    }

    /// <summary>Shares (0..1) as an HTML bar chart, each bar labelled with its percentage.</summary>
    public BarChartView Shares(string name, string title, IReadOnlyList<string> keys, IReadOnlyList<double> shares,
        string summary, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows) =>
        writer.WriteBars(name, title, summary, BarChartView.Scale(keys, shares, ThemePages.Percent), false, header, rows);

    public ChartView HorizontalBars(string name, string title, string xLabel, string yLabel, IReadOnlyList<string> keys, IReadOnlyList<double> values,
        string summary, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var chart = CChart.Bar<double, string, string>(values: values.ToArray(), Keys: keys.ToArray());
        return writer.Write(name, Style(chart, title, xLabel, yLabel), title, summary, header, rows);
    }

    public ChartView Heatmap(string name, string title, string xLabel, string yLabel, IReadOnlyList<string> x, IReadOnlyList<string> y,
        double[][] z, string summary, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var chart = CChart.Heatmap<double, string, string, string>(zData: z, X: x.ToArray(), Y: y.ToArray());
        return writer.Write(name, Style(chart, title, xLabel, yLabel), title, summary, header, rows);
    }

    public ChartView Lines(string name, string title, string xLabel, string yLabel, IReadOnlyList<(string Name, string[] X, double[] Y)> series,
        string summary, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var chart = CChart.Combine(series.Select(s => CChart.Line<string, double, string>(x: s.X, y: s.Y, Name: s.Name, ShowMarkers: true)));
        return writer.Write(name, Style(chart, title, xLabel, yLabel), title, summary, header, rows);
    }

    /// <summary>A scatter with one trace per group; each point carries its item's URL (charts.js opens it on click).</summary>
    public ChartView Map(string name, string title, string xLabel, string yLabel,
        IReadOnlyList<(string Name, double[] X, double[] Y, string[] Text, string[] Urls)> groups,
        string summary, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var chart = CChart.Combine(groups.Select(g =>
        {
            var trace = CChart.Scatter<double, double, string>(x: g.X, y: g.Y, mode: StyleParam.Mode.Markers, Name: g.Name, MultiText: g.Text);
            return GenericChart.mapTrace(Microsoft.FSharp.Core.FuncConvert.FromFunc<Trace, Trace>(t =>
            {
                t.SetProperty("customdata", g.Urls);
                t.SetProperty("hoverinfo", "text+name");
                return t;
            }), trace);
        }));
        return writer.Write(name, Style(chart, title, xLabel, yLabel), title, summary, header, rows);
    }

    private static GenericChart Style(GenericChart chart, string title, string xLabel, string yLabel) =>
        Plotly.NET.CSharp.GenericChartExtensions.WithYAxisStyle<double, double, double>(
            Plotly.NET.CSharp.GenericChartExtensions.WithXAxisStyle<double, double, double>(
                Chart.withTitle(title, null).Invoke(chart), TitleText: xLabel), TitleText: yLabel);
}
