using PlanAtlas.Analyze;

namespace PlanAtlas.Tests.Analyze.Memo;

/// <summary>Whether a plan has a changed bigram, by search, by merge or in its record's bytes, is what a set lookup of each of its bigrams says.</summary>
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
            var expected = bigrams.Any(changed.ToHashSet().Contains);
            Assert.Equal(expected, MemoTerms.ContainsAny(bigrams, changed));
            // And in the terms as a record holds them, with their counts, passed over without keeping them.
            using var stream = new MemoryStream();
            using (var writer = new BinaryWriter(stream)) MemoTerms.Write(writer, bigrams, [bigrams.Select(b => b & 0xFF | 1).ToArray()]);
            var bytes = stream.ToArray();
            var reader = new MemoReader(bytes);
            Assert.Equal(bigrams.Length, MemoTerms.Skip(ref reader, 1));
            Assert.True(reader.AtEnd);
            Assert.Equal(expected, MemoTerms.ContainsAny(bytes, 1, changed));
        }
    }
}
