namespace PlanAtlas.Analyze.Clustering;

/// <summary>
/// Lloyd's k-means iterations from given centres: every item to its nearest centre, every centre to the mean of
/// its items, until no item moves. It carries centres found on a sub-sample over to the whole training sample
/// (ML.NET's KMeans cannot start from given centres). Distances are computed as <see cref="ClusterAssigner"/>
/// computes them (term-major float centres, double sums, ties to the lower cluster), so the labels it returns
/// are the ones assignment gives the same items. Sequential: the same result on any machine.
/// </summary>
internal static class LloydRefinement
{
    public static (ClusterCentroid[] Centroids, int[] Labels) Refine(IReadOnlyList<SparseVector> vectors, ClusterCentroid[] start, int dimension, int maxIterations)
    {
        var k = start.Length;
        var centres = new float[dimension * k];
        for (var c = 0; c < k; c++)
            for (var j = 0; j < start[c].Indices.Length; j++) centres[start[c].Indices[j] * k + c] = start[c].Values[j];
        var labels = new int[vectors.Count];
        Array.Fill(labels, -1);
        var norms = new double[k];
        var scores = new double[k];
        var sums = new double[dimension * k];
        var counts = new int[k];
        for (var iteration = 0; ; iteration++)
        {
            Norms(centres, k, norms);
            var moved = false;
            for (var i = 0; i < vectors.Count; i++)
            {
                var nearest = Nearest(vectors[i], centres, norms, scores);
                if (nearest != labels[i]) (labels[i], moved) = (nearest, true);
            }
            // Stopping here keeps the labels those of the centres returned.
            if (!moved || iteration + 1 >= maxIterations) break;
            Array.Clear(sums);
            Array.Clear(counts);
            for (var i = 0; i < vectors.Count; i++)
            {
                var c = labels[i];
                counts[c]++;
                for (var j = 0; j < vectors[i].Indices.Length; j++) sums[vectors[i].Indices[j] * k + c] += vectors[i].Values[j];
            }
            // A centre left without items stays where it was.
            for (var t = 0; t < dimension; t++)
                for (var c = 0; c < k; c++)
                    if (counts[c] > 0) centres[t * k + c] = (float)(sums[t * k + c] / counts[c]);
        }
        var centroids = new ClusterCentroid[k];
        for (var c = 0; c < k; c++)
        {
            var indices = new List<int>();
            var values = new List<float>();
            for (var t = 0; t < dimension; t++)
                if (centres[t * k + c] != 0) { indices.Add(t); values.Add(centres[t * k + c]); }
            centroids[c] = new ClusterCentroid(indices.ToArray(), values.ToArray());
        }
        return (centroids, labels);
    }

    private static void Norms(float[] centres, int k, double[] norms)
    {
        Array.Clear(norms);
        for (var i = 0; i < centres.Length; i++) norms[i % k] += (double)centres[i] * centres[i];
    }

    private static int Nearest(SparseVector x, float[] centres, double[] norms, double[] scores) =>
        Nearest(x.Indices, x.Values, centres, norms, scores);

    /// <summary>
    /// The nearest centre of a sparse vector, centres stored term-major (term × k). The assigner uses this too, so
    /// refinement's labels are exactly the ones assignment gives.
    /// </summary>
    internal static int Nearest(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, float[] centres, double[] norms, double[] scores)
    {
        var k = norms.Length;
        Array.Clear(scores);
        for (var j = 0; j < indices.Length; j++)
        {
            var row = indices[j] * k;
            var v = (double)values[j];
            for (var c = 0; c < k; c++) scores[c] += v * centres[row + c];
        }
        // Nearest centre: ||x − c||² = ||x||² + ||c||² − 2 x·c, and ||x||² is the same for every c.
        var best = 0;
        var bestDistance = double.MaxValue;
        for (var c = 0; c < k; c++)
        {
            var distance = norms[c] - 2 * scores[c];
            if (distance < bestDistance) (best, bestDistance) = (c, distance);
        }
        return best;
    }
}
