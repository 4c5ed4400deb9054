using PlanAtlas.Model;

namespace PlanAtlas.Analyze.Reuse;

/// <summary>
/// Policy diffusion: reuse links joined into families of items that repeat one passage (connected
/// components), keeping the families that reach at least two plans. Each family reads as a timeline —
/// its first mention is where the passage first appears in the corpus, the rest is where it spread.
/// </summary>
public static class PassageSpread
{
    public static IReadOnlyList<CrossReference> Families(IReadOnlyList<Plan> plans, IReadOnlyList<ReuseLink> links)
    {
        var items = plans.SelectMany(p => p.Items.Select((item, order) => (Key: new ItemKey(p.Id, item.Id), Plan: p, Item: item, Order: order)))
            .ToDictionary(x => x.Key);
        var parent = new Dictionary<ItemKey, ItemKey>();
        ItemKey Find(ItemKey k)
        {
            while (parent.TryGetValue(k, out var p) && p != k) { parent[k] = parent.GetValueOrDefault(p, p); k = p; }
            return k;
        }
        foreach (var link in links.Where(l => items.ContainsKey(l.A) && items.ContainsKey(l.B)))
        {
            parent.TryAdd(link.A, link.A);
            parent.TryAdd(link.B, link.B);
            var (a, b) = (Find(link.A), Find(link.B));
            if (a != b) parent[b] = a;
        }
        return parent.Keys.GroupBy(Find)
            .Select(g => g.Select(k => items[k])
                .OrderBy(x => x.Plan.Year ?? int.MaxValue).ThenBy(x => x.Plan.Id, StringComparer.Ordinal).ThenBy(x => x.Order).ToList())
            .Where(family => family.Select(x => x.Plan.Id).Distinct().Count() >= 2)
            .Select(family => new CrossReference(family[0].Item.Text.Trim(),
                family.Select(x => new Mention(x.Key, x.Plan.Year, x.Item.Text.Trim())).ToList()))
            .OrderByDescending(c => c.PlanIds.Count).ThenBy(c => c.FirstYear ?? int.MaxValue).ThenBy(c => c.Mentions[0].Item.PlanId, StringComparer.Ordinal)
            .ThenBy(c => c.Mentions[0].Item.ItemId, StringComparer.Ordinal)
            .ToList();
    }
}
