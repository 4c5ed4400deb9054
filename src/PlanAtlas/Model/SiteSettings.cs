namespace PlanAtlas.Model;

/// <summary>input/site.yml. <see cref="BasePath"/> always starts and ends with '/'.</summary>
public sealed record SiteSettings
{
    public string Title { get; init; } = "PlanAtlas";
    public string Description { get; init; } = "";
    public string BasePath { get; init; } = "/";
    /// <summary>UI language: picks the string set from theme/strings.yml ("zh-CN" or "en").</summary>
    public string Language { get; init; } = "zh-CN";
    /// <summary>Absolute site URL for canonical links and feeds, without the base path; optional.</summary>
    public string? BaseUrl { get; init; }
    /// <summary>Fixed number of clusters; null lets the analysis choose from the data.</summary>
    public int? Clusters { get; init; }
    /// <summary>
    /// The fewest plans a group (a region, a year, a level and kind) must hold for a chart summary to name it as highest,
    /// leading or rising; smaller groups are drawn greyed with their n and left out of those sentences. At least 1.
    /// </summary>
    public int MinGroupSize { get; init; } = DefaultMinGroupSize;

    public const int DefaultMinGroupSize = 3;
}

/// <summary>A Markdown page from input/pages, front matter already read.</summary>
public sealed record ContentPage(string Slug, string Title, string? Description, int Order, string Markdown, string SourceFile);
