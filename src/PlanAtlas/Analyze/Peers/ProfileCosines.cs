namespace PlanAtlas.Analyze.Peers;

/// <summary>
/// Cosines between the plans' text profiles, as <see cref="SparseVectors.Cosine"/> gives them to the last bit
/// (the smaller profile's terms in its own order, each times the other's weight), with terms as numbers: the
/// peer groups score tens of thousands of pairs per thousand plans, and hashing each two-character term string
/// again for every pair was most of that step. Thread-safe; each thread keeps its own scratch row.
/// </summary>
internal sealed class ProfileCosines
{
    private readonly (int Term, double Weight)[][] _rows;
    private readonly int _terms;
    [ThreadStatic] private static double[]? t_dense;

    public ProfileCosines(IReadOnlyList<IReadOnlyDictionary<string, double>> profiles)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        _rows = profiles.Select(p => p.Select(t =>
        {
            if (!ids.TryGetValue(t.Key, out var id)) ids[t.Key] = id = ids.Count;
            return (id, t.Value);
        }).ToArray()).ToArray();
        _terms = ids.Count;
    }

    public double Cosine(int x, int y)
    {
        var (a, b) = _rows[x].Length > _rows[y].Length ? (_rows[y], _rows[x]) : (_rows[x], _rows[y]);
        var dense = t_dense is { } kept && kept.Length >= _terms ? kept : t_dense = new double[_terms];
        foreach (var (term, weight) in b) dense[term] = weight;
        var dot = 0.0;
        // A term b lacks reads 0 and adds +0.0, which leaves the sum as it was.
        foreach (var (term, weight) in a) dot += weight * dense[term];
        foreach (var (term, _) in b) dense[term] = 0;
        return dot;
    }
}
