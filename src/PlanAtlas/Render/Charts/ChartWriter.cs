using System.Globalization;
using System.Text;
using CsvHelper;
using Plotly.NET;

namespace PlanAtlas.Render.Charts;

/// <summary>A chart as a page shows it: the figure and its data are files, so no inline script is needed.</summary>
/// <param name="Summary">One line of text saying what the chart shows, for readers who cannot see it.</param>
public sealed record ChartView(string Id, string Title, string Summary, string FigureUrl, string CsvUrl);

/// <summary>
/// Writes charts built with Plotly.NET: the figure JSON to data/charts/{name}.json (drawn by
/// assets/js/charts.js with plotly.js served from the site itself) and the chart's data to
/// data/charts/{name}.csv. Pages with charts add <see cref="Scripts"/> to their PageInfo.
/// </summary>
public sealed class ChartWriter(OutputFolder output, SiteUrls urls)
{
    /// <summary>plotly.js's cartesian bundle: the smallest official one with bar, scatter and heatmap traces.</summary>
    public const string PlotlyPackage = "plotly.js-cartesian-dist-min";
    public const string PlotlyFile = "plotly-cartesian.min.js";
    public const string PlotlySitePath = "assets/vendor/plotly.min.js";

    public static readonly IReadOnlyList<string> Scripts = [PlotlySitePath, "assets/js/charts.js"];

    /// <param name="name">File name without extension, unique in the site (e.g. "themes-by-year").</param>
    public ChartView Write(string name, GenericChart chart, string title, string summary,
        IReadOnlyList<string> csvHeader, IEnumerable<IReadOnlyList<string>> csvRows)
    {
        var slug = PlanAtlas.Model.Slugs.ForPath(name);
        output.WriteText($"data/charts/{slug}.json", GenericChart.toFigureJson(chart));
        output.WriteBytes($"data/charts/{slug}.csv", Csv(csvHeader, csvRows));
        return new ChartView($"chart-{slug}", title, summary, urls.Url($"data/charts/{slug}.json"), urls.Url($"data/charts/{slug}.csv"));
    }

    /// <summary>Copies plotly.js from node_modules into the site; false when `npm ci` has not been run.</summary>
    public static bool CopyPlotly(OutputFolder output, string themeDirectory)
    {
        var package = FrontEndPackages.Find(PlotlyPackage, themeDirectory);
        var file = package is null ? null : Path.Combine(package, PlotlyFile);
        if (file is null || !File.Exists(file)) return false;
        output.CopyFile(file, PlotlySitePath);
        return true;
    }

    /// <summary>UTF-8 with a BOM so that Excel opens Chinese correctly.</summary>
    public static byte[] Csv(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var h in header) csv.WriteField(h);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row) csv.WriteField(cell);
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }
}
