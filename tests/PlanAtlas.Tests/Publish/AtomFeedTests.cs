using System.Xml.Linq;
using PlanAtlas.Model;
using PlanAtlas.Render;
using PlanAtlas.Render.Publish;
using PlanAtlas.Render.Views;

namespace PlanAtlas.Tests.Publish;

public sealed class AtomFeedTests
{
    private static readonly XNamespace Atom = AtomFeed.Namespace;

    private static Plan PlanOf(string id, DateOnly? issued = null, int? year = null, string title = "工作要点") =>
        new(id, id + ".txt", new PlanMetadata
        {
            Title = new Sourced<string>(title, Provenance.DocumentHeader),
            IssuedOn = issued is { } d ? new Sourced<DateOnly>(d, Provenance.DocumentHeader) : null,
            Year = year is { } y ? new Sourced<int>(y, Provenance.Body) : null,
        }, [], [], []);

    [Fact]
    public void Dates_come_from_the_issued_date_else_the_year_else_go_last()
    {
        Assert.Equal("2023-02-27T00:00:00+08:00", AtomFeed.Rfc3339(AtomFeed.DateOf(PlanOf("a", new DateOnly(2023, 2, 27), 2023))));
        Assert.Equal("2018-01-01T00:00:00+08:00", AtomFeed.Rfc3339(AtomFeed.DateOf(PlanOf("b", year: 2018))));
        Assert.Equal(AtomFeed.Undated, AtomFeed.DateOf(PlanOf("c")));
    }

    [Fact]
    public void Entries_are_newest_first_whatever_the_input_order()
    {
        var t = new UiStrings(File.ReadAllText(Path.Combine(RepoPaths.Theme, "strings.yml")), "zh-CN");
        var urls = PublicUrls.From(new SiteSettings { BasePath = "/x/" });
        var plans = new[] { PlanOf("110000-2018", year: 2018), PlanOf("110000-2023", new DateOnly(2023, 3, 1)), PlanOf("nodate"), PlanOf("120000-2023", new DateOnly(2023, 5, 9)) };
        var expected = new[] { "120000-2023", "110000-2023", "110000-2018", "nodate" };
        foreach (var order in new[] { plans, plans.Reverse().ToArray() })
        {
            var entries = order.Select(p => AtomFeed.EntryFor(p, PlanRow.From(p, urls.Site, t), urls, "site")).ToList();
            var xml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(AtomFeed.Write(new FeedHeader("urn:uuid:0", "t", null, "zh-CN", "/x/feed.xml", "/x/", "site"), entries)));
            var links = xml.Root!.Elements(Atom + "entry").Select(e => (string)e.Element(Atom + "link")!.Attribute("href")!).ToList();
            Assert.Equal(expected.Select(id => $"/x/plans/{id}/"), links);
        }
    }

    [Fact]
    public void Entry_ids_are_name_based_uuids_of_the_plan_id()
    {
        var a = NameBasedUuid.Urn("plans/420700-2018");
        Assert.Equal(a, NameBasedUuid.Urn("plans/420700-2018"));
        Assert.NotEqual(a, NameBasedUuid.Urn("plans/420700-2019"));
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", a);
    }

    [Fact]
    public void Version_5_uuids_match_the_rfc_example()
    {
        // RFC 9562 appendix A.4: "www.example.com" in the DNS namespace.
        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), NameBasedUuid.Create(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com"));
    }

    [Fact]
    public void Control_characters_from_a_bad_conversion_do_not_break_the_feed()
    {
        var urls = PublicUrls.From(new SiteSettings());
        var t = new UiStrings(File.ReadAllText(Path.Combine(RepoPaths.Theme, "strings.yml")), "zh-CN");
        var plan = PlanOf("x", title: "坏\u0001标题\uD800");
        var entry = AtomFeed.EntryFor(plan, PlanRow.From(plan, urls.Site, t), urls, "site");
        var xml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(AtomFeed.Write(new FeedHeader("urn:uuid:0", "t", null, "zh-CN", "/feed.xml", "/", "site"), [entry])));
        Assert.Equal("坏标题", xml.Root!.Element(Atom + "entry")!.Element(Atom + "title")!.Value);
    }

    [Theory]
    [InlineData("https://example.org", "https://example.org/sub/plans/a/")]
    [InlineData("https://example.org/", "https://example.org/sub/plans/a/")]
    [InlineData("http://example.org:8080", "http://example.org:8080/sub/plans/a/")]
    public void Absolute_urls_join_host_base_path_and_page(string baseUrl, string expected)
    {
        var urls = PublicUrls.From(new SiteSettings { BasePath = "/sub/", BaseUrl = baseUrl.TrimEnd('/') });
        Assert.Equal(expected, urls.Absolute("plans/a/"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("example.org")]
    [InlineData("ftp://example.org")]
    [InlineData("https://example.org/?q=1")]
    public void A_base_url_that_is_not_http_is_ignored_with_a_warning(string baseUrl)
    {
        var urls = PublicUrls.From(new SiteSettings { BaseUrl = baseUrl });
        Assert.False(urls.IsKnown);
        Assert.Null(urls.Absolute(""));
        Assert.Equal("site.yml", urls.Diagnostic!.File);
    }

    [Fact]
    public void Chinese_page_paths_are_percent_encoded_in_absolute_urls()
    {
        var urls = PublicUrls.From(new SiteSettings { BaseUrl = "https://example.org" });
        Assert.Equal("https://example.org/%E5%85%B3%E4%BA%8E/", urls.Absolute("关于/"));
    }
}

public sealed class SitemapWriterTests
{
    [Fact]
    public void Urls_are_entity_escaped_and_the_document_is_a_urlset()
    {
        var xml = System.Xml.Linq.XDocument.Parse(System.Text.Encoding.UTF8.GetString(SitemapWriter.Write(["https://example.org/a/?x=1&y=2"])));
        Assert.Equal("{http://www.sitemaps.org/schemas/sitemap/0.9}urlset", xml.Root!.Name.ToString());
        Assert.Equal("https://example.org/a/?x=1&y=2", xml.Root.Elements().Single().Elements().Single().Value);
        Assert.Contains("&amp;", System.Text.Encoding.UTF8.GetString(SitemapWriter.Write(["https://example.org/?x=1&y=2"])));
    }

    [Theory]
    [InlineData("index.html", "")]
    [InlineData("plans/420700-2018/index.html", "plans/420700-2018/")]
    [InlineData("404.html", "404.html")]
    public void Written_files_map_to_their_published_paths(string file, string sitePath) =>
        Assert.Equal(sitePath, SitemapWriter.SitePathOf(file));
}
