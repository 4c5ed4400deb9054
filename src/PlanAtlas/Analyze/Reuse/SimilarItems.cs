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
        // A bigram is two UTF-16 units packed into one int: no string per bigram on a corpus of millions.
        var bigrams = new int[entries.Length][];
        Parallel.For(0, entries.Length, i =>
        {
            var text = entries[i].Text;
            var set = new HashSet<int>();
            for (var c = 0; c + 2 <= text.Length; c++) set.Add(text[c] << 16 | text[c + 1]);
            bigrams[i] = [.. set];
        });
        var df = new Dictionary<int, int>();
        var plansWith = new Dictionary<int, (int Plan, int Count)>();
        for (var i = 0; i < entries.Length; i++)
            foreach (var b in bigrams[i])
            {
                df[b] = df.GetValueOrDefault(b) + 1;
                // Entries come plan by plan, so "last plan seen" counts distinct plans.
                var seen = plansWith.TryGetValue(b, out var s) ? s : (Plan: -1, Count: 0);
                if (seen.Plan != entries[i].Plan) plansWith[b] = (entries[i].Plan, seen.Count + 1);
            }
        // Bigrams in many items (安全, 生产, 工作 …) say nothing about which item is close, and their long posting
        // lists would make the search slow; the floor keeps small corpora from losing every shared bigram.
        var maxDf = Math.Max(50, Math.Min(entries.Length / 200, 400));
        var vectors = new (int Term, double Weight)[entries.Length][];
        Parallel.For(0, entries.Length, i =>
        {
            // Only bigrams another plan also uses can lead to an item elsewhere.
            var kept = bigrams[i].Where(b => plansWith[b].Count >= 2 && df[b] <= maxDf)
                .Select(b => (Term: b, Weight: Math.Log((double)entries.Length / df[b])))
                .OrderByDescending(w => w.Weight).ThenBy(w => w.Term).Take(termsPerItem).ToArray();
            var norm = Math.Sqrt(kept.Sum(w => w.Weight * w.Weight));
            vectors[i] = norm == 0 ? [] : kept.Select(w => (w.Term, w.Weight / norm)).ToArray();
        });

        var postings = new Dictionary<int, List<(int Item, double Weight)>>();
        for (var i = 0; i < entries.Length; i++)
            foreach (var (term, weight) in vectors[i])
            {
                if (!postings.TryGetValue(term, out var list)) postings[term] = list = [];
                list.Add((i, weight));
            }
        var result = new IReadOnlyList<ItemMatch>[entries.Length];
        Parallel.For(0, entries.Length, i =>
        {
            var scores = new Dictionary<int, double>();
            foreach (var (term, weight) in vectors[i])
                foreach (var (other, w) in postings[term])
                    if (entries[other].Plan != entries[i].Plan)
                        scores[other] = scores.GetValueOrDefault(other) + weight * w;
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
