namespace PlanAtlas.Analyze.Clustering;

/// <summary>
/// Mean silhouette of a clustering (Rousseeuw 1987), Euclidean distance. All-pairs, so it is meant for a fixed
/// sample of at most <see cref="MaxSample"/> items (<see cref="Sample"/>); their pairwise distances are computed
/// once and serve every k that is scored, so the cost stays constant as the corpus grows.
/// </summary>
public sealed class Silhouette
{
    public const int MaxSample = 1500;

    private readonly int _count;
    // Row-major distances between the items; the diagonal is never read.
    private readonly double[] _distances;

    public Silhouette(IReadOnlyList<SparseVector> vectors, int dimension)
    {
        var n = _count = vectors.Count;
        var norms = vectors.Select(v => v.SquaredNorm).ToArray();
        _distances = new double[n * n];
        // Each row is written by one thread only, so the values do not depend on the scheduling. Item a is spread
        // into a dense array and every later item gathers from it: one pass over b's terms per pair.
        Workers.For(n, () => new double[dimension], (a, dense) =>
        {
            var x = vectors[a];
            for (var j = 0; j < x.Indices.Length; j++) dense[x.Indices[j]] = x.Values[j];
            for (var b = a + 1; b < n; b++)
            {
                var y = vectors[b];
                double dot = 0;
                for (var j = 0; j < y.Indices.Length; j++) dot += dense[y.Indices[j]] * y.Values[j];
                _distances[a * n + b] = Math.Sqrt(Math.Max(0, norms[a] + norms[b] - 2 * dot));
            }
            for (var j = 0; j < x.Indices.Length; j++) dense[x.Indices[j]] = 0;
        });
        for (var a = 0; a < n; a++)
            for (var b = 0; b < a; b++) _distances[a * n + b] = _distances[b * n + a];
    }

    /// <summary>At most <paramref name="max"/> of <paramref name="n"/> items, evenly spaced; all of them when there are few.</summary>
    public static int[] Sample(int n, int max = MaxSample)
    {
        if (n <= max) return Enumerable.Range(0, n).ToArray();
        return Enumerable.Range(0, max).Select(i => (int)((long)i * n / max)).ToArray();
    }

    /// <param name="labels">Cluster 0..k-1 of every vector given to the constructor.</param>
    public double Mean(IReadOnlyList<int> labels, int k)
    {
        var n = _count;
        var total = 0.0;
        var sums = new double[k];
        var counts = new int[k];
        for (var a = 0; a < n; a++)
        {
            Array.Clear(sums);
            Array.Clear(counts);
            for (var b = 0; b < n; b++)
            {
                if (a == b) continue;
                var label = labels[b];
                sums[label] += _distances[a * n + b];
                counts[label]++;
            }
            var own = labels[a];
            if (counts[own] == 0) continue; // a singleton scores 0, as in scikit-learn
            var inside = sums[own] / counts[own];
            var nearest = double.MaxValue;
            for (var c = 0; c < k; c++)
                if (c != own && counts[c] > 0) nearest = Math.Min(nearest, sums[c] / counts[c]);
            if (nearest == double.MaxValue) continue;
            var spread = Math.Max(inside, nearest);
            total += spread == 0 ? 0 : (nearest - inside) / spread;
        }
        return n == 0 ? 0 : total / n;
    }
}
