using FsCheck.Xunit;
using PlanAtlas.Index;

namespace PlanAtlas.Tests.Index;

public sealed class PostingEncodingTests
{
    [Property]
    public bool Postings_read_back_as_written(byte[] picks, ushort extra)
    {
        var total = picks.Length * 3 + extra % 500 + 1;
        var documents = picks.Select((p, i) => i * 3 + p % 3).Where(d => d < total).Distinct().Order().ToArray();
        var levels = documents.Select(d => (byte)(d % 16)).ToArray();
        var key = TermKeys.Pack('安', '全');
        using var bytes = new MemoryStream();
        PostingEncoding.Write(bytes, key, documents, levels, total);
        PostingEncoding.Write(bytes, TermKeys.Pack('燃', 0), [total - 1], [1], total);
        var data = bytes.ToArray();
        var at = 0;
        var (k, d, l) = PostingEncoding.Read(data, ref at, total);
        var (k2, d2, _) = PostingEncoding.Read(data, ref at, total);
        return k == key && d.SequenceEqual(documents) && l.SequenceEqual(levels) && k2 == TermKeys.Pack('燃', 0) && d2.Single() == total - 1 && at == data.Length;
    }

    [Fact]
    public void A_key_in_most_documents_is_a_bitmap_and_a_rare_key_a_list()
    {
        var all = Enumerable.Range(0, 1000).ToArray();
        using var common = new MemoryStream();
        PostingEncoding.Write(common, 1, all, new byte[all.Length], 1000);
        Assert.True(common.Length < 125 + 500 + 10, $"{common.Length} bytes"); // bitmap + nibbles + header
        using var rare = new MemoryStream();
        PostingEncoding.Write(rare, 1, [3, 700], [1, 1], 1000);
        Assert.True(rare.Length < 12, $"{rare.Length} bytes");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(8, 8)]
    [InlineData(10, 8)]
    [InlineData(11, 9)]
    [InlineData(100, 15)]
    public void Counts_are_kept_as_levels(int count, int level) => Assert.Equal(level, PostingEncoding.Level(count));
}
