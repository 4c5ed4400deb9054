using PlanAtlas.Analyze;

namespace PlanAtlas.Tests.Analyze.Memo;

/// <summary>A record written into a buffer of its announced size is the same record, whatever the size announced.</summary>
public sealed class MemoWritingTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(8 + 4 + 4 * 3)]
    [InlineData(1000)]
    public void A_record_is_the_same_bytes_whatever_size_is_announced(int size)
    {
        static void Write(BinaryWriter writer)
        {
            writer.Write(42UL);
            writer.WriteArray([1u, 2u, 3u]);
        }
        var expected = MemoWriting.Record(Write);
        Assert.Equal(8 + 4 + 4 * 3, expected.Length);
        Assert.Equal(expected, MemoWriting.Record(size, Write));
        var reader = new MemoReader(MemoWriting.Record(size, Write));
        Assert.Equal(42UL, reader.UInt64());
        Assert.Equal([1, 2, 3], reader.Int32s());
        Assert.True(reader.AtEnd);
    }
}
