using PlanAtlas.Analyze.CrossRefs;
using PlanAtlas.Model;
using PlanAtlas.Tests.Analyze.Reuse;

namespace PlanAtlas.Tests.Analyze.CrossRefs;

/// <summary>
/// The index built in one pass over plans in mention order equals the straightforward definition: every key's mentions
/// sorted by year, plan and place, the keys by number of plans, first year and key.
/// </summary>
public sealed class CrossReferenceOrderTests
{
    private static List<CrossReference> Defined(IReadOnlyList<Plan> plans, Func<Item, IEnumerable<(string Key, string AsWritten)>> keys,
        Func<Plan, string, bool>? keep = null)
    {
        var mentions = new Dictionary<string, List<(Mention Mention, int Order)>>(StringComparer.Ordinal);
        foreach (var plan in plans.OrderBy(p => p.Id, StringComparer.Ordinal))
            for (var order = 0; order < plan.Items.Count; order++)
            {
                var item = plan.Items[order];
                foreach (var (key, asWritten) in keys(item).Where(k => k.Key.Length > 0).DistinctBy(k => k.Key).Where(k => keep is null || keep(plan, k.Key)))
                {
                    if (!mentions.TryGetValue(key, out var list)) mentions[key] = list = [];
                    list.Add((new Mention(new ItemKey(plan.Id, item.Id), plan.Year, asWritten), order));
                }
            }
        return mentions
            .Select(m => new CrossReference(m.Key, m.Value
                .OrderBy(x => x.Mention.Year ?? int.MaxValue).ThenBy(x => x.Mention.Item.PlanId, StringComparer.Ordinal).ThenBy(x => x.Order)
                .Select(x => x.Mention).ToList()))
            .OrderByDescending(c => c.PlanIds.Count).ThenBy(c => c.FirstYear ?? int.MaxValue).ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
    }

    private static void AssertSame(List<CrossReference> expected, IReadOnlyList<CrossReference> actual)
    {
        Assert.Equal(expected.Select(c => c.Key), actual.Select(c => c.Key));
        for (var i = 0; i < expected.Count; i++) Assert.Equal(expected[i].Mentions, actual[i].Mentions);
    }

    [Fact]
    public void The_sample_plans_with_years_missing_and_repeated_mentions_give_the_defined_index()
    {
        // Some plans without a year (they come last), and one plan's items naming the same things twice.
        var plans = SamplePlans.All.Select((p, i) => i % 4 == 1 ? p with { Metadata = p.Metadata with { Year = null } } : p).ToList();
        plans[0] = plans[0] with
        {
            Items = plans[0].Items.Select(item => item with
            {
                Citations = [.. item.Citations, .. item.Citations.Select(c => " " + c)],
                Slogans = [.. item.Slogans, .. item.Slogans.Select(s => "“" + s + "”")],
                ResponsibleUnits = [.. item.ResponsibleUnits, .. item.ResponsibleUnits],
            }).ToList(),
        };
        var index = new CrossReferenceIndex(UnitKinds.Default).Build(plans);
        Assert.NotEmpty(index.Units);
        Assert.NotEmpty(index.Citations);
        // A plan's citation of the plan it issues is left out (宜春's 《宜春市2023年安全生产工作要点》).
        AssertSame(Defined(plans, item => item.Citations.Select(c => (c.Trim(), c)), CrossReferenceIndex.CitesAnother), index.Citations);
        Assert.DoesNotContain(index.Citations, c => c.Key == "宜春市2023年安全生产工作要点");
        AssertSame(Defined(plans, item => item.Slogans.Select(s => (s.Trim().Trim('“', '”', '"'), s))), index.Slogans);
        AssertSame(Defined(plans, item => item.ResponsibleUnits.Select(u => (UnitKinds.Default.KindOf(u), u))), index.Units);
    }
}
