namespace PlanAtlas.Analyze.Clustering;

/// <summary>
/// Mean silhouette of a clustering (Rousseeuw 1987), Euclidean distance. All-pairs, so it runs on a fixed,
/// evenly spaced sample of at most <see cref="MaxSample"/> items: the cost stays constant as the corpus grows.
/// </summary>
public static class Silhouette
{
    public const int MaxSample = 1500;

    public static double Mean(IReadOnlyList<SparseVector> vectors, IReadOnlyList<int> labels, int k)
    {
        var sample = Sample(vectors.Count);
        var norms = sample.Select(i => vectors[i].SquaredNorm).ToArray();
        var total = 0.0;
        var sums = new double[k];
        var counts = new int[k];
        for (var a = 0; a < sample.Length; a++)
        {
            Array.Clear(sums);
            Array.Clear(counts);
            for (var b = 0; b < sample.Length; b++)
            {
                if (a == b) continue;
                var d2 = norms[a] + norms[b] - 2 * vectors[sample[a]].Dot(vectors[sample[b]]);
                var label = labels[sample[b]];
                sums[label] += Math.Sqrt(Math.Max(0, d2));
                counts[label]++;
            }
            var own = labels[sample[a]];
            if (counts[own] == 0) continue; // a singleton scores 0, as in scikit-learn
            var inside = sums[own] / counts[own];
            var nearest = double.MaxValue;
            for (var c = 0; c < k; c++)
                if (c != own && counts[c] > 0) nearest = Math.Min(nearest, sums[c] / counts[c]);
            if (nearest == double.MaxValue) continue;
            var spread = Math.Max(inside, nearest);
            total += spread == 0 ? 0 : (nearest - inside) / spread;
        }
        return sample.Length == 0 ? 0 : total / sample.Length;
    }

    private static int[] Sample(int n)
    {
        if (n <= MaxSample) return Enumerable.Range(0, n).ToArray();
        return Enumerable.Range(0, MaxSample).Select(i => (int)((long)i * n / MaxSample)).ToArray();
    }
}
