using System.Globalization;
using System.Text;

namespace PlanAtlas.Render.Charts;

/// <summary>A chart as a page shows it: the figure and its data are files, so no inline script is needed.</summary>
/// <param name="Summary">One line of text saying what the chart shows, for readers who cannot see it.</param>
public sealed record ChartView(string Id, string Title, string Summary, string FigureUrl, string CsvUrl);

/// <summary>
/// Writes charts: the figure JSON (<see cref="FigureJson"/>) to data/charts/{name}.json (drawn by
/// assets/js/charts.js with plotly.js served from the site itself) and the chart's data to
/// data/charts/{name}.csv. Pages with charts add <see cref="Scripts"/> to their PageInfo.
/// </summary>
public sealed class ChartWriter(OutputFolder output, SiteUrls urls)
{
    /// <summary>plotly.js's cartesian bundle: the smallest official one with bar, scatter and heatmap traces.</summary>
    public const string PlotlyPackage = "plotly.js-cartesian-dist-min";
    public const string PlotlyFile = "plotly-cartesian.min.js";
    public const string PlotlySitePath = SiteUrls.Assets + "vendor/plotly.min.js";

    public static readonly IReadOnlyList<string> Scripts = [SiteUrls.Assets + "js/charts.js"];

    /// <summary>
    /// Writes the figure <paramref name="json"/> makes (<see cref="FigureJson"/>) only when
    /// <paramref name="figure"/> (which adds every value the figure is made from) says it changed since the previous
    /// build: most figures come out the same after an edit. Null: the figure is always made (and kept only when its
    /// bytes are the same).
    /// </summary>
    public ChartView Write(string name, Func<string> json, Action<PageInputs>? figure, string title, string summary,
        IReadOnlyList<string> csvHeader, IEnumerable<IReadOnlyList<string>> csvRows) =>
        Write(name, json, figure, title, summary, (_, csv) => WriteCsv(csv, csvHeader, csvRows));

    /// <param name="writeCsv">Writes the chart's data into the output at the site path it is given (a large CSV in parts: <see cref="Data.CsvParts"/>).</param>
    public ChartView Write(string name, Func<string> json, Action<PageInputs>? figure, string title, string summary,
        Action<OutputFolder, string> writeCsv)
    {
        var slug = PlanAtlas.Model.Slugs.ForPath(name);
        var path = SiteUrls.DataFile($"charts/{slug}.json");
        byte[] Figure() => Encoding.UTF8.GetBytes(json());
        if (figure is null || output.Reuse is null) output.WriteBytes(path, Figure());
        else output.WriteBytes(path, Fingerprint(path, figure), Figure);
        var csv = CsvPath(name);
        writeCsv(output, csv);
        return new ChartView($"chart-{slug}", title, summary, urls.Url(path), urls.Url(csv));
    }

    /// <summary>A bar chart drawn by the page itself (no figure file, no script); only its CSV is written.</summary>
    public BarChartView WriteBars(string name, string title, string summary, IReadOnlyList<BarView> bars, bool diverging,
        IReadOnlyList<string> csvHeader, IEnumerable<IReadOnlyList<string>> csvRows)
    {
        var csv = CsvPath(name);
        WriteCsv(csv, csvHeader, csvRows);
        return new BarChartView($"chart-{PlanAtlas.Model.Slugs.ForPath(name)}", title, summary, urls.Url(csv), bars, diverging);
    }

    /// <summary>
    /// A chart's CSV. In an incremental build it is fingerprinted by its values and kept when they are unchanged: neither
    /// made nor compared with the previous file, byte by byte.
    /// </summary>
    private void WriteCsv(string sitePath, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        // Every share also in percent, the unit the chart shows (Data.PercentColumns).
        var fractions = header;
        header = Data.PercentColumns.Header(fractions);
        rows = rows.Select(r => Data.PercentColumns.Row(fractions, r));
        if (output.Reuse is null)
        {
            output.WriteBytes(sitePath, Csv(header, rows));
            return;
        }
        var all = rows as IReadOnlyList<IReadOnlyList<string>> ?? rows.ToList();
        output.WriteBytes(sitePath, Fingerprint(sitePath, inputs =>
        {
            Strings(inputs, header);
            inputs.Add(all.Count);
            foreach (var row in all) Strings(inputs, row);
        }), () => Csv(header, all));
    }

    private static string Fingerprint(string sitePath, Action<PageInputs> add)
    {
        using var inputs = PageInputs.Streamed();
        add(inputs.Add(sitePath));
        return Convert.ToHexStringLower(inputs.Digest());
    }

    /// <summary>Adds a list of texts with its length (for a figure's <see cref="PageInputs"/>).</summary>
    public static void Strings(PageInputs inputs, IReadOnlyCollection<string> texts)
    {
        inputs.Add(texts.Count);
        foreach (var text in texts) inputs.Add(text);
    }

    /// <summary>Adds a list of numbers with its length, each by its exact bits.</summary>
    public static void Numbers(PageInputs inputs, IReadOnlyCollection<double> numbers)
    {
        inputs.Add(numbers.Count);
        foreach (var number in numbers) inputs.Add(number);
    }

    /// <summary>Where the data of the chart named <paramref name="name"/> is written (site path).</summary>
    public static string CsvPath(string name) => SiteUrls.DataFile($"charts/{PlanAtlas.Model.Slugs.ForPath(name)}.csv");

    /// <summary>Copies plotly.js from node_modules into the site; false when `npm ci` has not been run.</summary>
    public static bool CopyPlotly(OutputFolder output, string themeDirectory)
    {
        var package = FrontEndPackages.Find(PlotlyPackage, themeDirectory);
        var file = package is null ? null : Path.Combine(package, PlotlyFile);
        if (file is null || !File.Exists(file)) return false;
        output.CopyFile(file, PlotlySitePath);
        return true;
    }

    /// <summary>UTF-8 with a BOM so that Excel opens Chinese correctly (<see cref="Data.CsvText"/>).</summary>
    public static byte[] Csv(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows) => Data.CsvText.Bytes(header, rows);
}
