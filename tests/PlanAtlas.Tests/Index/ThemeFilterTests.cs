using PlanAtlas.Analyze.Themes;
using PlanAtlas.Index;
using PlanAtlas.Model;
using PlanAtlas.Parse;
using PlanAtlas.Parse.Regions;
using PlanAtlas.Read;
using PlanAtlas.Render;

namespace PlanAtlas.Tests.Index;

/// <summary>The theme filter of the search: each plan's record carries the names of the themes its items are tagged with.</summary>
public sealed class ThemeFilterTests
{
    [Fact]
    public void Plan_records_carry_their_themes_as_a_filter()
    {
        var input = InputReader.CreateDefault().Read(RepoPaths.SampleInput);
        var parser = new PlanParser(Gazetteer.Default);
        var plans = PlanIds.Assign(input.Documents.Select(d => parser.Parse(d, input.Manifest.GetValueOrDefault(d.SourceFile))));
        var themes = ThemeAnalyzer.ForInput(input.InputDirectory, input.Settings, plans, []);
        var strings = new UiStrings(File.ReadAllText(Path.Combine(RepoPaths.Theme, "strings.yml")), "zh-CN");
        using var temp = RepoPaths.NewTemp();
        var indexer = new SearchIndexer(input.Settings, strings, RepoPaths.Theme) { Analysis = new CorpusAnalysis { Themes = themes } };
        var records = indexer.Records(plans, new OutputFolder(temp.Path));

        var liulin = records.Single(r => r.Url == "/plans/141125-2023/");
        Assert.Contains("燃气安全", liulin.Filters["theme"]);
        Assert.Contains("打非治违", liulin.Filters["theme"]);
        // Only themes that tag an item of the plan: the 2018 Ezhou plan says nothing of self-built housing.
        var ezhou = records.Single(r => r.Url == "/plans/420700-2018/");
        Assert.DoesNotContain("自建房安全", ezhou.Filters["theme"]);
        Assert.DoesNotContain(records.Where(r => r.Url.StartsWith("/plans/")), r => !r.Filters.ContainsKey("theme"));
    }
}
