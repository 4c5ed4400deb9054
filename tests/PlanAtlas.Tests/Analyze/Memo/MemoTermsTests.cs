using PlanAtlas.Analyze;

namespace PlanAtlas.Tests.Analyze.Memo;

/// <summary>Term records read back as written, big numbers and negative terms included; a cut record is refused.</summary>
public sealed class MemoTermsTests
{
    private static byte[] Written(int[] terms, int[][] counts)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream)) MemoTerms.Write(writer, terms, counts);
        return stream.ToArray();
    }

    [Fact]
    public void Terms_and_counts_read_back_as_written()
    {
        int[] terms = [int.MinValue + 1, -70000, -1, 0, 127, 128, 16384, 1 << 28, int.MaxValue];
        int[][] counts = [[1, 127, 128, 300, 16383, 16384, 1 << 21, 1 << 28, int.MaxValue], [9, 8, 7, 6, 5, 4, 3, 2, 1]];
        var bytes = Written(terms, counts);
        var reader = new MemoReader(bytes);
        var (readTerms, readCounts) = MemoTerms.Read(ref reader, 2);
        Assert.True(reader.AtEnd);
        Assert.Equal(terms, readTerms);
        Assert.Equal(counts[0], readCounts[0]);
        Assert.Equal(counts[1], readCounts[1]);
    }

    [Fact]
    public void A_cut_record_is_refused()
    {
        var bytes = Written([1, 2, 300], [[1, 2, 70000]]);
        Assert.Throws<InvalidDataException>(() =>
        {
            var reader = new MemoReader(bytes.AsSpan(0, bytes.Length - 1));
            MemoTerms.Read(ref reader, 1);
        });
        Assert.Throws<InvalidDataException>(() =>
        {
            var reader = new MemoReader(bytes.AsSpan(0, bytes.Length - 1));
            MemoTerms.Skip(ref reader, 1);
        });
    }
}
