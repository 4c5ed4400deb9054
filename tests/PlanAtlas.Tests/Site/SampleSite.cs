using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PlanAtlas.Build;

namespace PlanAtlas.Tests.Site;

/// <summary>The sample site built once per test class (at the root and under a sub-path), shared by its tests.</summary>
public sealed class SampleSite : IDisposable
{
    private readonly RepoPaths.TempFolder _temp = RepoPaths.NewTemp();
    private static readonly HtmlParser Parser = new();

    public SampleSite()
    {
        Root = _temp["root"];
        SubPath = _temp["subpath"];
        Result = new SiteBuilder(IBuildProgress.None).Build(new BuildOptions(RepoPaths.SampleInput, Root, ThemeDirectory: RepoPaths.Theme));
        SubPathResult = new SiteBuilder(IBuildProgress.None).Build(new BuildOptions(RepoPaths.SampleInput, SubPath, BasePath: "/planatlas/", ThemeDirectory: RepoPaths.Theme));
    }

    public string Root { get; }
    public string SubPath { get; }
    public BuildResult Result { get; }
    public BuildResult SubPathResult { get; }

    public IDocument Page(string sitePath, string? root = null)
    {
        var file = Path.Combine(root ?? Root, sitePath.TrimStart('/'), sitePath.EndsWith('/') || sitePath.Length == 0 ? "index.html" : "");
        return Parser.ParseDocument(File.ReadAllText(file.TrimEnd(Path.DirectorySeparatorChar)));
    }

    public IEnumerable<string> HtmlFiles(string? root = null) =>
        Directory.EnumerateFiles(root ?? Root, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    public void Dispose() => _temp.Dispose();
}
