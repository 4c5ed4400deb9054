using PlanAtlas.Parse.Details;
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
        // Plans in the order of a key's mentions (year, then id; items in document order): each list is built sorted.
        var ordered = plans.OrderBy(p => p.Year ?? int.MaxValue).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        // Each unit as written is given its kind once (the same few hundred names recur in every plan), on every core.
        var written = ordered.SelectMany(p => p.Items).SelectMany(i => i.ResponsibleUnits).Distinct(StringComparer.Ordinal).ToArray();
        var kinds = new string[written.Length];
        Parallel.For(0, written.Length, u => kinds[u] = units.KindOf(written[u]));
        var kindOf = new Dictionary<string, string>(written.Length, StringComparer.Ordinal);
        for (var u = 0; u < written.Length; u++) kindOf[written[u]] = kinds[u];
        return new CrossReferences(
            Index(ordered, item => item.Citations, c => c.Trim(), CitesAnother),
            Index(ordered, item => item.Slogans, s => s.Trim().Trim('“', '”', '"')),
            Index(ordered, item => item.ResponsibleUnits, u => kindOf[u]));
    }

    /// <summary>
    /// A plan's citation of its own title, or of the plan it issues (关于印发X的通知 citing 《X》), is not a citation of
    /// another document.
    /// </summary>
    internal static bool CitesAnother(Plan plan, string key)
    {
        var title = Quotations.NormaliseCitation(plan.Title);
        key = Quotations.NormaliseCitation(key);
        return !(title == key || title.Contains("印发" + key, StringComparison.Ordinal) || title.Contains("印发〈" + key + "〉", StringComparison.Ordinal)
            || plan.Title.Contains("印发《" + key + "》", StringComparison.Ordinal));
    }

    private static List<CrossReference> Index(List<Plan> plans, Func<Item, IReadOnlyList<string>> mentioned, Func<string, string> keyOf,
        Func<Plan, string, bool>? keep = null)
    {
        var mentions = new Dictionary<string, List<Mention>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plan in plans)
            foreach (var item in plan.Items)
            {
                var asWritten = mentioned(item);
                if (asWritten.Count == 0) continue;
                seen.Clear();
                ItemKey? itemKey = null;
                // The first way of writing a key counts for the item.
                foreach (var text in asWritten)
                {
                    var key = keyOf(text);
                    if (key.Length == 0 || !seen.Add(key) || keep is not null && !keep(plan, key)) continue;
                    if (!mentions.TryGetValue(key, out var list)) mentions[key] = list = [];
                    list.Add(new Mention(itemKey ??= new ItemKey(plan.Id, item.Id), plan.Year, text));
                }
            }
        var entries = mentions.Select(m => (Reference: new CrossReference(m.Key, m.Value), Plans: PlanCount(m.Value), First: FirstYear(m.Value))).ToArray();
        Array.Sort(entries, (x, y) => x.Plans != y.Plans ? y.Plans.CompareTo(x.Plans)
            : x.First != y.First ? x.First.CompareTo(y.First) : string.CompareOrdinal(x.Reference.Key, y.Reference.Key));
        return entries.Select(e => e.Reference).ToList();
    }

    /// <summary>Plans mentioning the key: a plan's mentions are next to each other.</summary>
    private static int PlanCount(List<Mention> mentions)
    {
        var count = 0;
        for (var i = 0; i < mentions.Count; i++)
            if (i == 0 || mentions[i].Item.PlanId != mentions[i - 1].Item.PlanId) count++;
        return count;
    }

    /// <summary>The first year (<see cref="CrossReference.FirstYear"/>); plans without a year come last, so it is the first mention's.</summary>
    private static int FirstYear(List<Mention> mentions) => mentions[0].Year ?? int.MaxValue;
}
