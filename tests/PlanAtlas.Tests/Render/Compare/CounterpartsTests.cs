using PlanAtlas.Model;
using PlanAtlas.Render;
using PlanAtlas.Render.Compare;
using PlanAtlas.Tests.Analyze.Reuse;

namespace PlanAtlas.Tests.Render.Compare;

/// <summary>
/// What a peer group shows of a plan's items (ComparePages.Counterparts), which both the compare page and its input
/// fingerprint use: each item's first match in a peer that is reused or shares enough wording and points to a known
/// item, and the closest few side by side (reused first, then by score, ties in document order). Checked against the
/// plain statement of that rule on random groups.
/// </summary>
public sealed class CounterpartsTests
{
    private static IReadOnlyList<ComparePages.Counterpart> AsStated(IReadOnlyList<(ItemKey Item, IReadOnlyList<ItemMatch> Matches)> candidates,
        IReadOnlySet<string> peers, IReadOnlySet<ItemKey> known)
    {
        var best = candidates.Select(c => c.Matches
            .Where(m => (m.Reused || m.Score >= ComparePages.CounterpartScore) && known.Contains(m.Other))
            .FirstOrDefault(m => peers.Contains(m.Other.PlanId))).ToList();
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
        // Few distinct scores, so that ties are common; one too low for a counterpart unless reused.
        double[] scores = [0.3, 0.5, 0.6, 0.75, 0.9, 1.0];
        // Items i1 to i4 of each plan exist; a match may point to i0 or i5, which do not.
        var plansWithItems = plans.Select(p => TestPlans.Texts(p, 2020, "420700", "一。", "二。", "三。", "四。")).ToList();
        var links = new ItemLinks(plansWithItems, new SiteUrls("/"));
        var known = plansWithItems.SelectMany(p => p.Items.Select(i => new ItemKey(p.Id, i.Id))).ToHashSet();
        for (var round = 0; round < 200; round++)
        {
            var candidates = Enumerable.Range(0, random.Next(0, 30)).Select(i => (new ItemKey("a", $"i{i}"),
                (IReadOnlyList<ItemMatch>)Enumerable.Range(0, random.Next(0, 6))
                    .Select(j => new ItemMatch(new ItemKey(plans[random.Next(plans.Length)], $"i{j}"), scores[random.Next(scores.Length)], random.Next(3) == 0)).ToList())).ToList();
            var peers = plans.Where(_ => random.Next(2) == 0).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(AsStated(candidates, peers, known), ComparePages.Counterparts(candidates, peers, links));
        }
    }
}
