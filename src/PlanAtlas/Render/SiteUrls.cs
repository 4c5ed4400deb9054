using PlanAtlas.Model;

namespace PlanAtlas.Render;

/// <summary>
/// The one owner of the site's paths: each page family's folder and the path of each of its pages. Every internal
/// link goes through here so that a site published under a sub-path (--base-path /planatlas/) keeps working: a link
/// written as "/x" would lose the base path.
/// </summary>
public sealed class SiteUrls(string basePath)
{
    public const string Plans = "plans/", Compare = "compare/", Regions = "regions/", Years = "years/", Themes = "themes/",
        Clusters = "clusters/", Citations = "citations/", Slogans = "slogans/", Units = "units/", Reuse = "reuse/",
        Search = "search/", Data = "data/", Assets = "assets/";

    /// <summary>Every top-level folder the generator writes.</summary>
    public static readonly IReadOnlyList<string> Folders =
        [Plans, Compare, Regions, Years, Themes, Clusters, Citations, Slogans, Units, Reuse, Search, Data, Assets];

    /// <summary>The name of every folder's page file (index.html): no Markdown page may take it either.</summary>
    public const string IndexName = "index";

    /// <summary>The slugs a Markdown page may not take: the generator's folders, and <see cref="IndexName"/>.</summary>
    public static readonly IReadOnlySet<string> ReservedSlugs =
        Folders.Select(f => f.TrimEnd('/')).Append(IndexName).ToHashSet(StringComparer.Ordinal);

    public string BasePath { get; } = basePath;

    /// <summary>"plans/420700-2018/" → "/planatlas/plans/420700-2018/".</summary>
    public string Url(string sitePath) => BasePath + sitePath.TrimStart('/');

    public static string PlanPath(string planId) => $"{Plans}{planId}/";
    public static string ComparePath(string planId) => $"{Compare}{planId}/";
    public static string RegionPath(string regionCode) => $"{Regions}{regionCode}/";
    public static string YearPath(string year) => $"{Years}{year}/";
    public static string ThemePath(string themeId) => $"{Themes}{Slugs.ForPath(themeId)}/";
    public static string ClusterPath(int number) => $"{Clusters}{number}/";
    /// <param name="slug">The cited document's slug, unique among the citations (<see cref="Slugs.UniqueIds"/>).</param>
    public static string CitationPath(string slug) => $"{Citations}{slug}/";
    /// <summary>A download under data/: "items.csv" → "data/items.csv".</summary>
    public static string DataFile(string name) => Data + name;
}
