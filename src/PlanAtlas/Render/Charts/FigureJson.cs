using System.Globalization;
using System.Text;

namespace PlanAtlas.Render.Charts;

/// <summary>
/// The figure JSON of the site's charts, written as Plotly.NET 5 writes it (through Newtonsoft.Json), byte for byte:
/// the same keys in the same order, numbers in Newtonsoft's round-trip form ("5.0", "1E-05"), strings with its escapes.
/// Hand-written because making and serialising a Plotly.NET chart starts up F# and Newtonsoft's reflection in every
/// build that changes one, and an edit always changes some (figures: bench/README.md). tests/…/Render/FigureJsonTests
/// compare every kind with Plotly.NET's output on awkward values.
/// </summary>
public sealed class FigureJson
{
    /// <summary><see cref="ChartWriter"/>'s template (its style), as Plotly.NET writes it into every figure.</summary>
    private const string Template =
        """{"layout":{"font":{"family":"Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, system-ui, sans-serif","color":"#1d2327"},"paper_bgcolor":"#ffffff","plot_bgcolor":"#ffffff","colorway":["#a4262c","#0b5cad","#2e7d32","#b26a00","#6a3d9a","#00838f","#5b6770","#c2185b","#827717","#37474f"],"xaxis":{"gridcolor":"#e3e8ec","linecolor":"#d8dee3","zerolinecolor":"#c5cdd3","automargin":true},"yaxis":{"gridcolor":"#e3e8ec","linecolor":"#d8dee3","zerolinecolor":"#c5cdd3","automargin":true},"margin":{"t":48,"r":16}},"data":{}}""";

    private readonly StringBuilder _json = new();
    private int _traces;

    private FigureJson() => _json.Append("{\"data\":[");

    /// <summary>Bars, vertical (Plotly.NET's Chart.Column) or horizontal (Chart.Bar).</summary>
    public static FigureJson Bars(IReadOnlyList<string> keys, IReadOnlyList<double> values, bool horizontal)
    {
        var figure = new FigureJson();
        figure.Trace("bar");
        if (horizontal) figure.Numbers("x", values).Strings("y", keys);
        else figure.Strings("x", keys).Numbers("y", values);
        figure.Raw(horizontal ? ",\"orientation\":\"h\"" : ",\"orientation\":\"v\"").Raw(",\"marker\":{\"pattern\":{}}}");
        return figure;
    }

    /// <summary>One line with markers per series (Chart.Line with ShowMarkers, combined).</summary>
    public static FigureJson Lines(IReadOnlyList<(string Name, string[] X, double[] Y)> series)
    {
        var figure = new FigureJson();
        foreach (var (name, x, y) in series)
            figure.Trace("scatter").Text("name", name).Raw(",\"mode\":\"lines+markers\"").Strings("x", x).Numbers("y", y).Raw(",\"marker\":{},\"line\":{}}");
        return figure;
    }

    /// <summary>
    /// A heatmap of one trace per set of columns over the same rows <paramref name="y"/>; a greyed set (groups too small to
    /// compare) is drawn in greys, without a colour bar of its own unless it is the only set.
    /// </summary>
    public static FigureJson Heatmap(IReadOnlyList<string> y, IReadOnlyList<HeatmapColumns> columns)
    {
        var figure = new FigureJson();
        foreach (var set in columns)
        {
            figure.Trace("heatmap").Strings("x", set.X).Strings("y", y).Raw(",\"z\":[");
            for (var i = 0; i < set.Z.Length; i++)
            {
                if (i > 0) figure._json.Append(',');
                figure.NumberArray(set.Z[i]);
            }
            figure.Raw("]");
            if (set.Greyed) figure.Raw(",\"colorscale\":[[0,\"#f3f5f6\"],[1,\"#5b6770\"]]").Raw(columns.Count > 1 ? ",\"showscale\":false" : "");
            figure.Raw("}");
        }
        return figure;
    }

    /// <summary>A scatter of markers per group, each point with its text and its URL (customdata).</summary>
    public static FigureJson Map(IReadOnlyList<(string Name, double[] X, double[] Y, string[] Text, string[] Urls)> groups)
    {
        var figure = new FigureJson();
        foreach (var g in groups)
            figure.Trace("scatter").Text("name", g.Name).Raw(",\"mode\":\"markers\"").Numbers("x", g.X).Numbers("y", g.Y).Strings("text", g.Text)
                .Raw(",\"marker\":{},\"line\":{}").Strings("customdata", g.Urls).Raw(",\"hoverinfo\":\"text+name\"}");
        return figure;
    }

    /// <summary>The whole figure: the traces, then the layout (size, template, title, axis titles).</summary>
    public string Write(string title, string xLabel, string yLabel) => Write(title, xLabel, yLabel, null);

    /// <summary>The whole figure, with <paramref name="layout"/>'s height and category axes that label every category.</summary>
    public string Write(string title, string xLabel, string yLabel, CategoryLayout? layout)
    {
        Raw("],\"layout\":{\"width\":600,\"height\":").Raw((layout?.Height ?? 600).ToString(CultureInfo.InvariantCulture)).Raw(",\"template\":").Raw(Template)
            .Raw(",\"title\":{").Text("text", title, first: true).Raw("},\"xaxis\":{\"title\":{").Text("text", xLabel, first: true).Raw("}");
        if (layout is not null)
        {
            Ticks(layout.X, layout.XText);
            if (layout.XVertical) Raw(",\"tickangle\":-90");
        }
        Raw("},\"yaxis\":{\"title\":{").Text("text", yLabel, first: true).Raw("}");
        if (layout is not null)
        {
            Ticks(layout.Y, layout.YText);
            if (layout.YReversed) Raw(",\"autorange\":\"reversed\"");
        }
        Raw("}},\"frames\":[]}");
        return _json.ToString();
    }

    /// <summary>Every category labelled: Plotly's automatic ticks leave out every other label of a crowded category axis.</summary>
    private void Ticks(IReadOnlyList<string> values, IReadOnlyList<string> texts) =>
        Raw(",\"tickmode\":\"array\"").Strings("tickvals", values).Strings("ticktext", texts);

    private FigureJson Trace(string type)
    {
        if (_traces++ > 0) _json.Append(',');
        return Raw("{\"type\":").String(type);
    }

    private FigureJson Raw(string json)
    {
        _json.Append(json);
        return this;
    }

    private FigureJson Text(string key, string value, bool first = false)
    {
        if (!first) _json.Append(',');
        return String(key).Raw(":").String(value);
    }

    private FigureJson Strings(string key, IReadOnlyList<string> values)
    {
        _json.Append(',');
        String(key).Raw(":[");
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0) _json.Append(',');
            String(values[i]);
        }
        return Raw("]");
    }

    private FigureJson Numbers(string key, IReadOnlyList<double> values)
    {
        _json.Append(',');
        String(key).Raw(":");
        NumberArray(values);
        return this;
    }

    private void NumberArray(IReadOnlyList<double> values)
    {
        _json.Append('[');
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0) _json.Append(',');
            Number(values[i]);
        }
        _json.Append(']');
    }

    /// <summary>Newtonsoft's double: the shortest round-trip form, ".0" added to a whole number; NaN and infinities quoted.</summary>
    private void Number(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            _json.Append('"').Append(text).Append('"');
            return;
        }
        _json.Append(text);
        if (text.AsSpan().IndexOfAny('.', 'E', 'e') < 0) _json.Append(".0");
    }

    /// <summary>Newtonsoft's default string escapes: quote, backslash, control characters, U+0085, U+2028 and U+2029.</summary>
    private FigureJson String(string? value)
    {
        if (value is null) return Raw("null");
        _json.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': _json.Append("\\\""); break;
                case '\\': _json.Append("\\\\"); break;
                case '\t': _json.Append("\\t"); break;
                case '\n': _json.Append("\\n"); break;
                case '\r': _json.Append("\\r"); break;
                case '\f': _json.Append("\\f"); break;
                case '\b': _json.Append("\\b"); break;
                case < ' ' or '\u0085' or '\u2028' or '\u2029':
                    _json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: _json.Append(c); break;
            }
        }
        _json.Append('"');
        return this;
    }
}

/// <summary>Columns of a heatmap (<see cref="FigureJson.Heatmap(IReadOnlyList{string}, IReadOnlyList{HeatmapColumns})"/>): their labels and, per row, a value per column.</summary>
public sealed record HeatmapColumns(IReadOnlyList<string> X, double[][] Z, bool Greyed);

/// <summary>
/// A figure's height and its category axes: each category's value and the label shown for it; the rows top down
/// (<paramref name="YReversed"/>), the column labels upright (<paramref name="XVertical"/>: many columns' slanted labels overlap).
/// </summary>
public sealed record CategoryLayout(int Height, IReadOnlyList<string> X, IReadOnlyList<string> XText, IReadOnlyList<string> Y, IReadOnlyList<string> YText,
    bool YReversed, bool XVertical = false);
