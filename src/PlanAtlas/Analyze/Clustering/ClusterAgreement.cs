namespace PlanAtlas.Analyze.Clustering;

/// <summary>
/// How well a clustering agrees with reference labels: adjusted Rand index (Hubert &amp; Arabie 1985) and
/// normalised mutual information (arithmetic mean normalisation, scikit-learn's default). Both are 1 for a
/// perfect match and about 0 for a random one; both ignore how the clusters are numbered.
/// </summary>
public static class ClusterAgreement
{
    public static double AdjustedRandIndex<TA, TB>(IReadOnlyList<TA> a, IReadOnlyList<TB> b) where TA : notnull where TB : notnull
    {
        var (table, rows, cols, n) = Contingency(a, b);
        static double Pairs(double x) => x * (x - 1) / 2;
        var index = table.Values.Sum(Pairs);
        var rowPairs = rows.Values.Sum(v => Pairs(v));
        var colPairs = cols.Values.Sum(v => Pairs(v));
        var expected = rowPairs * colPairs / Pairs(n);
        var max = (rowPairs + colPairs) / 2;
        return max == expected ? 1 : (index - expected) / (max - expected);
    }

    public static double NormalizedMutualInformation<TA, TB>(IReadOnlyList<TA> a, IReadOnlyList<TB> b) where TA : notnull where TB : notnull
    {
        var (table, rows, cols, n) = Contingency(a, b);
        double mi = 0;
        foreach (var ((r, c), count) in table)
            mi += count / n * Math.Log(count * n / (rows[r] * cols[c]));
        double Entropy(IEnumerable<double> counts) => -counts.Sum(v => v / n * Math.Log(v / n));
        var h = (Entropy(rows.Values) + Entropy(cols.Values)) / 2;
        return h == 0 ? 1 : mi / h;
    }

    private static (Dictionary<(TA, TB), double> Table, Dictionary<TA, double> Rows, Dictionary<TB, double> Cols, double N) Contingency<TA, TB>(
        IReadOnlyList<TA> a, IReadOnlyList<TB> b) where TA : notnull where TB : notnull
    {
        if (a.Count != b.Count || a.Count == 0) throw new ArgumentException("both labelings must have the same, non-zero length");
        var table = new Dictionary<(TA, TB), double>();
        var rows = new Dictionary<TA, double>();
        var cols = new Dictionary<TB, double>();
        for (var i = 0; i < a.Count; i++)
        {
            table[(a[i], b[i])] = table.GetValueOrDefault((a[i], b[i])) + 1;
            rows[a[i]] = rows.GetValueOrDefault(a[i]) + 1;
            cols[b[i]] = cols.GetValueOrDefault(b[i]) + 1;
        }
        return (table, rows, cols, a.Count);
    }
}
