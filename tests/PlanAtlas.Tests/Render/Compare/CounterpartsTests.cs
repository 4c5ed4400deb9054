using PlanAtlas.Model;
using PlanAtlas.Render.Compare;

namespace PlanAtlas.Tests.Render.Compare;

/// <summary>
/// What a peer group shows of a plan's items (ComparePages.Counterparts), which both the compare page and its input
/// fingerprint use: each item's first match in a peer, and the closest few side by side (reused first, then by score,
/// ties in document order). Checked against the plain statement of that rule on random groups.
/// </summary>
public sealed class CounterpartsTests
{
    private static IReadOnlyList<ComparePages.Counterpart> AsStated(IReadOnlyList<(ItemKey Item, IReadOnlyList<ItemMatch> Matches)> candidates, IReadOnlySet<string> peers)
    {
        var best = candidates.Select(c => c.Matches.FirstOrDefault(m => peers.Contains(m.Other.PlanId))).ToList();
        var closest = Enumerable.Range(0, candidates.Count).Where(i => best[i] is not null)
            .OrderByDescending(i => best[i]!.Reused).ThenByDescending(i => best[i]!.Score).ThenBy(i => i)
            .Take(ComparePages.SideBySideShown).ToHashSet();
        return candidates.Select((c, i) => new ComparePages.Counterpart(c.Item, best[i], closest.Contains(i))).ToList();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Counterparts_follow_the_rule(int seed)
    {
        var random = new Random(seed);
        string[] plans = ["p1", "p2", "p3", "p4", "p5"];
        // Few distinct scores, so that ties are common.
        double[] scores = [0.5, 0.6, 0.75, 0.9, 1.0];
        for (var round = 0; round < 200; round++)
        {
            var candidates = Enumerable.Range(0, random.Next(0, 30)).Select(i => (new ItemKey("a", $"i{i}"),
                (IReadOnlyList<ItemMatch>)Enumerable.Range(0, random.Next(0, 5))
                    .Select(j => new ItemMatch(new ItemKey(plans[random.Next(plans.Length)], $"i{j}"), scores[random.Next(scores.Length)], random.Next(3) == 0)).ToList())).ToList();
            var peers = plans.Where(_ => random.Next(2) == 0).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(AsStated(candidates, peers), ComparePages.Counterparts(candidates, peers));
        }
    }
}
