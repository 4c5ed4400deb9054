namespace PlanAtlas.Analyze.Peers;

/// <summary>
/// L2-normalised sparse vectors keyed by term (a character bigram, a theme id) and cosine neighbours through
/// an inverted index: a plan is only scored against plans sharing one of its terms, never against all.
/// </summary>
public static class SparseVectors
{
    public static Dictionary<string, double> Normalise(IEnumerable<KeyValuePair<string, double>> weights)
    {
        var kept = weights.Where(w => w.Value > 0).ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal);
        var norm = Math.Sqrt(kept.Values.Sum(v => v * v));
        return norm == 0 ? kept : kept.ToDictionary(w => w.Key, w => w.Value / norm, StringComparer.Ordinal);
    }

    public static double Cosine(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b)
    {
        if (a.Count > b.Count) (a, b) = (b, a);
        var dot = 0.0;
        foreach (var (term, weight) in a)
            if (b.TryGetValue(term, out var other)) dot += weight * other;
        return dot;
    }

    /// <summary>For each vector, the <paramref name="count"/> most similar others (cosine &gt; 0), best first, ties by index.</summary>
    public static List<(int Other, double Similarity)>[] Neighbours(IReadOnlyList<IReadOnlyDictionary<string, double>> vectors, int count)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        return Neighbours(vectors.Select(v => v.Select(t => (Id(ids, t.Key), t.Value)).ToArray()).ToArray(), count);
    }

    /// <summary>The same for vectors whose terms are numbers (each vector's terms distinct, in the order they are summed).</summary>
    public static List<(int Other, double Similarity)>[] Neighbours(IReadOnlyList<(int Term, double Weight)[]> vectors, int count) =>
        Neighbours(vectors, count, null);

    /// <summary>
    /// The same, taking each vector's neighbours from an earlier run where it has them: a vector's list in
    /// <paramref name="earlier"/>'s Lists (null: found in full) is its list in a run where only the vectors marked Changed
    /// were other and none of those was on it. The vectors on it then kept their scores, and every vector not on it
    /// ranked below them all; the list now is the best of it and of the changed vectors, scored as the search scores them.
    /// </summary>
    internal static List<(int Other, double Similarity)>[] Neighbours(IReadOnlyList<(int Term, double Weight)[]> vectors, int count,
        (bool[] Changed, List<(int Other, double Similarity)>?[] Lists)? earlier)
    {
        // Terms become numbers from 0 and the postings one flat array per field, in document order.
        var ids = new Dictionary<int, int>();
        var rows = vectors.Select(v => v.Select(t => (Term: Id(ids, t.Term), t.Weight)).ToArray()).ToArray();
        var starts = new int[ids.Count + 1];
        foreach (var row in rows)
            foreach (var (term, _) in row) starts[term + 1]++;
        for (var t = 0; t < ids.Count; t++) starts[t + 1] += starts[t];
        var fill = starts[..^1].ToArray();
        var postedDocs = new int[starts[^1]];
        var postedWeights = new double[starts[^1]];
        for (var d = 0; d < rows.Length; d++)
            foreach (var (term, weight) in rows[d]) (postedDocs[fill[term]], postedWeights[fill[term]++]) = (d, weight);

        var result = new List<(int, double)>[vectors.Count];
        // The changed vectors by term, for the documents that take their earlier list.
        var changed = earlier is { } known
            ? Enumerable.Range(0, rows.Length).Where(d => known.Changed[d]).Select(d => (Doc: d, Weights: rows[d].ToDictionary(t => t.Term, t => t.Weight))).ToArray()
            : [];
        // Scores add up in one dense array per thread, cleared through the list of documents touched.
        Workers.For(vectors.Count, () => (Scores: new double[vectors.Count], Seen: new bool[vectors.Count], Touched: new List<int>(),
            Heap: new PriorityQueue<double, double>()), (d, local) =>
        {
            if (earlier?.Lists[d] is { } before)
            {
                result[d] = Merged(rows[d], d, before, changed, count);
                return;
            }
            foreach (var (term, weight) in rows[d])
                for (var p = starts[term]; p < starts[term + 1]; p++)
                {
                    var other = postedDocs[p];
                    if (other == d) continue;
                    if (!local.Seen[other]) { local.Seen[other] = true; local.Touched.Add(other); }
                    local.Scores[other] += weight * postedWeights[p];
                }
            result[d] = Best(local.Touched, local.Scores, count, local.Heap);
            foreach (var o in local.Touched) (local.Scores[o], local.Seen[o]) = (0, false);
            local.Touched.Clear();
        });
        return result;
    }

    /// <summary>
    /// The <paramref name="count"/> best of the touched documents by rounded score (above zero), ties by number: only
    /// those whose rounded score reaches the count-th best are rounded, kept and sorted. Rounding keeps the order of
    /// scores, so the count-th best rounded score is the count-th best score rounded, found on the raw scores. The heap
    /// is the worker's own, reused from document to document (a list the size of the touched documents per document is
    /// large-object garbage on a large corpus).
    /// </summary>
    private static List<(int Other, double Similarity)> Best(List<int> touched, double[] scores, int count, PriorityQueue<double, double> heap)
    {
        heap.Clear();
        foreach (var o in touched)
            if (scores[o] > 1e-9) Keep(heap, count, scores[o]);
        // A score more than a rounding step below the count-th best rounds below it too.
        var (threshold, cutoff) = count > 0 && heap.Count == count ? (Math.Round(heap.Peek(), 4), heap.Peek() - 1e-4) : (double.NegativeInfinity, double.NegativeInfinity);
        var best = new List<(int Other, double Similarity)>(heap.Count);
        foreach (var o in touched)
            if (scores[o] > 1e-9 && scores[o] >= cutoff && Math.Round(scores[o], 4) is var rounded && rounded >= threshold) best.Add((o, rounded));
        best.Sort((x, y) => x.Similarity != y.Similarity ? y.Similarity.CompareTo(x.Similarity) : x.Other.CompareTo(y.Other));
        if (best.Count > count) best.RemoveRange(count, best.Count - count);
        return best;
    }

    /// <summary>
    /// The best <paramref name="count"/> of an earlier list and of the changed documents: each scored over the
    /// document's terms in its order, as the search adds them up, so the scores are the same to the bit.
    /// </summary>
    private static List<(int Other, double Similarity)> Merged((int Term, double Weight)[] row, int self,
        List<(int Other, double Similarity)> before, (int Doc, Dictionary<int, double> Weights)[] changed, int count)
    {
        var best = new List<(int Other, double Similarity)>(before.Count + changed.Length);
        best.AddRange(before);
        foreach (var (other, weights) in changed)
        {
            if (other == self) continue;
            var score = 0.0;
            foreach (var (term, weight) in row)
                if (weights.TryGetValue(term, out var w)) score += weight * w;
            if (score > 1e-9) best.Add((other, Math.Round(score, 4)));
        }
        best.Sort((x, y) => x.Similarity != y.Similarity ? y.Similarity.CompareTo(x.Similarity) : x.Other.CompareTo(y.Other));
        if (best.Count > count) best.RemoveRange(count, best.Count - count);
        return best;
    }

    /// <summary>
    /// Keeps <paramref name="score"/> among the best <paramref name="count"/> scores so far (equal scores counted apart):
    /// the queue's head is then the count-th best.
    /// </summary>
    private static void Keep(PriorityQueue<double, double> heap, int count, double score)
    {
        if (heap.Count < count) heap.Enqueue(score, score);
        else if (count > 0 && score > heap.Peek()) heap.EnqueueDequeue(score, score);
    }

    private static int Id<T>(Dictionary<T, int> ids, T term) where T : notnull
    {
        if (!ids.TryGetValue(term, out var id)) ids[term] = id = ids.Count;
        return id;
    }
}
