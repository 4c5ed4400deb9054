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
        var postings = new Dictionary<string, List<(int Doc, double Weight)>>(StringComparer.Ordinal);
        for (var d = 0; d < vectors.Count; d++)
            foreach (var (term, weight) in vectors[d])
            {
                if (!postings.TryGetValue(term, out var list)) postings[term] = list = [];
                list.Add((d, weight));
            }
        var result = new List<(int, double)>[vectors.Count];
        Parallel.For(0, vectors.Count, d =>
        {
            var scores = new Dictionary<int, double>();
            foreach (var (term, weight) in vectors[d])
                foreach (var (other, w) in postings[term])
                    if (other != d) scores[other] = scores.GetValueOrDefault(other) + weight * w;
            result[d] = scores.Where(s => s.Value > 1e-9)
                .Select(s => (s.Key, Math.Round(s.Value, 4)))
                .OrderByDescending(s => s.Item2).ThenBy(s => s.Key)
                .Take(count).ToList();
        });
        return result;
    }
}
