using System.Runtime.InteropServices;
using PlanAtlas.Model;

namespace PlanAtlas.Analyze.Reuse;

/// <summary>
/// The closest items in other plans for every item, reused or not, so a reader always has somewhere to go
/// next. Each item is reduced to its most distinctive character bigrams (TF-IDF over items; bigrams in
/// many items and bigrams no other plan has are left out), and neighbours are found through an inverted index
/// of those bigrams — never by comparing all pairs. A bigram's posting list is at most
/// <see cref="MaxPostings"/> long, so each item costs the same at any corpus size.
/// </summary>
public sealed class SimilarItems(int termsPerItem = 16, int neighbours = 3, double minSimilarity = 0.1)
{
    /// <summary>Bigrams in more items than this are too common to tell which item is close (安全, 生产, 工作 …).</summary>
    public const int MaxPostings = 100;

    /// <summary>… except in a small corpus, which would otherwise lose every bigram it shares.</summary>
    public const int MinPostingsCap = 50;

    public IReadOnlyDictionary<ItemKey, IReadOnlyList<ItemMatch>> Find(IReadOnlyList<Plan> plans) => Find(plans, null);

    /// <param name="memo">Bigram counts and item vectors of the last build (see <see cref="RememberedSimilarItems"/>); null: none.</param>
    /// <param name="texts">The items' normalized texts, when another step made them too; null: made here.</param>
    public IReadOnlyDictionary<ItemKey, IReadOnlyList<ItemMatch>> Find(IReadOnlyList<Plan> plans, AnalysisMemo? memo, NormalizedTexts? texts = null)
    {
        var (entries, vectors) = EntriesAndVectors(plans, memo, texts);
        var postings = Postings(vectors);

        var result = new IReadOnlyList<ItemMatch>[entries.Length];
        // Scores add up in a dense array per thread (and are cleared through the list of touched items).
        Workers.For(entries.Length, () => (Scores: new double[entries.Length], Touched: new List<int>(), Best: new (int Other, double Score)[neighbours]), (i, local) =>
        {
            foreach (var (term, weight) in vectors[i])
                foreach (var (other, w) in postings[term])
                    if (entries[other].Plan != entries[i].Plan)
                    {
                        if (local.Scores[other] == 0) local.Touched.Add(other);
                        local.Scores[other] += (double)weight * w;
                    }
            // The best few by score, then by item number, kept in order as they come (a sort per item was most of this loop).
            var best = local.Best;
            var count = 0;
            foreach (var o in local.Touched)
            {
                var score = local.Scores[o];
                if (score < minSimilarity || (count == best.Length && !Closer(o, score, best[^1]))) continue;
                var at = count < best.Length ? count++ : count - 1;
                for (; at > 0 && Closer(o, score, best[at - 1]); at--) best[at] = best[at - 1];
                best[at] = (o, score);
            }
            var matches = new List<ItemMatch>(count);
            for (var k = 0; k < count; k++) matches.Add(new ItemMatch(entries[best[k].Other].Key, Math.Round(best[k].Score, 4), false));
            result[i] = matches;
            foreach (var o in local.Touched) local.Scores[o] = 0;
            local.Touched.Clear();
        });
        var found = new Dictionary<ItemKey, IReadOnlyList<ItemMatch>>(result.Count(r => r.Count > 0));
        for (var i = 0; i < entries.Length; i++)
            if (result[i].Count > 0) found.Add(entries[i].Key, result[i]);
                return found;
    }

    private static bool Closer(int other, double score, (int Other, double Score) than) =>
        score > than.Score || (score == than.Score && other < than.Other);

    /// <summary>The items compared (plan by plan) and their vectors: the same with or without a memo (tests check it bit for bit).</summary>
    internal ((ItemKey Key, int Plan, string Text)[] Entries, (int Term, float Weight)[][] Vectors) EntriesAndVectors(IReadOnlyList<Plan> plans, AnalysisMemo? memo,
        NormalizedTexts? texts = null)
    {
        var ordered = plans.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var entries = ordered.SelectMany((p, planIndex) => p.Items.Select((item, place) => (Item: item, Place: place)).Where(i => i.Item.Kind != ItemKind.Section)
                .Select(i => (Key: new ItemKey(p.Id, i.Item.Id), Plan: planIndex, Text: texts?.Of(p, i.Place) ?? TextNormalizer.Normalize(i.Item.Text))))
            .Where(e => e.Text.Length >= 10)
            .ToArray();
        var maxDf = MaxDf(entries.Length);
        var planTexts = entries.Select(e => (e.Plan, e.Text)).ToArray();
        return (entries, memo is null ? Vectors(planTexts, ordered.Count, maxDf)
            : new RememberedSimilarItems(this, memo, termsPerItem).Vectors(ordered, planTexts, maxDf));
    }

    internal static int MaxDf(int entries) => Math.Max(MinPostingsCap, Math.Min(entries / 200, MaxPostings));

    private (int Term, float Weight)[][] Vectors((int Plan, string Text)[] entries, int plans, int maxDf)
    {
        var (df, plansWith) = Frequencies(entries, plans);
        var vectors = new (int Term, float Weight)[entries.Length][];
        Parallel.For(0, entries.Length, i => vectors[i] = Vector(Bigrams(entries[i].Text), df, plansWith, entries.Length, maxDf));
        return vectors;
    }

    /// <summary>
    /// An item's strongest bigrams (TF-IDF over items), L2-normalised. A bigram is two UTF-16 units packed into one
    /// int: no string per bigram on a corpus of millions.
    /// </summary>
    internal (int Term, float Weight)[] Vector(ReadOnlySpan<int> bigrams, Dictionary<int, int> df, Dictionary<int, int> plansWith, int entries, int maxDf)
    {
        // Only bigrams another plan also uses can lead to an item elsewhere.
        var candidates = new List<(int Term, double Weight)>();
        foreach (var b in bigrams)
            if (plansWith[b] >= 2 && df[b] <= maxDf) candidates.Add((b, Math.Log((double)entries / df[b])));
        var kept = candidates.OrderByDescending(w => w.Weight).ThenBy(w => w.Term).Take(termsPerItem).ToArray();
        var norm = Math.Sqrt(kept.Sum(w => w.Weight * w.Weight));
        return norm == 0 ? [] : kept.Select(w => (w.Term, (float)(w.Weight / norm))).ToArray();
    }

    [ThreadStatic] private static int[]? t_bigrams;

    /// <summary>
    /// The text's distinct bigrams, sorted, in a buffer the thread keeps until its next call: a hash set per item
    /// (twice per item) was most of this step's garbage.
    /// </summary>
    internal static ReadOnlySpan<int> Bigrams(string text)
    {
        var count = Math.Max(0, text.Length - 1);
        var buffer = t_bigrams is { } kept && kept.Length >= count
            ? kept : t_bigrams = new int[System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(count, 256))];
        for (var c = 0; c < count; c++) buffer[c] = text[c] << 16 | text[c + 1];
        var bigrams = buffer.AsSpan(0, count);
        bigrams.Sort();
        var distinct = 0;
        for (var i = 0; i < bigrams.Length; i++)
            if (i == 0 || bigrams[i] != bigrams[i - 1]) bigrams[distinct++] = bigrams[i];
        return bigrams[..distinct];
    }

    /// <summary>
    /// Items and plans each bigram is in. Entries come plan by plan; each plan is counted on its own, then added in,
    /// a few hundred plans at a time so that the plans' own counts are never all held at once.
    /// </summary>
    internal static (Dictionary<int, int> Items, Dictionary<int, int> Plans) Frequencies((int Plan, string Text)[] entries, int plans)
    {
        var ranges = new List<(int Start, int End)>();
        for (var start = 0; start < entries.Length;)
        {
            var end = start + 1;
            while (end < entries.Length && entries[end].Plan == entries[start].Plan) end++;
            ranges.Add((start, end));
            start = end;
        }
        var items = new Dictionary<int, int>();
        var plansWith = new Dictionary<int, int>();
        const int chunk = 256;
        for (var first = 0; first < ranges.Count; first += chunk)
        {
            var perPlan = new Dictionary<int, int>[Math.Min(chunk, ranges.Count - first)];
            Parallel.For(0, perPlan.Length, r =>
            {
                var counts = new Dictionary<int, int>();
                for (var i = ranges[first + r].Start; i < ranges[first + r].End; i++)
                    foreach (var b in Bigrams(entries[i].Text)) CollectionsMarshal.GetValueRefOrAddDefault(counts, b, out _)++;
                perPlan[r] = counts;
            });
            foreach (var counts in perPlan)
                foreach (var (b, n) in counts)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(items, b, out _) += n;
                    CollectionsMarshal.GetValueRefOrAddDefault(plansWith, b, out _)++;
                }
        }
        return (items, plansWith);
    }

    private static Dictionary<int, (int Item, float Weight)[]> Postings((int Term, float Weight)[][] vectors)
    {
        // Counted first, then filled: each list made once at its size.
        var counts = new Dictionary<int, int>();
        foreach (var vector in vectors)
            foreach (var (term, _) in vector) CollectionsMarshal.GetValueRefOrAddDefault(counts, term, out _)++;
        var lists = new Dictionary<int, (int Item, float Weight)[]>(counts.Count);
        foreach (var (term, count) in counts) lists[term] = new (int, float)[count];
        // Filled from the end, the last item first: each list ends up in item order.
        for (var i = vectors.Length - 1; i >= 0; i--)
            foreach (var (term, weight) in vectors[i]) lists[term][--CollectionsMarshal.GetValueRefOrNullRef(counts, term)] = (i, weight);
        return lists;
    }

    /// <summary>Adds the similar items after the reuse matches of each item, skipping any already there.</summary>
    public static IReadOnlyDictionary<ItemKey, IReadOnlyList<ItemMatch>> Merge(
        IReadOnlyDictionary<ItemKey, IReadOnlyList<ItemMatch>> reuse, IReadOnlyDictionary<ItemKey, IReadOnlyList<ItemMatch>> similar)
    {
        // The union without a set of keys: the keys of one, then those of the other it lacks.
        var keys = new ItemKey[reuse.Count + similar.Count];
        var count = 0;
        foreach (var k in reuse.Keys) keys[count++] = k;
        foreach (var k in similar.Keys)
            if (!reuse.ContainsKey(k)) keys[count++] = k;
        // ItemKey orders by plan id, then item id, both ordinal.
        Array.Sort(keys, 0, count);
        var merged = new Dictionary<ItemKey, IReadOnlyList<ItemMatch>>(count);
        foreach (var k in keys.AsSpan(0, count))
        {
            var first = reuse.GetValueOrDefault(k) ?? [];
            var more = similar.GetValueOrDefault(k) ?? [];
            // A list with nothing to add is taken as it is (no copy of tens of thousands of lists).
            if (first.Count == 0 || more.Count == 0)
            {
                merged[k] = first.Count == 0 ? more : first;
                continue;
            }
            List<ItemMatch>? list = null;
            // The lists are short (a few similar items after at most SeeAlsoCount matches): a scan beats a set per item.
            foreach (var m in more)
            {
                var seen = false;
                for (var i = 0; i < first.Count && !seen; i++) seen = first[i].Other == m.Other;
                if (seen) continue;
                list ??= new List<ItemMatch>(first.Count + more.Count);
                if (list.Count == 0) list.AddRange(first);
                list.Add(m);
            }
            merged[k] = list ?? first;
        }
        return merged;
    }
}
