using PlanAtlas.Read;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace PlanAtlas.Tests.Site;

/// <summary>
/// The interface speaks Chinese: provenance notes, parser messages and removed-chrome reasons on plan pages, no
/// internal file names in page text; and plan pages keep every word of the plan (labels before a colon, no table
/// header in the outline, orphan 一是 items named by their words).
/// </summary>
public sealed partial class ChineseInterfaceTests(SampleSite site) : IClassFixture<SampleSite>
{
    private const string Liulin = "plans/141125-2023/", Pingtan = "plans/350128-2023/";

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex EnglishWord();

    private static string Visible(IElement e) => e.TextContent;

    [Fact]
    public void Provenance_notes_are_in_chinese()
    {
        var page = site.Page(Liulin);
        var notes = page.QuerySelectorAll("td.provenance small").Select(Visible).ToList();
        Assert.Contains("由原文“柳政发〔20232”修复", notes);
        Assert.Contains(notes, n => n.StartsWith("由原文“2023227”修复，读作2023年2月27日", StringComparison.Ordinal));
        foreach (var file in site.HtmlFiles().Where(f => f.Contains($"{Path.DirectorySeparatorChar}plans{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            foreach (var cell in SampleSite.Parse(File.ReadAllText(file)).QuerySelectorAll("td.provenance"))
                Assert.False(EnglishWord().IsMatch(cell.TextContent), $"{file}: '{cell.TextContent}'");
    }

    [Fact]
    public void Parser_messages_and_removed_chrome_are_worded_in_chinese()
    {
        var page = site.Page(Liulin);
        var messages = page.QuerySelectorAll(".diagnostics li").Select(Visible).ToList();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.False(EnglishWord().IsMatch(m.Replace("PA3", "")), m));
        foreach (var plan in new[] { Liulin, Pingtan, "plans/420700-2018/" })
            foreach (var reason in site.Page(plan).QuerySelectorAll(".removed li small"))
                Assert.False(EnglishWord().IsMatch(reason.TextContent), $"{plan}: {reason.TextContent}");
    }

    [Fact]
    public void No_page_names_an_internal_file()
    {
        foreach (var file in site.HtmlFiles())
        {
            var body = SampleSite.Parse(File.ReadAllText(file)).Body!;
            foreach (var s in body.QuerySelectorAll("script, style").ToList()) s.Remove();
            foreach (var name in new[] { "input/", "themes.yml", "site.yml", "build --full" })
                Assert.False(body.TextContent.Contains(name, StringComparison.Ordinal), $"{file} names {name}");
        }
    }

    [Fact]
    public void Labels_before_a_colon_stay_with_their_paragraph()
    {
        var text = site.Page(Liulin).QuerySelector(".plan-text")!;
        var paragraphs = text.QuerySelectorAll("p.paragraph").Select(Visible).ToList();
        foreach (var label in new[] { "森林火灾", "水旱灾害", "地震灾害", "地质灾害", "气象灾害" })
            Assert.Contains(paragraphs, p => p.StartsWith(label + ":", StringComparison.Ordinal) || p.StartsWith(label + "：", StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, p => p.TrimStart().StartsWith(':') || p.TrimStart().StartsWith('：'));
    }

    [Fact]
    public void The_outline_has_no_table_header_row()
    {
        foreach (var plan in new[] { Liulin, Pingtan, "plans/360900-2023/", "plans/420700-2018/", "plans/330000-2015/" })
        {
            var entries = site.Page(plan).QuerySelectorAll("nav.toc li").Select(Visible).ToList();
            Assert.DoesNotContain(entries, e => e.Contains("序号", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Links_to_items_without_a_numbered_parent_name_the_plan_and_the_items_words()
    {
        var links = site.HtmlFiles().SelectMany(f => SampleSite.Parse(File.ReadAllText(f)).QuerySelectorAll("a[href*='/plans/350128-2023/#']"))
            .Select(a => a.TextContent.Trim()).Where(t => t.Contains('·')).ToList();
        Assert.NotEmpty(links);
        Assert.DoesNotContain(links, t => t.Contains("fujian-pingtan", StringComparison.Ordinal));
        Assert.DoesNotContain(links, t => Regex.IsMatch(t, "· [一二三四五六七八九十]+是$"));
        Assert.Contains(links, t => Regex.IsMatch(t, "· [一二三四五六七八九十]+是：.+"));
    }

    [Fact]
    public void No_page_or_chart_shows_a_theme_id()
    {
        var ids = PlanAtlas.Read.ThemeTaxonomyLoader.Load(RepoPaths.SampleInput).Taxonomy.Themes.Select(t => t.Id).ToList();
        Assert.Contains("gas", ids);
        var word = new Regex(@"(?<![A-Za-z0-9_-])(" + string.Join("|", ids.Select(Regex.Escape)) + @")(?![A-Za-z0-9_-])", RegexOptions.IgnoreCase);
        var pages = 0;
        // Every family of pages (home, themes, theme, clusters, cluster, plan, compare, citations, data, search …): the
        // text a reader sees, not the URLs and attributes (a theme's address is /themes/gas/).
        foreach (var file in site.HtmlFiles())
        {
            var body = SampleSite.Parse(File.ReadAllText(file)).Body!;
            foreach (var s in body.QuerySelectorAll("script, style").ToList()) s.Remove();
            var match = word.Match(body.TextContent);
            Assert.False(match.Success, $"{file} shows '{match.Value}'");
            pages++;
        }
        Assert.True(pages > 50, $"{pages} pages");
        // The charts' titles, axis and category labels, series names and hover texts (not the links they carry).
        foreach (var file in Directory.EnumerateFiles(Path.Combine(site.Root, "data", "charts"), "*.json"))
            foreach (var text in Texts(System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))))
                Assert.False(word.IsMatch(text), $"{file} shows '{text}'");
    }

    private static IEnumerable<string> Texts(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject o => o.Where(p => p.Key != "customdata").SelectMany(p => Texts(p.Value)),
        System.Text.Json.Nodes.JsonArray a => a.SelectMany(Texts),
        System.Text.Json.Nodes.JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
