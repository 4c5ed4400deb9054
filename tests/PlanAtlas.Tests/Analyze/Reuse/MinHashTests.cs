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
        var index = new LshIndex(16, 2);
        index.Add(0, hasher.Signature(Enumerable.Range(0, 50).Select(i => (ulong)i).ToArray()));
        index.Add(1, hasher.Signature(Enumerable.Range(2, 50).Select(i => (ulong)i).ToArray()));
        index.Add(2, hasher.Signature(Enumerable.Range(5000, 50).Select(i => (ulong)i).ToArray()));
        Assert.Equal([(0, 1)], index.Candidates(new LshPairing()).Pairs);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(2000)]
    public void A_bucket_of_n_copies_is_paired_in_linear_not_quadratic_time(int copies)
    {
        var pairing = new LshPairing(Earliest: 1, Previous: 2, PerPassage: 3);
        var index = new LshIndex(4, 2);
        ulong[] same = [1, 2, 3, 4, 5, 6, 7, 8];
        for (var i = 0; i < copies; i++) index.Add(i, same);
        var found = index.Candidates(pairing);
        Assert.Equal(copies, found.LargestBucket);
        // Every copy after the first is paired with the first and with the two before it: at most 3 pairs each.
        Assert.InRange(found.Pairs.Count, copies - 1, 3 * (copies - 1));
        Assert.True(found.Proposals <= 4L * (pairing.Earliest + pairing.Previous) * copies);
        Assert.All(Enumerable.Range(1, copies - 1), later =>
        {
            Assert.Contains((0, later), found.Pairs);
            Assert.Contains((later - 1, later), found.Pairs);
        });
        Assert.All(found.Pairs, p => Assert.True(p.Earlier < p.Later));
    }

    [Fact]
    public void Passages_of_one_item_are_never_paired_with_each_other()
    {
        var index = new LshIndex(1, 2);
        ulong[] same = [1, 2];
        index.Add(0, same);
        index.Add(0, same);
        index.Add(1, same);
        Assert.Equal([(0, 1)], index.Candidates(new LshPairing()).Pairs);
    }
}
