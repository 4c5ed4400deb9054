namespace PlanAtlas.Render;

/// <summary>
/// Finds theme files: a file the user puts under input/theme/ overrides the same-named file of the theme,
/// as in Hugo and Statiq. All paths are theme-relative with forward slashes.
/// </summary>
public sealed class ThemeFiles
{
    private readonly string _themeDirectory;
    private readonly string? _overrideDirectory;

    public ThemeFiles(string themeDirectory, string? overrideDirectory)
    {
        if (!Directory.Exists(themeDirectory))
            throw new Read.BuildInputException($"theme folder '{themeDirectory}' does not exist");
        _themeDirectory = Path.GetFullPath(themeDirectory);
        _overrideDirectory = overrideDirectory is not null && Directory.Exists(overrideDirectory) ? Path.GetFullPath(overrideDirectory) : null;
    }

    /// <summary>The theme shipped next to the tool when none is given: ./theme in a checkout, else the copy in the build output.</summary>
    public static string DefaultThemeDirectory()
    {
        var local = Path.GetFullPath("theme");
        return Directory.Exists(Path.Combine(local, "layouts")) ? local : Path.Combine(AppContext.BaseDirectory, "theme");
    }

    /// <summary>The theme folder itself (front-end packages such as plotly.js are found from here).</summary>
    public string ThemeDirectory => _themeDirectory;

    public string Resolve(string relativePath)
    {
        if (_overrideDirectory is not null)
        {
            var candidate = Path.Combine(_overrideDirectory, relativePath);
            if (File.Exists(candidate)) return candidate;
        }
        var path = Path.Combine(_themeDirectory, relativePath);
        return File.Exists(path) ? path : throw new Read.BuildInputException($"theme file '{relativePath}' not found in '{_themeDirectory}'");
    }

    public string ReadText(string relativePath) => File.ReadAllText(Resolve(relativePath));

    /// <summary>Every file under a theme folder (e.g. "assets"), overrides merged in, sorted.</summary>
    public IReadOnlyList<string> List(string folder)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var root in new[] { _themeDirectory, _overrideDirectory })
        {
            if (root is null) continue;
            var dir = Path.Combine(root, folder);
            if (!Directory.Exists(dir)) continue;
            foreach (var f in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
                names.Add(Path.GetRelativePath(root, f).Replace('\\', '/'));
        }
        return names.ToList();
    }
}
