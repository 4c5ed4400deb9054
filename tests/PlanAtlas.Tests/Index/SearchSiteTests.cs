using System.Text;
using AngleSharp.Dom;
using PlanAtlas.Build;
using PlanAtlas.Index;
using PlanAtlas.Render;
using PlanAtlas.Tests.Site;

namespace PlanAtlas.Tests.Index;

public sealed class SearchSiteTests(SampleSite site) : IClassFixture<SampleSite>
{
    [Fact]
    public void The_build_writes_the_search_index_at_the_root_and_under_a_sub_path()
    {
        foreach (var (root, result) in new[] { (site.Root, site.Result), (site.SubPath, site.SubPathResult) })
        {
            Assert.Contains(result.Stages, s => s.Stage == SiteBuilder.Index && s.Summary.EndsWith("search records"));
            var reader = new IndexReader(Path.Combine(root, "search", "index"));
            Assert.Equal(site.Result.Plans, reader.Plans);
            Assert.True(reader.Documents > reader.Plans, "the other pages are documents too");
            Assert.Equal(reader.Documents, Directory.GetFiles(Path.Combine(root, "search", "index", "t")).Length);
            Assert.False(Directory.Exists(Path.Combine(root, "pagefind")));
        }
    }

    [Fact]
    public void Plans_come_from_the_model_and_other_pages_from_their_html_but_not_home_search_compare_or_data()
    {
        var documents = new SearchIndexer(SampleIndex.Strings).Documents([], new OutputFolder(site.Root));
        Assert.All(documents, d => Assert.Equal(SearchDocumentType.Page, d.Type));
        var urls = documents.Select(r => r.Url).ToList();
        Assert.Contains("/regions/140000/", urls);
        Assert.Contains("/years/2023/", urls);
        Assert.Contains("/about/", urls);
        Assert.DoesNotContain("/", urls);
        Assert.DoesNotContain("/search/", urls);
        Assert.DoesNotContain(urls, u => u.StartsWith("/plans/") || u.StartsWith("/compare/") || u.StartsWith("/search/") || u.StartsWith("/data/"));
        Assert.All(documents, r => Assert.DoesNotContain("由 PlanAtlas 生成", r.Text));
    }

    [Fact]
    public void The_page_scanner_reads_the_same_text_as_an_html_parser_on_every_page()
    {
        var pages = 0;
        foreach (var file in site.HtmlFiles())
        {
            var html = File.ReadAllText(file);
            var reference = Reference(html);
            var scanned = PageText.Extract(html);
            Assert.Equal(reference is null, scanned is null);
            if (reference is null) continue;
            Assert.Equal(reference.Value.Text, scanned!.Value.Text);
            Assert.Equal(reference.Value.Title, scanned.Value.Title);
            pages++;
        }
        Assert.True(pages > 50, $"only {pages} pages carry searchable text");
    }

    // What PageText reads, by walking AngleSharp's DOM (how the index stage read pages before).
    private static (string Title, string Text)? Reference(string html)
    {
        var document = SampleSite.Parse(html);
        var body = document.QuerySelector("[data-search-body]");
        if (body is null) return null;
        var text = new StringBuilder();
        void Append(INode node)
        {
            foreach (var child in node.ChildNodes)
                switch (child)
                {
                    case IElement e when e.HasAttribute("data-search-ignore") || e.LocalName is "script" or "style" or "template" or "noscript":
                        break;
                    case IElement e:
                        var block = e.LocalName is "p" or "div" or "section" or "article" or "li" or "ul" or "ol" or "table" or "tr" or "td" or "th"
                            or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "dt" or "dd" or "dl" or "blockquote" or "pre" or "figure"
                            or "figcaption" or "br" or "header" or "footer" or "nav" or "details" or "summary";
                        if (block) text.Append('\n');
                        Append(e);
                        if (block) text.Append('\n');
                        break;
                    case IText t:
                        text.Append(t.Data);
                        break;
                }
        }
        Append(body);
        var h1 = body.QuerySelector("h1") is { } h ? SearchText.Fold(h.TextContent) : "";
        return (h1.Length > 0 ? h1 : SearchText.Fold(document.Title ?? ""), PageText.Lines(text.ToString()));
    }

    [Fact]
    public void Every_page_has_a_search_box_that_keeps_the_base_path()
    {
        foreach (var (root, basePath) in new[] { (site.Root, "/"), (site.SubPath, "/planatlas/") })
            foreach (var file in site.HtmlFiles(root))
            {
                var form = SampleSite.Parse(File.ReadAllText(file)).QuerySelector("header form[role=search]");
                Assert.True(form is not null, $"{file} has no search box");
                Assert.Equal(basePath + "search/", form.GetAttribute("action"));
                Assert.Equal("GET", form.GetAttribute("method")?.ToUpperInvariant());
                Assert.Equal("q", form.QuerySelector("input[type=search]")!.GetAttribute("name"));
            }
        var search = site.Page("search/", site.SubPath);
        Assert.Equal("/planatlas/search/index/", search.GetElementById("search-form")!.GetAttribute("data-index"));
        Assert.Equal("/planatlas/", search.GetElementById("search-form")!.GetAttribute("data-base"));
        Assert.NotNull(search.QuerySelector("script[src='/planatlas/assets/js/search.js']"));
    }

    [Fact]
    public void Only_the_search_page_loads_the_search_script_and_no_page_may_run_webassembly()
    {
        foreach (var file in site.HtmlFiles())
        {
            var page = SampleSite.Parse(File.ReadAllText(file));
            var isSearch = Path.GetRelativePath(site.Root, file).Replace('\\', '/') == "search/index.html";
            Assert.Equal(isSearch, page.QuerySelector("script[src$='/assets/js/search.js']") is not null);
            var csp = page.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
            var scriptSrc = csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal));
            Assert.DoesNotContain("wasm", scriptSrc);
            Assert.DoesNotContain("'unsafe-inline'", scriptSrc);
            Assert.DoesNotContain("'unsafe-eval'", scriptSrc);
        }
    }

    [Fact]
    public void Npm_tools_are_installed_with_npm_ci_when_missing()
    {
        using var temp = RepoPaths.NewTemp();
        Directory.CreateDirectory(temp["theme"]);
        Directory.CreateDirectory(temp["pkg"]);
        File.WriteAllText(temp["pkg/package.json"], """{ "name": "fake-tool", "version": "1.0.0" }""");
        File.WriteAllText(temp["package.json"], """{ "name": "t", "version": "1.0.0", "dependencies": { "fake-tool": "file:pkg" } }""");
        File.WriteAllText(temp["package-lock.json"], """
            { "name": "t", "version": "1.0.0", "lockfileVersion": 3, "requires": true,
              "packages": {
                "": { "name": "t", "version": "1.0.0", "dependencies": { "fake-tool": "file:pkg" } },
                "node_modules/fake-tool": { "resolved": "pkg", "link": true },
                "pkg": { "name": "fake-tool", "version": "1.0.0" } } }
            """);
        var tools = NodeTools.Find(temp["theme"]);
        Assert.NotNull(tools);
        Assert.Equal(Path.GetFullPath(temp.Path), tools.Root);
        Assert.Null(tools.EnsureInstalled("fake-tool", CancellationToken.None));
        Assert.True(File.Exists(temp["node_modules/fake-tool/package.json"]));
    }
}
