using PlanAtlas.Analyze.Peers;
using PlanAtlas.Model;

namespace PlanAtlas.Analyze.Reuse;

/// <summary>
/// The closest items in other plans for every item, reused or not, so a reader always has somewhere to go
/// next. Each item is reduced to its most distinctive character bigrams (TF-IDF over items; bigrams in
/// nearly every item and bigrams no other item has are left out), and neighbours are found through an
/// inverted index of those bigrams — never by comparing all pairs.
/// </summary>
public sealed class SimilarItems(int termsPerItem = 16, int neighbours = 3, double minSimilarity = 0.1)
{
    public IReadOnlyDictionary<ItemKey, IReadOnlyList<ItemMatch>> Find(IReadOnlyList<Plan> plans)
    {
        var entries = plans.OrderBy(p => p.Id, StringComparer.Ordinal)
            .SelectMany((p, planIndex) => p.Items.Where(i => i.Kind != ItemKind.Section)
                .Select(i => (Key: new ItemKey(p.Id, i.Id), Plan: planIndex, Text: TextNormalizer.Normalize(i.Text))))
            .Where(e => e.Text.Length >= 10)
            .ToArray();
        var bigrams = new HashSet<string>[entries.Length];
        Parallel.For(0, entries.Length, i =>
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            for (var c = 0; c + 2 <= entries[i].Text.Length; c++) set.Add(entries[i].Text.Substring(c, 2));
            bigrams[i] = set;
        });
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var plansWith = new Dictionary<string, (int Plan, int Count)>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Length; i++)
            foreach (var b in bigrams[i])
            {
                df[b] = df.GetValueOrDefault(b) + 1;
                // Entries come plan by plan, so "last plan seen" counts distinct plans.
                var seen = plansWith.TryGetValue(b, out var s) ? s : (Plan: -1, Count: 0);
                if (seen.Plan != entries[i].Plan) plansWith[b] = (entries[i].Plan, seen.Count + 1);
            }
        // Bigrams in more than 5% of the items (安全, 生产, 工作 …) say nothing about which item is close; a floor of
        // 50 keeps small corpora from losing every shared bigram.
        var maxDf = Math.Max(50, entries.Length / 20);
        var vectors = new IReadOnlyDictionary<string, double>[entries.Length];
        Parallel.For(0, entries.Length, i =>
            // Only bigrams another plan also uses can lead to an item elsewhere.
            vectors[i] = SparseVectors.Normalise(bigrams[i].Where(b => plansWith[b].Count >= 2 && df[b] <= maxDf)
                .Select(b => new KeyValuePair<string, double>(b, Math.Log((double)entries.Length / df[b])))
                .OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).Take(termsPerItem)));

        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Length; i++)
            foreach (var term in vectors[i].Keys)
            {
                if (!postings.TryGetValue(term, out var list)) postings[term] = list = [];
                list.Add(i);
            }
        var result = new IReadOnlyList<ItemMatch>[entries.Length];
        Parallel.For(0, entries.Length, i =>
        {
            var scores = new Dictionary<int, double>();
            foreach (var (term, weight) in vectors[i])
                foreach (var other in postings[term])
                    if (entries[other].Plan != entries[i].Plan)
                        scores[other] = scores.GetValueOrDefault(other) + weight * vectors[other][term];
            result[i] = scores.Where(s => s.Value >= minSimilarity)
                .OrderByDescending(s => s.Value).ThenBy(s => s.Key).Take(neighbours)
                .Select(s => new ItemMatch(entries[s.Key].Key, Math.Round(s.Value, 4), false)).ToList();
        });
        return Enumerable.Range(0, entries.Length).Where(i => result[i].Count > 0).ToDictionary(i => entries[i].Key, i => result[i]);
    }

    /// <summary>Adds the similar items after the reuse matches of each item, skipping any already there.</summary>
    public static IReadOnlyDictionary<ItemKey, IReadOnlyList<ItemMatch>> Merge(
        IReadOnlyDictionary<ItemKey, IReadOnlyList<ItemMatch>> reuse, IReadOnlyDictionary<ItemKey, IReadOnlyList<ItemMatch>> similar)
    {
        var keys = reuse.Keys.Union(similar.Keys).OrderBy(k => k.PlanId, StringComparer.Ordinal).ThenBy(k => k.ItemId, StringComparer.Ordinal);
        return keys.ToDictionary(k => k, k =>
        {
            var first = reuse.GetValueOrDefault(k) ?? [];
            var seen = first.Select(m => m.Other).ToHashSet();
            return (IReadOnlyList<ItemMatch>)first.Concat((similar.GetValueOrDefault(k) ?? []).Where(m => !seen.Contains(m.Other))).ToList();
        });
    }
}
