using PlanAtlas.Analyze.Themes;
using PlanAtlas.Model;
using PlanAtlas.Parse;
using PlanAtlas.Parse.Regions;
using PlanAtlas.Read;
using PlanAtlas.Render.Themes;

namespace PlanAtlas.Tests.Analyze;

public sealed class ThemeAnalyzerTests
{
    private static readonly IReadOnlyList<Plan> Plans = Parse();

    internal static IReadOnlyList<Plan> SamplePlans => Plans;

    private static IReadOnlyList<Plan> Parse()
    {
        var input = InputReader.CreateDefault().Read(RepoPaths.SampleInput);
        var parser = new PlanParser(Gazetteer.Default);
        return PlanIds.Assign(input.Documents.Select(d => parser.Parse(d, input.Manifest.GetValueOrDefault(d.SourceFile))));
    }

    [Fact]
    public void Site_settings_fix_the_number_of_clusters_and_items_csv_gets_themes_and_cluster_columns()
    {
        var analysis = ThemeAnalyzer.ForInput(ThemeTaxonomyLoader.Load(RepoPaths.SampleInput).Taxonomy, new SiteSettings { Clusters = 6 }, Plans);
        Assert.Equal(6, analysis.Clustering.Clusters.Count);
        Assert.True(analysis.Clustering.FixedBySettings);

        var data = new ThemeData(analysis);
        var rows = Plans.SelectMany(p => p.Items.Select(i => (Plan: p, Item: i, Columns: data.ExtraItemColumns(p, i)))).ToList();
        Assert.All(rows, r => Assert.Equal(ThemeData.ItemColumnNames.Order(), r.Columns.Keys.Order()));
        Assert.Contains(rows, r => r.Columns["theme_names"].Split(';').Contains("燃气安全"));
        var gas = rows.First(r => r.Item.Text.Contains("燃气", StringComparison.Ordinal) && ThemeAnalyzer.IsAnalysed(r.Item));
        var tag = analysis.TagsOf(new ItemKey(gas.Plan.Id, gas.Item.Id)).Single(t => t.ThemeId == "gas");
        // A subject goes to `themes`, a mention to `mentions`, never both.
        Assert.Contains("gas", gas.Columns[tag.IsSubject ? "themes" : "mentions"].Split(';'));
        Assert.DoesNotContain("gas", gas.Columns[tag.IsSubject ? "mentions" : "themes"].Split(';'));
        Assert.InRange(int.Parse(gas.Columns["cluster"], System.Globalization.CultureInfo.InvariantCulture), 1, 6);
        // 宜春's list of sectors (矿山、危化品…燃气) mentions gas without making it the item's subject.
        Assert.Contains(rows, r => r.Columns["mentions"].Split(';').Contains("gas") && !r.Columns["themes"].Split(';').Contains("gas"));
        Assert.All(rows, r => Assert.InRange(r.Columns["themes"].Split(';', StringSplitOptions.RemoveEmptyEntries).Length, 0, SubjectRule.MaxSubjects));
        // Headings and short lines carry their themes but are not clustered.
        Assert.Contains(rows, r => !ThemeAnalyzer.IsAnalysed(r.Item) && r.Columns["cluster"] == "");
    }

    [Fact]
    public void Shares_are_per_plan_so_a_long_plan_does_not_win_by_length()
    {
        var analysis = ThemeAnalyzer.ForInput(ThemeTaxonomyLoader.Load(RepoPaths.SampleInput).Taxonomy, new SiteSettings { Clusters = 3 }, Plans);
        foreach (var plan in Plans)
        {
            // Shares are of the plan's tasks: a task has a theme when any of its places has it as a subject.
            var tasks = PlanAtlas.Analyze.Tasks.PlanTasks.Of(plan).Tasks;
            foreach (var share in analysis.Shares.Where(s => s.PlanId == plan.Id))
            {
                var tagged = tasks.Count(task => task.Places.Any(place => analysis.SubjectsOf(new ItemKey(plan.Id, place)).Any(t => t.ThemeId == share.ThemeId)));
                Assert.Equal(tagged, share.Items);
                Assert.Equal(Math.Round((double)tagged / tasks.Count, 4), share.ShareItems);
            }
        }
    }
}
