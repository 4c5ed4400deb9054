using PlanAtlas.Analyze;
using PlanAtlas.Analyze.Peers;

namespace PlanAtlas.Tests.Analyze.Memo;

/// <summary>Neighbours with the lists of an earlier run equal those of a full search, whatever changed.</summary>
public sealed class NeighbourMemoTests
{
    private static (int Term, double Weight)[][] Vectors(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, 40).Where(_ => random.Next(4) == 0)
            .Select(t => (t, (double)random.Next(1, 4))).ToArray()).ToArray();
    }

    private static ulong[] Prints((int Term, double Weight)[][] vectors) =>
        vectors.Select(v => RememberedNeighbours.Print(v, t => (ulong)t)).ToArray();

    private static void AssertFull(AnalysisMemo memo, string[] ids, (int Term, double Weight)[][] vectors, int count)
    {
        var warm = RememberedNeighbours.Find(memo, "test", ids, vectors, Prints(vectors), count);
        var full = SparseVectors.Neighbours(vectors, count);
        for (var d = 0; d < vectors.Length; d++) Assert.Equal(full[d], warm[d]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(40)]
    public void After_vectors_change_the_neighbours_equal_a_full_search(int changes)
    {
        var vectors = Vectors(120, 5);
        var ids = vectors.Select((_, i) => $"p{i:D3}").ToArray();
        var memo = new AnalysisMemo();
        AssertFull(memo, ids, vectors, 6);
        var random = new Random(changes);
        var changed = vectors.ToArray();
        for (var c = 0; c < changes; c++)
        {
            var d = random.Next(changed.Length);
            // Now alike to many (all terms), or to none (one rare term), or a little other.
            changed[d] = (c % 3) switch
            {
                0 => Enumerable.Range(0, 40).Select(t => (t, 1.0)).ToArray(),
                1 => [(39, 0.5)],
                _ => changed[d].Select(t => (t.Term, t.Weight + 1)).ToArray(),
            };
        }
        var next = MemoPlans.RoundTrip(memo);
        AssertFull(next, ids, changed, 6);
        // And back, from the memo of the changed run.
        AssertFull(MemoPlans.RoundTrip(next), ids, vectors, 6);
    }

    [Fact]
    public void Other_plans_are_searched_in_full()
    {
        var vectors = Vectors(60, 9);
        var memo = new AnalysisMemo();
        AssertFull(memo, vectors.Select((_, i) => $"p{i:D3}").ToArray(), vectors, 5);
        AssertFull(MemoPlans.RoundTrip(memo), vectors.Select((_, i) => $"q{i:D3}").ToArray(), Vectors(60, 10), 5);
    }
}
