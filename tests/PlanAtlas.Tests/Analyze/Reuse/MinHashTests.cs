using PlanAtlas.Analyze.Reuse;

namespace PlanAtlas.Tests.Analyze.Reuse;

public sealed class MinHashTests
{
    [Theory]
    [InlineData(0.2)]
    [InlineData(0.5)]
    [InlineData(0.8)]
    public void Signatures_estimate_the_jaccard_similarity(double jaccard)
    {
        // Sets of 1000 with overlap k have Jaccard k / (2000 − k).
        var overlap = (int)Math.Round(2000 * jaccard / (1 + jaccard));
        var a = Enumerable.Range(0, 1000).Select(i => (ulong)i).ToArray();
        var b = Enumerable.Range(1000 - overlap, 1000).Select(i => (ulong)i).ToArray();
        var hasher = new MinHasher(256, 42);
        Assert.InRange(MinHasher.Estimate(hasher.Signature(a), hasher.Signature(b)), jaccard - 0.1, jaccard + 0.1);
    }

    [Fact]
    public void The_same_seed_gives_the_same_signature()
    {
        ulong[] set = [5, 9, 77];
        Assert.Equal(new MinHasher(32, 7).Signature(set), new MinHasher(32, 7).Signature(set));
        Assert.NotEqual(new MinHasher(32, 7).Signature(set), new MinHasher(32, 8).Signature(set));
    }

    [Fact]
    public void Banding_pairs_alike_signatures_and_never_unlike_ones()
    {
        var hasher = new MinHasher(32, 1);
        var index = new LshIndex(16, 2, 100);
        index.Add(0, hasher.Signature(Enumerable.Range(0, 50).Select(i => (ulong)i).ToArray()));
        index.Add(1, hasher.Signature(Enumerable.Range(2, 50).Select(i => (ulong)i).ToArray()));
        index.Add(2, hasher.Signature(Enumerable.Range(5000, 50).Select(i => (ulong)i).ToArray()));
        Assert.Equal([(0, 1)], index.Candidates((_, _) => true));
    }

    [Fact]
    public void Oversized_buckets_are_skipped_and_counted()
    {
        var index = new LshIndex(1, 2, 2);
        ulong[] same = [1, 2];
        for (var i = 0; i < 3; i++) index.Add(i, same);
        Assert.Empty(index.Candidates((_, _) => true));
        Assert.Equal(1, index.SkippedBuckets);
    }
}
