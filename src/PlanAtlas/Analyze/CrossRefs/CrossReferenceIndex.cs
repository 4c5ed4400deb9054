using PlanAtlas.Model;

namespace PlanAtlas.Analyze.CrossRefs;

/// <summary>The three indexes of cross-references between plans.</summary>
public sealed record CrossReferences(IReadOnlyList<CrossReference> Citations, IReadOnlyList<CrossReference> Slogans, IReadOnlyList<CrossReference> Units);

/// <summary>
/// Cited documents, slogans and responsible units gathered from every item of every plan, each with where
/// and when it appears. Reads what the parser found (Item.Citations, Item.Slogans, Item.ResponsibleUnits);
/// it does not extract them again. Entries are ordered by the number of plans, then first year, then key.
/// </summary>
public sealed class CrossReferenceIndex(UnitKinds units)
{
    public CrossReferences Build(IReadOnlyList<Plan> plans)
    {
        var ordered = plans.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        return new CrossReferences(
            Index(ordered, item => item.Citations.Select(c => (c.Trim(), c))),
            Index(ordered, item => item.Slogans.Select(s => (s.Trim().Trim('“', '”', '"'), s))),
            Index(ordered, item => item.ResponsibleUnits.Select(u => (units.KindOf(u), u))));
    }

    private static List<CrossReference> Index(IReadOnlyList<Plan> plans, Func<Item, IEnumerable<(string Key, string AsWritten)>> keys)
    {
        var mentions = new Dictionary<string, List<(Mention Mention, int Order)>>(StringComparer.Ordinal);
        foreach (var plan in plans)
            for (var order = 0; order < plan.Items.Count; order++)
            {
                var item = plan.Items[order];
                foreach (var (key, asWritten) in keys(item).Where(k => k.Key.Length > 0).DistinctBy(k => k.Key))
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
}
