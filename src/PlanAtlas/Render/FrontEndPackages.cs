namespace PlanAtlas.Render;

/// <summary>
/// Finds npm packages installed by `npm ci` (package.json at the repository root): plotly.js for charts,
/// and the like. Looks in node_modules beside the theme and above the working directory.
/// </summary>
public static class FrontEndPackages
{
    public static string? Find(string package, string themeDirectory)
    {
        foreach (var start in new[] { Path.GetDirectoryName(Path.GetFullPath(themeDirectory)), Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "node_modules", package);
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
