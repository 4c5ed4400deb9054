using Plotly.NET;
using Plotly.NET.LayoutObjects;

namespace PlanAtlas.Tests.Render;

/// <summary>
/// Plotly.NET, as the reference for the figure JSON the site writes itself (<see cref="PlanAtlas.Render.Charts.FigureJson"/>):
/// a chart in the site's style, serialised by Plotly.NET.
/// </summary>
public static class PlotlyReference
{
    /// <summary>The site's chart style, as the theme's figures carry it instead of Plotly.NET's default template.</summary>
    private static readonly Template SiteTemplate = CreateTemplate();

    /// <summary>A Plotly.NET chart's figure JSON, in the site's style.</summary>
    public static string Json(GenericChart chart) => GenericChart.toFigureJson(Chart.withTemplate(SiteTemplate).Invoke(chart));

    private static Template CreateTemplate()
    {
        var layout = new Layout();
        layout.SetProperty("font", new Dictionary<string, object> { ["family"] = "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, system-ui, sans-serif", ["color"] = "#1d2327" });
        layout.SetProperty("paper_bgcolor", "#ffffff");
        layout.SetProperty("plot_bgcolor", "#ffffff");
        layout.SetProperty("colorway", new[] { "#a4262c", "#0b5cad", "#2e7d32", "#b26a00", "#6a3d9a", "#00838f", "#5b6770", "#c2185b", "#827717", "#37474f" });
        var axis = new Dictionary<string, object> { ["gridcolor"] = "#e3e8ec", ["linecolor"] = "#d8dee3", ["zerolinecolor"] = "#c5cdd3", ["automargin"] = true };
        layout.SetProperty("xaxis", axis);
        layout.SetProperty("yaxis", axis);
        layout.SetProperty("margin", new Dictionary<string, object> { ["t"] = 48, ["r"] = 16 });
        return Template.init<Trace>(layout, null);
    }
}
