using System.Text.Json;
using PlanAtlas.Serve;
using PlanAtlas.Tests.Site;
using Xunit.Abstractions;

namespace PlanAtlas.Tests.Publish;

/// <summary>
/// linkinator (npm, pinned) crawls the built sample site the way a visitor would, served over HTTP from a plain
/// static server (no live reload) at the root and under /planatlas/: every internal link, anchor (#fragment),
/// stylesheet, script, image and CSS url() must resolve. External links are skipped: the tests run offline.
/// </summary>
public sealed class LinkinatorTests(SampleSite site, ITestOutputHelper log) : IClassFixture<SampleSite>
{
    public sealed record Link(string Url, int? Status, string State, string? Parent);

    private static async Task<IReadOnlyList<Link>> Crawl(Uri start, params Uri[] more)
    {
        var cli = Path.Combine(NodeTool.Package("linkinator"), "build", "src", "cli.js");
        var origin = start.GetLeftPart(UriPartial.Authority);
        var run = await NodeTool.RunAsync(
            [cli, start.AbsoluteUri, .. more.Select(u => u.AbsoluteUri), "--recurse", "--check-fragments", "--check-css", "--format", "json",
             "--concurrency", "8", "--skip", $"^(?!{System.Text.RegularExpressions.Regex.Escape(origin)}/)"],
            TimeSpan.FromMinutes(5));
        Assert.True(run.Output.TrimStart().StartsWith('{'), $"linkinator did not report (exit {run.ExitCode}): {run.Errors}");
        using var json = JsonDocument.Parse(run.Output);
        return json.RootElement.GetProperty("links").EnumerateArray().Select(l => new Link(
            l.GetProperty("url").GetString()!,
            l.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : null,
            l.GetProperty("state").GetString()!,
            l.TryGetProperty("parent", out var p) ? p.GetString() : null)).ToList();
    }

    private async Task CheckSite(string root, string basePath)
    {
        await using var server = await SiteServer.StartAsync(new StaticSite(root, () => basePath), port: 0);
        var home = new Uri(server.Address, basePath.TrimStart('/'));
        // Every page is a start as well as the home page: linkinator's recursion under Kestrel skipped the children
        // of some pages it reached (seen with the citation pages), and a page it never parses is a page never checked.
        var pages = Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Select(r => new Uri(home, Uri.EscapeDataString(r == "index.html" ? "" : r.EndsWith("/index.html", StringComparison.Ordinal) ? r[..^"index.html".Length] : r).Replace("%2F", "/")))
            .ToArray();
        var links = await Crawl(home, pages);
        var broken = links.Where(l => l.State == "BROKEN").Select(l => $"{l.Url} ({l.Status}) on {l.Parent}").ToList();
        log.WriteLine($"linkinator {basePath}: {links.Count} links checked, {links.Count(l => l.State == "OK")} ok, {broken.Count} broken, {links.Count(l => l.State == "SKIPPED")} skipped");
        Assert.True(broken.Count == 0, "broken links:\n" + string.Join("\n", broken));

        // The crawl reached every page the site has (a crawl that stopped at the home page would prove nothing).
        var reached = links.Where(l => l.State == "OK").Select(l => Uri.UnescapeDataString(new Uri(l.Url).AbsolutePath)).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            var page = basePath + (relative == "index.html" ? "" : relative.EndsWith("/index.html", StringComparison.Ordinal) ? relative[..^"index.html".Length] : relative);
            Assert.True(reached.Contains(page), $"linkinator never reached {page}");
        }
        Assert.Contains(basePath + "feed.xml", reached);
        Assert.Contains(basePath + "assets/favicon.svg", reached);
    }

    [Fact]
    public Task The_sample_site_at_the_root_has_no_broken_links() => CheckSite(site.Root, "/");

    [Fact]
    public Task The_sample_site_under_a_sub_path_has_no_broken_links() => CheckSite(site.SubPath, "/planatlas/");

    [Fact]
    public async Task Linkinator_does_report_a_missing_page_a_missing_anchor_and_a_missing_stylesheet()
    {
        using var temp = RepoPaths.NewTemp();
        var root = temp["site"];
        Directory.CreateDirectory(Path.Combine(root, "a"));
        await File.WriteAllTextAsync(Path.Combine(root, "index.html"),
            "<!DOCTYPE html><html><head><title>t</title><link rel=\"stylesheet\" href=\"/planatlas/gone.css\"></head><body>" +
            "<a href=\"/planatlas/a/\">ok</a> <a href=\"/planatlas/nope/\">missing</a> <a href=\"/planatlas/a/#nowhere\">anchor</a></body></html>");
        await File.WriteAllTextAsync(Path.Combine(root, "a", "index.html"), "<!DOCTYPE html><html><head><title>a</title></head><body><p id=\"here\">a</p></body></html>");
        await using var server = await SiteServer.StartAsync(new StaticSite(root, () => "/planatlas/"), port: 0);
        var links = await Crawl(new Uri(server.Address, "planatlas/"));
        var broken = links.Where(l => l.State == "BROKEN").Select(l => new Uri(l.Url).PathAndQuery + new Uri(l.Url).Fragment).ToHashSet();
        Assert.Contains("/planatlas/nope/", broken);
        Assert.Contains("/planatlas/gone.css", broken);
        Assert.Contains("/planatlas/a/#nowhere", broken);
        Assert.DoesNotContain("/planatlas/a/", broken);
    }
}
