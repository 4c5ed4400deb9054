using System.Text.Json;
using PlanAtlas.Build.Cache;
using PlanAtlas.Render;
using PlanAtlas.Render.Charts;

namespace PlanAtlas.Tests.Render;

public sealed class ChartWriterTests
{
    [Fact]
    public void A_chart_is_written_as_figure_json_and_csv_with_a_bom_under_the_base_path()
    {
        using var temp = RepoPaths.NewTemp();
        var output = new OutputFolder(temp["out"]);
        var chart = Plotly.NET.CSharp.Chart.Column<int, string, string>(values: new[] { 3, 5 }, Keys: new[] { "燃气", "自建房" });
        var view = new ChartWriter(output, new SiteUrls("/planatlas/")).Write("主题 分布", () => PlotlyReference.Json(chart), null, "主题分布", "燃气多于自建房。",
            ["theme", "items"], [["燃气", "3"], ["自建房", "5"]]);

        Assert.Equal("/planatlas/data/charts/主题-分布.json", view.FigureUrl);
        using var figure = JsonDocument.Parse(File.ReadAllText(temp["out/data/charts/主题-分布.json"]));
        Assert.Equal("bar", figure.RootElement.GetProperty("data")[0].GetProperty("type").GetString());
        var csv = File.ReadAllBytes(temp["out/data/charts/主题-分布.csv"]);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        Assert.Equal("theme,items\r\n燃气,3\r\n自建房,5\r\n", System.Text.Encoding.UTF8.GetString(csv[3..]));
    }

    [Fact]
    public void Plotly_is_served_from_the_site_itself_after_npm_ci()
    {
        using var temp = RepoPaths.NewTemp();
        var output = new OutputFolder(temp["out"]);
        Assert.True(ChartWriter.CopyPlotly(output, RepoPaths.Theme), "run `npm ci` first: plotly.js comes from node_modules");
        Assert.True(new FileInfo(temp["out/" + ChartWriter.PlotlySitePath]).Length > 100_000);
    }

    /// <summary>One incremental build writing one chart into a staging folder that then becomes the output; whether Plotly.NET made the figure.</summary>
    private static (bool Made, bool FigureKept, bool CsvKept) Build(RepoPaths.TempFolder temp, int number, int[] values, string[] rows)
    {
        var cache = new PageCache(CacheFolder.Open(temp["cache"]), temp["out"], ignorePrevious: false);
        Directory.CreateDirectory(temp["out"]);
        var output = new OutputFolder(temp[$"stage{number}"]) { Reuse = cache, Previous = temp["out"] };
        var made = false;
        new ChartWriter(output, new SiteUrls("/")).Write("themes", () =>
        {
            made = true;
            return FigureJson.Bars(["燃气", "自建房"], values.Select(v => (double)v).ToList(), horizontal: false).Write("主题分布", "主题", "数量");
        }, inputs => inputs.Add(values[0]).Add(values[1]), "主题分布", "", ["theme", "items"], rows.Select(r => (IReadOnlyList<string>)[r, "1"]));
        var kept = (output.Kept.Contains("data/charts/themes.json"), output.Kept.Contains("data/charts/themes.csv"));
        foreach (var (relative, file) in OutputFolder.FilesUnder(temp[$"stage{number}"]))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(temp["out/" + relative])!);
            File.Move(file, temp["out/" + relative], overwrite: true);
        }
        cache.Save();
        return (made, kept.Item1, kept.Item2);
    }

    [Fact]
    public void An_incremental_build_keeps_a_figure_and_a_csv_whose_values_are_unchanged_without_making_them()
    {
        using var temp = RepoPaths.NewTemp();
        Assert.Equal((true, false, false), Build(temp, 1, [3, 5], ["燃气", "自建房"]));
        var figure = File.ReadAllText(temp["out/data/charts/themes.json"]);
        Assert.Equal((false, true, true), Build(temp, 2, [3, 5], ["燃气", "自建房"]));

        // A changed value makes the figure again; the CSV, whose rows are the same, stays.
        Assert.Equal((true, false, true), Build(temp, 3, [3, 6], ["燃气", "自建房"]));
        Assert.NotEqual(figure, File.ReadAllText(temp["out/data/charts/themes.json"]));
        Assert.Equal((false, true, false), Build(temp, 4, [3, 6], ["燃气", "自建房屋"]));
        Assert.EndsWith("自建房屋,1\r\n", System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(temp["out/data/charts/themes.csv"])));
    }
}
