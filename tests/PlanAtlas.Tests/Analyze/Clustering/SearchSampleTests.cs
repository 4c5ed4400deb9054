using System.Text.Json;
using PlanAtlas.Analyze.Clustering;
using PlanAtlas.Analyze.Themes;
using PlanAtlas.Model;

namespace PlanAtlas.Tests.Analyze.Clustering;

/// <summary>
/// A training sample bigger than <see cref="ClusterOptions.SearchItems"/> chooses k and runs its restarts on an
/// evenly spread sub-sample, then refines the best restart on the whole sample by Lloyd iterations. A sample no
/// bigger (every sample site) is trained as before: the sample site's output stays byte-identical.
/// </summary>
public sealed class SearchSampleTests
{
    private static ClusterOptions Options => new() { MaxClusters = 8, SearchItems = 100 };

    [Fact]
    public void The_refined_labels_are_the_nearest_centres_that_assignment_gives()
    {
        var clusterer = new ItemClusterer(ReferenceSet.SampleTokenizer, Options);
        var (model, sample, _, labels) = clusterer.TrainWithLabels(ReferenceSet.ClusterInputs())!.Value;
        Assert.True(sample.Count > Options.SearchItems);

        var assigned = clusterer.Assign(model, sample).Assignment;
        var pairs = sample.Select((item, i) => (Trained: labels[i], Assigned: assigned[item.Key])).Distinct().ToList();
        Assert.Equal(pairs.Count, pairs.Select(p => p.Trained).Distinct().Count());
        Assert.Equal(pairs.Count, pairs.Select(p => p.Assigned).Distinct().Count());
        Assert.Equal(model.Silhouette.MaxBy(s => s.Value).Key, model.K);
        Assert.Equal(Enumerable.Range(Options.MinClusters, Options.MaxClusters - Options.MinClusters + 1), model.Silhouette.Select(s => s.Key));
    }

    [Fact]
    public void Training_on_a_search_sample_is_deterministic_in_any_input_order()
    {
        var inputs = ReferenceSet.ClusterInputs();
        var shuffled = inputs.ToArray();
        new Random(7).Shuffle(shuffled);
        var clusterer = new ItemClusterer(ReferenceSet.SampleTokenizer, Options);
        Assert.Equal(JsonSerializer.Serialize(clusterer.Train(inputs)), JsonSerializer.Serialize(clusterer.Train(shuffled)));
    }

    [Fact]
    public void Lloyd_refinement_never_raises_the_inertia_and_stops_at_a_fixed_point()
    {
        var random = new Random(11);
        const int dimension = 12;
        var vectors = Enumerable.Range(0, 300).Select(_ =>
        {
            var indices = Enumerable.Range(0, dimension).Where(_ => random.NextDouble() < 0.4).DefaultIfEmpty(random.Next(dimension)).Distinct().Order().ToArray();
            var values = indices.Select(_ => (float)random.NextDouble() + 0.1f).ToArray();
            var norm = (float)Math.Sqrt(values.Sum(v => (double)v * v));
            return new SparseVector(indices, values.Select(v => v / norm).ToArray());
        }).ToList();
        var start = vectors.Take(5).Select(v => new ClusterCentroid(v.Indices, v.Values)).ToArray();

        var (centroids, labels) = LloydRefinement.Refine(vectors, start, dimension, maxIterations: 300);
        var (_, startLabels) = LloydRefinement.Refine(vectors, start, dimension, maxIterations: 1);
        Assert.True(Inertia(vectors, centroids, labels) <= Inertia(vectors, start, startLabels) + 1e-9);
        var (again, againLabels) = LloydRefinement.Refine(vectors, centroids, dimension, maxIterations: 300);
        Assert.Equal(labels, againLabels);
        Assert.Equal(JsonSerializer.Serialize(centroids), JsonSerializer.Serialize(again));
    }

    private static double Inertia(List<SparseVector> vectors, ClusterCentroid[] centroids, int[] labels) =>
        vectors.Select((v, i) =>
        {
            var centre = new float[12];
            for (var j = 0; j < centroids[labels[i]].Indices.Length; j++) centre[centroids[labels[i]].Indices[j]] = centroids[labels[i]].Values[j];
            return v.SquaredNorm - 2 * v.Dot(centre) + centre.Sum(c => (double)c * c);
        }).Sum();
}
