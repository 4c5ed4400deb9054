using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PlanAtlas.Build;

namespace PlanAtlas.Tests.Site;

/// <summary>
/// The sample site (at the root and under a sub-path), built once per test run and shared, read-only, by every test
/// class that takes it as a fixture: each class building its own spent a minute of the run building the same site.
/// </summary>
public sealed class SampleSite
{
    private static readonly HtmlParser Parser = new();

    private sealed record Built(string Root, string SubPath, BuildResult Result, BuildResult SubPathResult);

    private static readonly Lazy<Built> Once = new(() =>
    {
        var temp = RepoPaths.NewTemp();
        // Removed when the test run ends, not when a class does: the next class reads the same files.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => temp.Dispose();
        var (root, subPath) = (temp["root"], temp["subpath"]);
        return new Built(root, subPath,
            new SiteBuilder(IBuildProgress.None).Build(new BuildOptions(RepoPaths.SampleInput, root, ThemeDirectory: RepoPaths.Theme)),
            new SiteBuilder(IBuildProgress.None).Build(new BuildOptions(RepoPaths.SampleInput, subPath, BasePath: "/planatlas/", ThemeDirectory: RepoPaths.Theme)));
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public string Root => Once.Value.Root;
    public string SubPath => Once.Value.SubPath;
    public BuildResult Result => Once.Value.Result;
    public BuildResult SubPathResult => Once.Value.SubPathResult;

    public IDocument Page(string sitePath, string? root = null)
    {
        var file = Path.Combine(root ?? Root, sitePath.TrimStart('/'), sitePath.EndsWith('/') || sitePath.Length == 0 ? "index.html" : "");
        return Parser.ParseDocument(File.ReadAllText(file.TrimEnd(Path.DirectorySeparatorChar)));
    }

    public IEnumerable<string> HtmlFiles(string? root = null) =>
        Directory.EnumerateFiles(root ?? Root, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public static IDocument Parse(string html) => Parser.ParseDocument(html);
}
