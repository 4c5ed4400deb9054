using System.Text.Json;
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
        var view = new ChartWriter(output, new SiteUrls("/planatlas/")).Write("主题 分布", chart, "主题分布", "燃气多于自建房。",
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
}
