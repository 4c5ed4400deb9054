using PlanAtlas.Analyze.Peers;

namespace PlanAtlas.Tests.Analyze.Peers;

/// <summary>Neighbours are, by definition, the best rounded cosines above zero, ties by number, however many are touched.</summary>
public sealed class NeighbourOrderTests
{
    /// <summary>The definition, scoring every other vector.</summary>
    private static List<(int Other, double Similarity)> Defined(List<IReadOnlyDictionary<string, double>> vectors, int d, int count) =>
        Enumerable.Range(0, vectors.Count).Where(o => o != d)
            .Select(o => (Other: o, Score: vectors[d].Sum(t => vectors[o].TryGetValue(t.Key, out var w) ? t.Value * w : 0)))
            .Where(s => s.Score > 1e-9).Select(s => (s.Other, Math.Round(s.Score, 4)))
            .OrderByDescending(s => s.Item2).ThenBy(s => s.Other).Take(count).ToList();

    [Fact]
    public void Neighbours_with_many_ties_are_the_defined_best_few()
    {
        var random = new Random(7);
        // Few distinct vectors over few terms: many equal scores, and every vector touches most others.
        var shapes = Enumerable.Range(0, 6).Select(_ => SparseVectors.Normalise(Enumerable.Range(0, 5)
            .Select(t => new KeyValuePair<string, double>($"t{t}", random.Next(0, 3))))).ToArray();
        var vectors = Enumerable.Range(0, 300).Select(i => (IReadOnlyDictionary<string, double>)shapes[i % 6]).ToList();
        var found = SparseVectors.Neighbours(vectors, 10);
        for (var d = 0; d < vectors.Count; d++) Assert.Equal(Defined(vectors, d, 10).Select(s => s.Other), found[d].Select(s => s.Other));
    }

    [Fact]
    public void Neighbours_whose_scores_differ_below_the_rounding_are_ties()
    {
        var random = new Random(3);
        // Scores a hair apart: many round to the same value at four digits, around the count-th best too.
        var vectors = Enumerable.Range(0, 200).Select(i => (IReadOnlyDictionary<string, double>)SparseVectors.Normalise(Enumerable.Range(0, 4)
            .Select(t => new KeyValuePair<string, double>($"t{t}", 1 + (t == i % 4 ? 1e-5 * random.Next(0, 30) : 0))))).ToList();
        var found = SparseVectors.Neighbours(vectors, 7);
        for (var d = 0; d < vectors.Count; d++) Assert.Equal(Defined(vectors, d, 7), found[d]);
    }
}
