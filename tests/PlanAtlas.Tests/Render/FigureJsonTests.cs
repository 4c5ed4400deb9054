using Plotly.NET;
using PlanAtlas.Render.Charts;
using CChart = Plotly.NET.CSharp.Chart;

namespace PlanAtlas.Tests.Render;

/// <summary>
/// The site writes its figures' JSON itself (<see cref="FigureJson"/>): it must be what Plotly.NET writes for the same
/// chart in the site's style (<see cref="PlotlyReference.Json"/>), byte for byte, for every kind of chart the theme
/// pages draw, on awkward texts and numbers.
/// </summary>
public sealed class FigureJsonTests
{
    private static readonly string[] Texts =
        ["燃气", "", " 空格 ", "引号\"和\\反斜杠", "换行\n回车\r制表\t", "控制\u0001\u001f\b\f", "\u0085\u2028\u2029", "<b>&amp;'</b>", "😀 emoji", "/plans/p1/#%E4%B8%80"];

    private static readonly double[] Numbers =
        [0, -0.0, 5, -3, 0.1, 1.0 / 3, 1e-5, 1.5e20, 123456789012345678, 12.3, -1.1, double.Epsilon, double.MaxValue, double.NaN, double.NegativeInfinity, (double)0.0329f, (double)-0.0631f];

    private static IEnumerable<string> Strings(Random random, int count) => Enumerable.Range(0, count).Select(_ => Texts[random.Next(Texts.Length)]);

    private static IEnumerable<double> Doubles(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => random.Next(3) == 0 ? random.NextDouble() * 200 - 100 : Numbers[random.Next(Numbers.Length)]);

    private static GenericChart Style(GenericChart chart, string title, string x, string y) =>
        Plotly.NET.CSharp.GenericChartExtensions.WithYAxisStyle<double, double, double>(
            Plotly.NET.CSharp.GenericChartExtensions.WithXAxisStyle<double, double, double>(Chart.withTitle(title, null).Invoke(chart), TitleText: x), TitleText: y);

    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_kind_of_figure_is_what_Plotly_NET_writes(int seed)
    {
        var random = new Random(seed);
        var n = seed == 1 ? 0 : random.Next(1, 12);
        var (title, x, y) = (Texts[random.Next(Texts.Length)], Texts[random.Next(Texts.Length)], Texts[random.Next(Texts.Length)]);
        var keys = Strings(random, n).ToArray();
        var values = Doubles(random, n).ToArray();

        Assert.Equal(PlotlyReference.Json(Style(CChart.Column<double, string, string>(values: values, Keys: keys), title, x, y)),
            FigureJson.Bars(keys, values, horizontal: false).Write(title, x, y));
        Assert.Equal(PlotlyReference.Json(Style(CChart.Bar<double, string, string>(values: values, Keys: keys), title, x, y)),
            FigureJson.Bars(keys, values, horizontal: true).Write(title, x, y));

        var rows = Strings(random, n).ToArray();
        var z = rows.Select(_ => Doubles(random, keys.Length).ToArray()).ToArray();
        Assert.Equal(PlotlyReference.Json(Style(CChart.Heatmap<double, string, string, string>(zData: z, X: keys, Y: rows), title, x, y)),
            FigureJson.Heatmap(rows, [new HeatmapColumns(keys, z, Greyed: false)]).Write(title, x, y));

        var series = Enumerable.Range(0, seed == 1 ? 1 : random.Next(1, 4)).Select(_ => (Texts[random.Next(Texts.Length)], keys, Doubles(random, n).ToArray())).ToList();
        Assert.Equal(PlotlyReference.Json(Style(CChart.Combine(series.Select(s => CChart.Line<string, double, string>(x: s.keys, y: s.Item3, Name: s.Item1, ShowMarkers: true))), title, x, y)),
            FigureJson.Lines(series).Write(title, x, y));

        var groups = Enumerable.Range(0, seed == 1 ? 1 : random.Next(1, 4)).Select(_ =>
        {
            var m = random.Next(0, 6);
            return (Texts[random.Next(Texts.Length)], Doubles(random, m).ToArray(), Doubles(random, m).ToArray(), Strings(random, m).ToArray(), Strings(random, m).ToArray());
        }).ToList();
        var map = CChart.Combine(groups.Select(g =>
        {
            var trace = CChart.Scatter<double, double, string>(x: g.Item2, y: g.Item3, mode: StyleParam.Mode.Markers, Name: g.Item1, MultiText: g.Item4);
            return GenericChart.mapTrace(Microsoft.FSharp.Core.FuncConvert.FromFunc<Trace, Trace>(t =>
            {
                t.SetProperty("customdata", g.Item5);
                t.SetProperty("hoverinfo", "text+name");
                return t;
            }), trace);
        }));
        Assert.Equal(PlotlyReference.Json(Style(map, title, x, y)), FigureJson.Map(groups).Write(title, x, y));
    }

    /// <summary>The dashboard's heatmap: a trace per set of columns, greyed ones in greys, every category labelled, the rows top down, its own height.</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_heatmap_of_greyed_columns_with_every_category_labelled_is_what_Plotly_NET_writes(int seed)
    {
        var random = new Random(seed);
        var (title, x, y) = (Texts[random.Next(Texts.Length)], Texts[random.Next(Texts.Length)], Texts[random.Next(Texts.Length)]);
        var rows = Strings(random, random.Next(1, 8)).ToArray();
        var sets = Enumerable.Range(0, seed % 2 + 1).Select(i =>
        {
            var keys = Strings(random, random.Next(1, 6)).ToArray();
            return new HeatmapColumns(keys, rows.Select(_ => Doubles(random, keys.Length).ToArray()).ToArray(), Greyed: i == 1 || seed == 4);
        }).ToList();
        var xs = sets.SelectMany(c => c.X).ToList();
        var xText = xs.Select(k => "<span>" + k + "</span>").ToList();
        var layout = new CategoryLayout(200 + 26 * rows.Length, xs, xText, rows, rows, YReversed: true, XVertical: seed % 3 == 0);

        var chart = CChart.Combine(sets.Select(set =>
        {
            var trace = CChart.Heatmap<double, string, string, string>(zData: set.Z, X: set.X.ToArray(), Y: rows);
            return !set.Greyed ? trace : GenericChart.mapTrace(Microsoft.FSharp.Core.FuncConvert.FromFunc<Trace, Trace>(t =>
            {
                t.SetProperty("colorscale", new object[] { new object[] { 0, "#f3f5f6" }, new object[] { 1, "#5b6770" } });
                if (sets.Count > 1) t.SetProperty("showscale", false);
                return t;
            }), trace);
        }));
        chart = Chart.withSize(Microsoft.FSharp.Core.FSharpOption<int>.Some(600), Microsoft.FSharp.Core.FSharpOption<int>.Some(layout.Height)).Invoke(Style(chart, title, x, y));
        chart = GenericChart.mapLayout(Microsoft.FSharp.Core.FuncConvert.FromFunc<Layout, Layout>(l =>
        {
            var xaxis = (DynamicObj.DynamicObj)l.GetPropertyValue("xaxis");
            xaxis.SetProperty("tickmode", "array");
            xaxis.SetProperty("tickvals", xs);
            xaxis.SetProperty("ticktext", xText);
            if (layout.XVertical) xaxis.SetProperty("tickangle", -90);
            var yaxis = (DynamicObj.DynamicObj)l.GetPropertyValue("yaxis");
            yaxis.SetProperty("tickmode", "array");
            yaxis.SetProperty("tickvals", rows);
            yaxis.SetProperty("ticktext", rows);
            yaxis.SetProperty("autorange", "reversed");
            return l;
        }), chart);
        Assert.Equal(PlotlyReference.Json(chart), FigureJson.Heatmap(rows, sets).Write(title, x, y, layout));
    }
}
