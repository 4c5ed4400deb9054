using PlanAtlas.Render.Charts;

namespace PlanAtlas.Render.Themes;

/// <summary>A theme as a row of the themes index.</summary>
/// <param name="Items">Tasks that have the theme as a subject.</param>
public sealed record ThemeRow(string Id, string Name, string NameEn, string Url, int Items, int Plans, string MeanShare, string Definition)
{
    /// <summary>Tasks that only mention the theme.</summary>
    public int Mentions { get; init; }
}

/// <summary>An item shown under a theme or a cluster: its text with the evidence marked (already-escaped HTML).</summary>
/// <param name="Themes">The item's subjects.</param>
public sealed record TaggedItemView(string PlanTitle, string PlanUrl, string ItemUrl, string Path, string Html, IReadOnlyList<ThemeChip> Themes)
{
    /// <summary>The themes it names in passing, shown lighter.</summary>
    public IReadOnlyList<ThemeChip> Mentions { get; init; } = [];
}

public sealed record ThemeChip(string Name, string Url);

public sealed record ThemePageModel(ThemeRow Theme, IReadOnlyList<string> Signals, IReadOnlyList<string> Exclusions,
    IReadOnlyList<BarChartView> Charts, IReadOnlyList<TaggedItemView> Items)
{
    /// <summary>Items with the theme as a subject; <see cref="Items"/> shows the first of them.</summary>
    public int ItemsTotal { get; init; }

    /// <summary>The first of the items that only mention the theme; <see cref="ThemeRow.Mentions"/> counts them all.</summary>
    public IReadOnlyList<TaggedItemView> Mentions { get; init; } = [];
    public string ItemsCsv { get; init; } = "";
}

public sealed record ThemesIndexModel(IReadOnlyList<ThemeRow> Themes, IReadOnlyList<ChartView> Charts, int TaggedItems, int AnalysedItems);

/// <summary>A cluster as a row of the clusters index.</summary>
public sealed record ClusterRow(int Number, string Label, string Url, int Size, string TopTerms, IReadOnlyList<OverlapView> Overlap);

public sealed record OverlapView(string Name, string Url, string Percent);

/// <param name="Members">The first members (at most ThemePages.ItemsShown); <see cref="ClusterRow.Size"/> counts them all.</param>
public sealed record ClusterPageModel(ClusterRow Cluster, IReadOnlyList<string> TopTerms, IReadOnlyList<BarChartView> Charts,
    IReadOnlyList<TaggedItemView> Representative, IReadOnlyList<TaggedItemView> Members)
{
    public string ItemsCsv { get; init; } = "";
}

/// <param name="Reused">Why these clusters may differ from a full build's (an incremental build reused the model), or null.</param>
public sealed record ClustersIndexModel(IReadOnlyList<ClusterRow> Clusters, IReadOnlyList<ChartView> Charts, string Choice, string? Reused = null);

/// <summary>The trends dashboard on the home page.</summary>
/// <param name="Notes">What the dashboard does not show and why (no group of comparable plans large enough for a change over time).</param>
public sealed record DashboardModel(IReadOnlyList<ChartView> Charts)
{
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>One plan's theme profile: each theme's share of its items and characters.</summary>
public sealed record ThemeProfileRow(string Name, string Url, int Items, string ShareItems, string ShareChars, int Width);

public sealed record ThemeProfileModel(IReadOnlyList<ThemeProfileRow> Rows, int AnalysedItems);
