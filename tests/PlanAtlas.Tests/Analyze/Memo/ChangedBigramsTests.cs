using PlanAtlas.Analyze;

namespace PlanAtlas.Tests.Analyze.Memo;

/// <summary>Whether a plan has a changed bigram, by search or by merge, is what a set lookup of each of its bigrams says.</summary>
public sealed class ChangedBigramsTests
{
    [Fact]
    public void A_changed_bigram_is_found_whatever_the_sizes_and_signs()
    {
        var random = new Random(9);
        for (var round = 0; round < 500; round++)
        {
            var bigrams = Enumerable.Range(0, random.Next(0, 300)).Select(_ => random.Next(-2000, 2000)).Distinct().Order().ToArray();
            var changed = Enumerable.Range(0, random.Next(0, round % 2 == 0 ? 4 : 200)).Select(_ => random.Next(-2000, 2000)).Distinct().Order().ToArray();
            Assert.Equal(bigrams.Any(changed.ToHashSet().Contains), MemoTerms.ContainsAny(bigrams, changed));
        }
    }
}
