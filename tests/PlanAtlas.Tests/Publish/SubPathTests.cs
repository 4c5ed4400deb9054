using System.Text.Json;
using System.Text.RegularExpressions;
using PlanAtlas.Tests.Site;

namespace PlanAtlas.Tests.Publish;

/// <summary>
/// Under --base-path /planatlas/, nothing may point at the host's root: not an attribute of any element (forms,
/// data-* attributes that scripts read, chart and search hooks), not a URL inside JSON (script data, downloads,
/// search indexes), not a url() in CSS, not a quoted path in a script. The crawl (LinkinatorTests) cannot see
/// the URLs scripts fetch; this catches them where they are written.
/// </summary>
public sealed partial class SubPathTests(SampleSite site) : IClassFixture<SampleSite>
{
    private const string BasePath = "/planatlas/";

    private static bool LeavesTheSite(string value) => SitePath().IsMatch(value) && !value.StartsWith(BasePath, StringComparison.Ordinal);

    [Fact]
    public void No_attribute_of_any_page_points_outside_the_base_path()
    {
        var wrong = new List<string>();
        foreach (var file in site.HtmlFiles(site.SubPath))
        {
            var page = SampleSite.Parse(File.ReadAllText(file));
            foreach (var element in page.All)
                foreach (var attribute in element.Attributes)
                    if (LeavesTheSite(attribute.Value.Trim()))
                        wrong.Add($"{Path.GetRelativePath(site.SubPath, file)}: <{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
            foreach (var data in page.QuerySelectorAll("script[type='application/json']"))
                wrong.AddRange(JsonPaths(data.TextContent).Select(p => $"{Path.GetRelativePath(site.SubPath, file)}: JSON \"{p}\""));
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void No_json_file_of_the_site_points_outside_the_base_path()
    {
        var wrong = Directory.EnumerateFiles(site.SubPath, "*.json", SearchOption.AllDirectories)
            .SelectMany(f => JsonPaths(File.ReadAllText(f)).Select(p => $"{Path.GetRelativePath(site.SubPath, f)}: \"{p}\""))
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Stylesheets_and_scripts_hold_no_root_relative_paths()
    {
        var wrong = new List<string>();
        foreach (var file in Directory.EnumerateFiles(site.SubPath, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".css") || f.EndsWith(".js") || f.EndsWith(".mjs"))
                     // Vendored, minified libraries are not written for this site and hold no links of it.
                     .Where(f => !f.Contains(".min.", StringComparison.Ordinal) && !f.Contains("vendor", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var pattern = file.EndsWith(".css") ? CssUrl() : QuotedPath();
            wrong.AddRange(pattern.Matches(text).Select(m => m.Groups["path"].Value).Where(LeavesTheSite)
                .Select(p => $"{Path.GetRelativePath(site.SubPath, file)}: {p}"));
        }
        Assert.True(wrong.Count == 0, "a site under a sub-path breaks on these (derive URLs from the page, e.g. a data attribute written with `url`):\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void The_guard_itself_catches_a_root_relative_path()
    {
        Assert.True(LeavesTheSite("/search/index.json"));
        Assert.True(LeavesTheSite("/plans/420700-2018/"));
        Assert.False(LeavesTheSite("/planatlas/search/index.json"));
        Assert.False(LeavesTheSite("//cdn.example.org/x.js"));
        Assert.False(LeavesTheSite("湖北省 / 鄂州市"));
        Assert.False(LeavesTheSite("/"));
        Assert.False(LeavesTheSite("/\\d+/"));
        Assert.Equal(["/data/plans.csv"], JsonPaths("{\"a\":[\"/data/plans.csv\",\"/planatlas/x/\"],\"b\":\"text / more\"}"));
        Assert.Equal(["/x.png"], CssUrl().Matches("a{background:url('/x.png')} b{background:url(img.png)}").Select(m => m.Groups["path"].Value).Where(LeavesTheSite));
        Assert.Equal(["/search.json"], QuotedPath().Matches("fetch(\"/search.json\"); s.split('/'); x = `/planatlas/a`;").Select(m => m.Groups["path"].Value).Where(LeavesTheSite));
    }

    private static List<string> JsonPaths(string json)
    {
        var found = new List<string>();
        void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object: foreach (var p in e.EnumerateObject()) Walk(p.Value); break;
                case JsonValueKind.Array: foreach (var i in e.EnumerateArray()) Walk(i); break;
                case JsonValueKind.String when LeavesTheSite(e.GetString()!): found.Add(e.GetString()!); break;
            }
        }
        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement);
        return found;
    }

    /// <summary>A root-relative path: "/" then a letter or digit (so not "//host", a lone "/", "/ text" or a regex source).</summary>
    [GeneratedRegex(@"^/[\p{L}\p{N}_~%-][^\s""'<>\\]*$")]
    private static partial Regex SitePath();

    [GeneratedRegex(@"url\(\s*['""]?(?<path>/[^'"")\s]*)")]
    private static partial Regex CssUrl();

    [GeneratedRegex(@"[""'`](?<path>/[^""'`\s]*)[""'`]")]
    private static partial Regex QuotedPath();
}
