using PlanAtlas.Analyze.Reuse;
using PlanAtlas.Model;

namespace PlanAtlas.Tests.Analyze.Reuse;

/// <summary>"See also" is each item's reuse matches, then its similar items not already among them, items in key order.</summary>
public sealed class SeeAlsoMergeTests
{
    private static ItemKey Key(string plan, string item) => new(plan, item);

    [Fact]
    public void Similar_items_follow_the_reuse_matches_without_repeating_one()
    {
        var (a, b, c, d) = (Key("p1", "1"), Key("p2", "1"), Key("p3", "1"), Key("p4", "1"));
        var reuse = new Dictionary<ItemKey, IReadOnlyList<ItemMatch>>
        {
            [b] = [new(a, 0.9, true)],
            [a] = [new(b, 0.9, true), new(c, 0.5, false)],
            [d] = [new(a, 0.7, true)],
        };
        var similar = new Dictionary<ItemKey, IReadOnlyList<ItemMatch>>
        {
            [c] = [new(a, 0.3, false)],
            [a] = [new(c, 0.4, false), new(d, 0.2, false)],
            [b] = [new(a, 0.6, false)],
        };

        var merged = SimilarItems.Merge(reuse, similar);

        Assert.Equal([a, b, c, d], merged.Keys);
        Assert.Equal([new(b, 0.9, true), new(c, 0.5, false), new(d, 0.2, false)], merged[a]);
        Assert.Equal([new ItemMatch(a, 0.9, true)], merged[b]);
        Assert.Equal([new ItemMatch(a, 0.3, false)], merged[c]);
        Assert.Equal([new ItemMatch(a, 0.7, true)], merged[d]);
    }
}
