using System.Text.Json;
using PlanAtlas.Build;
using PlanAtlas.Index;
using PlanAtlas.Model;
using PlanAtlas.Render;
using PlanAtlas.Tests.Site;

namespace PlanAtlas.Tests.Index;

public sealed class SearchSiteTests(SampleSite site) : IClassFixture<SampleSite>
{
    [Fact]
    public void The_build_writes_a_pagefind_index_at_the_root_and_under_a_sub_path()
    {
        foreach (var (root, result) in new[] { (site.Root, site.Result), (site.SubPath, site.SubPathResult) })
        {
            Assert.Contains(result.Stages, s => s.Stage == SiteBuilder.Index && s.Summary.EndsWith("search records"));
            Assert.True(File.Exists(Path.Combine(root, "pagefind", "pagefind.js")));
            using var entry = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "pagefind", "pagefind-entry.json")));
            Assert.Equal("1.6.0", entry.RootElement.GetProperty("version").GetString());
            Assert.True(entry.RootElement.GetProperty("languages").TryGetProperty("zh", out var zh));
            Assert.True(zh.GetProperty("page_count").GetInt32() > site.Result.Plans, "every plan and the other pages are records");
        }
    }

    [Fact]
    public void Plans_come_from_the_model_and_other_pages_from_their_html_but_not_home_or_search()
    {
        var indexer = new SearchIndexer(new SiteSettings(), new UiStrings(File.ReadAllText(Path.Combine(RepoPaths.Theme, "strings.yml")), "zh-CN"));
        var records = indexer.Records([], new OutputFolder(site.Root));
        Assert.All(records, r => Assert.Equal(SearchRecordType.Page, r.Filters["type"].Single()));
        var urls = records.Select(r => r.Url).ToList();
        Assert.Contains("/regions/140000/", urls);
        Assert.Contains("/years/2023/", urls);
        Assert.Contains("/about/", urls);
        Assert.DoesNotContain("/", urls);
        Assert.DoesNotContain("/search/", urls);
        Assert.DoesNotContain(urls, u => u.StartsWith("/plans/") || u.StartsWith("/pagefind/"));
        Assert.All(records, r => Assert.DoesNotContain("由 PlanAtlas 生成", r.Content.Replace(SearchText.WordBreak.ToString(), "")));
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
                Assert.Equal("q", form.QuerySelector("input[type=search]")!.GetAttribute("name"));
            }
        var search = site.Page("search/", site.SubPath);
        Assert.Equal("/planatlas/pagefind/pagefind.js", search.GetElementById("search-form")!.GetAttribute("data-pagefind"));
        Assert.Equal("/planatlas/", search.GetElementById("search-form")!.GetAttribute("data-base"));
        Assert.NotNull(search.QuerySelector("script[src='/planatlas/assets/js/search.js']"));
    }

    [Fact]
    public void Only_the_search_page_may_run_webassembly()
    {
        foreach (var file in site.HtmlFiles())
        {
            var csp = SampleSite.Parse(File.ReadAllText(file)).QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
            var isSearch = Path.GetRelativePath(site.Root, file).Replace('\\', '/') == "search/index.html";
            Assert.Equal(isSearch, csp.Contains("'wasm-unsafe-eval'"));
            var scriptSrc = csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal));
            Assert.DoesNotContain("'unsafe-inline'", scriptSrc);
            Assert.DoesNotContain("'unsafe-eval'", scriptSrc);
        }
    }

    [Fact]
    public void Without_node_the_site_is_built_without_search_and_a_warning_says_why()
    {
        using var temp = RepoPaths.NewTemp();
        var output = new OutputFolder(temp["site"]);
        var diagnostics = new List<Diagnostic>();
        var indexer = new SearchIndexer(new SiteSettings(), new UiStrings("zh-CN:\n  a: b\n", "zh-CN"), RepoPaths.Theme) { NodeProgram = "node-that-does-not-exist" };
        Assert.Equal(0, indexer.Write([], output, diagnostics));
        var warning = Assert.Single(diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("PA601", warning.Code);
        Assert.Contains("Node.js", warning.Message);
        Assert.False(Directory.Exists(temp["site/pagefind"]));
    }

    [Fact]
    public void Npm_tools_are_installed_with_npm_ci_when_missing()
    {
        using var temp = RepoPaths.NewTemp();
        Directory.CreateDirectory(temp["tools/search"]);
        File.WriteAllText(temp["tools/search/build-index.mjs"], "");
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
        var tools = NodeTools.Find(SearchIndexer.Script, temp["tools"]);
        Assert.NotNull(tools);
        Assert.Equal(Path.GetFullPath(temp.Path), tools.Root);
        Assert.Null(tools.EnsureInstalled("fake-tool", CancellationToken.None));
        Assert.True(File.Exists(temp["node_modules/fake-tool/package.json"]));
    }
}
