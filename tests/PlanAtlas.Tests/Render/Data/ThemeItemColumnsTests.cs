using PlanAtlas.Model;
using PlanAtlas.Render;
using PlanAtlas.Render.Data;
using PlanAtlas.Render.Themes;
using PlanAtlas.Tests.Analyze.Reuse;

namespace PlanAtlas.Tests.Render.Data;

/// <summary>
/// items.csv's theme columns key an incremental build's rows by what their values are made from (the item's theme ids,
/// its cluster), not by the values: whatever changes a value must change the key, and nothing else may.
/// </summary>
public sealed class ThemeItemColumnsTests
{
    private static readonly ItemKey Key = new("p1", "i1");

    private static ThemeAnalysis Analysis(IReadOnlyList<string> themeIds, int? cluster) => new(
        new ThemeTaxonomy([new Theme("gas", "燃气安全", "Gas", "燃气。", ["燃气"], []), new Theme("fire", "消防", "Fire", "消防。", ["消防"], [])]),
        themeIds.Count == 0 ? new Dictionary<ItemKey, IReadOnlyList<ThemeTag>>()
            : new Dictionary<ItemKey, IReadOnlyList<ThemeTag>> { [Key] = themeIds.Select(id => new ThemeTag(id, [new ThemeEvidence("燃气", 0, 2)])).ToList() },
        new HashSet<ItemKey> { Key },
        [],
        new ItemClustering([], cluster is { } c ? new Dictionary<ItemKey, int> { [Key] = c } : new Dictionary<ItemKey, int>(), [], true,
            new Dictionary<ItemKey, (float X, float Y)>()));

    private static (string Values, string Key) Row(ThemeAnalysis analysis)
    {
        var plan = TestPlans.Plan(Key.PlanId, 2021, "420700", TestPlans.Item(Key.ItemId, "加强燃气安全"));
        var row = new PlanItem(plan, plan.Items[0]);
        var columns = new ThemeData(analysis).ItemColumns();
        using var inputs = PageInputs.Part();
        foreach (var column in columns) column.AddTo(row, inputs);
        return (string.Join("|", columns.Select(c => c.Value(row))), Convert.ToHexStringLower(inputs.Digest()));
    }

    [Fact]
    public void The_key_changes_exactly_when_the_themes_or_the_cluster_change()
    {
        ThemeAnalysis[] analyses =
        [
            Analysis([], null), Analysis([], 1), Analysis([], 2), Analysis(["gas"], null), Analysis(["gas"], 1),
            Analysis(["gas", "fire"], 1), Analysis(["fire", "gas"], 1), Analysis(["gasfire"], 1), Analysis(["gas", "fire"], 0),
        ];
        var rows = analyses.Select(Row).ToList();
        foreach (var a in rows)
            foreach (var b in rows)
                Assert.Equal(a.Values == b.Values, a.Key == b.Key);
        Assert.Equal(Row(Analysis(["gas"], 1)), Row(Analysis(["gas"], 1)));
    }
}
