using PlanAtlas.Build;

namespace PlanAtlas.Tests.Publish;

/// <summary>
/// The sample site built under /planatlas/ twice: as it is (no base_url in site.yml) and from a copy whose
/// site.yml names the host, which is what turns on the sitemap, canonical links and og:url.
/// </summary>
public sealed class PublishedSite : IDisposable
{
    public const string BasePath = "/planatlas/";
    public const string Host = "https://researcher.example.org";
    private readonly RepoPaths.TempFolder _temp = RepoPaths.NewTemp();

    public PublishedSite()
    {
        WithoutHost = _temp["plain"];
        WithHost = _temp["hosted"];
        var input = _temp["input"];
        RepoPaths.CopyTree(RepoPaths.SampleInput, input);
        File.AppendAllText(Path.Combine(input, "site.yml"), $"\nbase_url: {Host}/\n");
        PlainResult = new SiteBuilder(IBuildProgress.None).Build(new BuildOptions(RepoPaths.SampleInput, WithoutHost, BasePath, ThemeDirectory: RepoPaths.Theme));
        HostedResult = new SiteBuilder(IBuildProgress.None).Build(new BuildOptions(input, WithHost, BasePath, ThemeDirectory: RepoPaths.Theme));
    }

    public string WithoutHost { get; }
    public string WithHost { get; }
    public BuildResult PlainResult { get; }
    public BuildResult HostedResult { get; }

    public void Dispose() => _temp.Dispose();
}
