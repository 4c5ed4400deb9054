using System.Xml;
using System.Xml.Linq;
using PlanAtlas.Build;
using PlanAtlas.Tests.Site;

namespace PlanAtlas.Tests.Publish;

/// <summary>sitemap.xml, feed.xml, robots.txt, 404.html and the head tags, on the built sample site.</summary>
public sealed class PublishFilesTests(PublishedSite site) : IClassFixture<PublishedSite>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly string[] PlanIds = ["141125-2023", "330000-2015", "350128-2023", "360900-2023", "420700-2018"];

    private static XDocument Xml(string file)
    {
        // Strict reader: a DTD or any malformed byte fails the test.
        using var reader = XmlReader.Create(file, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, CheckCharacters = true });
        return XDocument.Load(reader);
    }

    [Fact]
    public void Both_builds_succeed()
    {
        Assert.Equal(BuildOutcome.Built, site.PlainResult.Outcome);
        Assert.Equal(BuildOutcome.Built, site.HostedResult.Outcome);
    }

    [Fact]
    public void The_sitemap_follows_the_sitemap_protocol_and_lists_every_page_but_the_404()
    {
        var doc = Xml(Path.Combine(site.WithHost, "sitemap.xml"));
        Assert.Equal(Sitemap + "urlset", doc.Root!.Name);
        var urls = doc.Root.Elements().ToList();
        Assert.All(urls, u => Assert.Equal(Sitemap + "url", u.Name));
        Assert.InRange(urls.Count, 1, 50_000);
        Assert.True(new FileInfo(Path.Combine(site.WithHost, "sitemap.xml")).Length < 50 * 1024 * 1024);
        var locs = urls.Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
        Assert.Equal(locs.Count, locs.Distinct().Count());
        foreach (var loc in locs)
        {
            // Fully qualified, same host and under the base path, ASCII only (percent-encoded), under 2,048 characters.
            Assert.True(Uri.TryCreate(loc, UriKind.Absolute, out var uri), loc);
            Assert.StartsWith(PublishedSite.Host + PublishedSite.BasePath, loc);
            Assert.True(loc.Length < 2048 && loc.All(char.IsAscii), loc);
            Assert.Equal(uri!.AbsoluteUri, loc);
        }
        var pages = Directory.EnumerateFiles(site.WithHost, "*.html", SearchOption.AllDirectories).Count();
        Assert.Equal(pages - 1, locs.Count);
        Assert.DoesNotContain(locs, l => l.EndsWith("404.html", StringComparison.Ordinal));
        foreach (var id in PlanIds) Assert.Contains($"{PublishedSite.Host}/planatlas/plans/{id}/", locs);
        Assert.Contains($"{PublishedSite.Host}/planatlas/", locs);
    }

    [Fact]
    public void Without_base_url_there_is_no_sitemap_and_no_canonical_link()
    {
        Assert.False(File.Exists(Path.Combine(site.WithoutHost, "sitemap.xml")));
        Assert.DoesNotContain("Sitemap:", File.ReadAllText(Path.Combine(site.WithoutHost, "robots.txt")));
        var home = SampleSite.Parse(File.ReadAllText(Path.Combine(site.WithoutHost, "index.html")));
        Assert.Null(home.QuerySelector("link[rel=canonical]"));
        Assert.Null(home.QuerySelector("meta[property='og:url']"));
    }

    [Fact]
    public void Robots_txt_allows_crawling_and_names_the_sitemap()
    {
        var lines = File.ReadAllLines(Path.Combine(site.WithHost, "robots.txt"));
        Assert.Equal("User-agent: *", lines[0]);
        Assert.Contains("Allow: /", lines);
        Assert.Contains($"Sitemap: {PublishedSite.Host}/planatlas/sitemap.xml", lines);
    }

    [Fact]
    public void The_feed_is_atom_with_every_required_element()
    {
        foreach (var root in new[] { site.WithHost, site.WithoutHost })
        {
            var feed = Xml(Path.Combine(root, "feed.xml")).Root!;
            Assert.Equal(Atom + "feed", feed.Name);
            Assert.Single(feed.Elements(Atom + "id"));
            Assert.Single(feed.Elements(Atom + "title"));
            Assert.Single(feed.Elements(Atom + "updated"));
            Assert.NotEmpty(feed.Elements(Atom + "author"));
            Assert.Single(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
            AssertAbsoluteIri(feed.Element(Atom + "id")!.Value);
            AssertDate(feed.Element(Atom + "updated")!.Value);
            var entries = feed.Elements(Atom + "entry").ToList();
            Assert.Equal(PlanIds.Length, entries.Count);
            foreach (var entry in entries)
            {
                Assert.Single(entry.Elements(Atom + "id"));
                Assert.Single(entry.Elements(Atom + "title"));
                Assert.Single(entry.Elements(Atom + "updated"));
                Assert.Single(entry.Elements(Atom + "author"));
                Assert.Single(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate");
                AssertAbsoluteIri(entry.Element(Atom + "id")!.Value);
                AssertDate(entry.Element(Atom + "updated")!.Value);
            }
            Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
        }
    }

    [Fact]
    public void Feed_entries_are_newest_first_and_link_to_the_plan_pages()
    {
        var feed = Xml(Path.Combine(site.WithHost, "feed.xml")).Root!;
        var entries = feed.Elements(Atom + "entry").ToList();
        var dates = entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        Assert.Equal(dates[0], DateTimeOffset.Parse(feed.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("-2015/", (string)entries.Last().Element(Atom + "link")!.Attribute("href")!);
        var links = entries.Select(e => (string)e.Element(Atom + "link")!.Attribute("href")!).ToList();
        foreach (var id in PlanIds) Assert.Contains($"{PublishedSite.Host}/planatlas/plans/{id}/", links);
        var plainLinks = Xml(Path.Combine(site.WithoutHost, "feed.xml")).Root!.Elements(Atom + "entry").Select(e => (string)e.Element(Atom + "link")!.Attribute("href")!);
        Assert.All(plainLinks, l => Assert.StartsWith("/planatlas/plans/", l));
    }

    [Fact]
    public void Feed_ids_do_not_depend_on_the_host_the_base_path_or_the_build()
    {
        static IEnumerable<string> Ids(string root) =>
            Xml(Path.Combine(root, "feed.xml")).Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).Order();
        Assert.Equal(Ids(site.WithHost), Ids(site.WithoutHost));
        using var temp = RepoPaths.NewTemp();
        var again = new SiteBuilder(IBuildProgress.None).Build(new BuildOptions(RepoPaths.SampleInput, temp["root"], "/", ThemeDirectory: RepoPaths.Theme));
        Assert.Equal(BuildOutcome.Built, again.Outcome);
        Assert.Equal(Ids(site.WithoutHost), Ids(temp["root"]));
    }

    [Fact]
    public void The_404_page_links_under_the_base_path_and_is_not_indexed()
    {
        var page = SampleSite.Parse(File.ReadAllText(Path.Combine(site.WithHost, "404.html")));
        Assert.Equal("页面不存在", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Null(page.QuerySelector("link[rel=canonical]"));
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/planatlas/");
        Assert.Equal("/planatlas/assets/css/site.css", page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
    }

    [Fact]
    public void Every_page_has_a_title_description_open_graph_tags_favicon_and_canonical_url()
    {
        foreach (var file in Directory.EnumerateFiles(site.WithHost, "*.html", SearchOption.AllDirectories))
        {
            var page = SampleSite.Parse(File.ReadAllText(file));
            var relative = Path.GetRelativePath(site.WithHost, file).Replace('\\', '/');
            Assert.False(string.IsNullOrWhiteSpace(page.Title), relative);
            Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("meta[name=description]")?.GetAttribute("content")), relative);
            foreach (var property in new[] { "og:title", "og:type", "og:site_name", "og:description", "og:locale" })
                Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector($"meta[property='{property}']")?.GetAttribute("content")), $"{relative}: {property}");
            Assert.Equal("/planatlas/assets/favicon.svg", page.QuerySelector("link[rel=icon]")!.GetAttribute("href"));
            Assert.Equal("/planatlas/feed.xml", page.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
            if (relative == "404.html") continue;
            var expected = PublishedSite.Host + "/planatlas/" + (relative == "index.html" ? "" : relative[..^"index.html".Length]);
            Assert.Equal(expected, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
            Assert.Equal(expected, page.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        }
        Assert.True(File.Exists(Path.Combine(site.WithHost, "assets", "favicon.svg")));
        Assert.Equal("article", SampleSite.Parse(File.ReadAllText(Path.Combine(site.WithHost, "plans", "420700-2018", "index.html")))
            .QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
    }

    [Fact]
    public void The_favicon_is_well_formed_svg()
    {
        var svg = Xml(Path.Combine(RepoPaths.Theme, "assets", "favicon.svg")).Root!;
        Assert.Equal(XName.Get("svg", "http://www.w3.org/2000/svg"), svg.Name);
    }

    private static void AssertAbsoluteIri(string value) => Assert.True(Uri.TryCreate(value, UriKind.Absolute, out _), value);

    private static void AssertDate(string value) =>
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$", value);
}
