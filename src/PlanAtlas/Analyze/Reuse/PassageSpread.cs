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
            .ToArray();
        var index = new Dictionary<ItemKey, int>(items.Length);
        for (var i = 0; i < items.Length; i++) index.TryAdd(items[i].Key, i);
        var roots = Roots(items.Length, Numbered(links, index));
        // Each family is sorted in full and the families are then ordered by a total order, so how they are grouped does not matter.
        return Ordered(Enumerable.Range(0, items.Length).Where(i => roots[i] >= 0).GroupBy(i => roots[i])
            .Select(g => g.Select(i => items[i])
                .OrderBy(x => x.Plan.Year ?? int.MaxValue).ThenBy(x => x.Plan.Id, StringComparer.Ordinal).ThenBy(x => x.Order)
                .Select(x => (x.Key, x.Plan, x.Item)).ToList()));
    }

    /// <summary>
    /// The same families from links given as item numbers, items numbered in time order (plan year, plan id, document
    /// order) with distinct keys: the reuse detector's own numbering, so no key is hashed or compared.
    /// </summary>
    /// <param name="item">The item with number i.</param>
    internal static IReadOnlyList<CrossReference> Families(int items, IEnumerable<(int A, int B)> links, Func<int, (ItemKey Key, Plan Plan, Item Item)> item)
    {
        var roots = Roots(items, links);
        // Taken in number order, each family is in time order already.
        var families = new Dictionary<int, List<(ItemKey, Plan, Item)>>();
        for (var i = 0; i < items; i++)
        {
            var root = roots[i];
            if (root < 0) continue;
            if (!families.TryGetValue(root, out var family)) families[root] = family = [];
            family.Add(item(i));
        }
        return Ordered(families.Values);
    }

    /// <summary>The links' ends as item numbers; a link to an item the plans do not hold is left out.</summary>
    private static IEnumerable<(int A, int B)> Numbered(IReadOnlyList<ReuseLink> links, Dictionary<ItemKey, int> index)
    {
        foreach (var link in links)
            if (index.TryGetValue(link.A, out var a) && index.TryGetValue(link.B, out var b)) yield return (a, b);
    }

    /// <summary>
    /// Union-find over item numbers: each linked item's family root, -1 for an item in no link (hashing two strings per
    /// step was most of this step's time).
    /// </summary>
    private static int[] Roots(int items, IEnumerable<(int A, int B)> links)
    {
        var parent = new int[items];
        Array.Fill(parent, -1);
        int Find(int k)
        {
            while (parent[k] != k) k = parent[k] = parent[parent[k]];
            return k;
        }
        foreach (var (a, b) in links)
        {
            if (parent[a] < 0) parent[a] = a;
            if (parent[b] < 0) parent[b] = b;
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb) parent[rb] = ra;
        }
        for (var i = 0; i < items; i++)
            if (parent[i] >= 0) parent[i] = Find(i);
        return parent;
    }

    /// <summary>
    /// Families (each in time order) reaching two plans or more, as cross-references in their total order: most plans,
    /// first year, then the first mention's key (ties as they came). Each family's plans and first year are counted
    /// once, not again by every comparison's <see cref="CrossReference.PlanIds"/>.
    /// </summary>
    private static List<CrossReference> Ordered(IEnumerable<List<(ItemKey Key, Plan Plan, Item Item)>> families)
    {
        var kept = new List<(CrossReference Reference, int Plans, int FirstYear, int At)>();
        var plans = new HashSet<string>(StringComparer.Ordinal);
        foreach (var family in families)
        {
            plans.Clear();
            var firstYear = int.MaxValue;
            foreach (var (_, plan, _) in family)
            {
                plans.Add(plan.Id);
                if (plan.Year is { } year && year < firstYear) firstYear = year;
            }
            if (plans.Count < 2) continue;
            var mentions = new List<Mention>(family.Count);
            foreach (var (key, plan, item) in family) mentions.Add(new Mention(key, plan.Year, item.Text.Trim()));
            kept.Add((new CrossReference(family[0].Item.Text.Trim(), mentions), plans.Count, firstYear, kept.Count));
        }
        kept.Sort((x, y) => x.Plans != y.Plans ? y.Plans.CompareTo(x.Plans)
            : x.FirstYear != y.FirstYear ? x.FirstYear.CompareTo(y.FirstYear)
            : string.CompareOrdinal(x.Reference.Mentions[0].Item.PlanId, y.Reference.Mentions[0].Item.PlanId) is var byPlan and not 0 ? byPlan
            : string.CompareOrdinal(x.Reference.Mentions[0].Item.ItemId, y.Reference.Mentions[0].Item.ItemId) is var byItem and not 0 ? byItem
            : x.At.CompareTo(y.At));
        return kept.ConvertAll(k => k.Reference);
    }
}
