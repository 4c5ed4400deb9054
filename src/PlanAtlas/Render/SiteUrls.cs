namespace PlanAtlas.Render;

/// <summary>
/// Every internal link goes through here so that a site published under a sub-path (--base-path /planatlas/)
/// keeps working: a link written as "/x" would lose the base path.
/// </summary>
public sealed class SiteUrls(string basePath)
{
    public string BasePath { get; } = basePath;

    /// <summary>"plans/420700-2018/" → "/planatlas/plans/420700-2018/".</summary>
    public string Url(string sitePath) => BasePath + sitePath.TrimStart('/');

    public static string PlanPath(string planId) => $"plans/{planId}/";
    public static string RegionPath(string regionCode) => $"regions/{regionCode}/";
    public static string YearPath(int year) => $"years/{year}/";
}
