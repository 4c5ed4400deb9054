using FsCheck;
using FsCheck.Xunit;
using PlanAtlas.Index;

namespace PlanAtlas.Tests.Index;

public sealed class ShardLayoutTests
{
    private static TermIndex.Entry Entry(int first, int size) =>
        new(TermKeys.Pack(first, 0), TermKeys.Hash(TermKeys.Pack(first, 0)), new byte[size]);

    [Property(MaxTest = 50)]
    public bool No_shard_exceeds_the_limit(PositiveInt[] sizes)
    {
        var entries = sizes.Select((s, i) => Entry(0x4E00 + i, s.Get % 20_000 + 1)).ToList();
        var layout = ShardLayout.For(entries, targetBytes: 4096);
        var shardSizes = new long[layout.Count];
        for (var i = 0; i < entries.Count; i++) shardSizes[layout.ShardOf[i]] += entries[i].Bytes.Length;
        return entries.Count == 0 || (shardSizes.Max() <= layout.Limit && layout.Limit <= 2 * Math.Max(4096, entries.Max(e => e.Bytes.Length)));
    }

    [Fact]
    public void The_shard_count_follows_the_total_size()
    {
        var entries = Enumerable.Range(0, 1000).Select(i => Entry(0x4E00 + i, 100)).ToList();
        var layout = ShardLayout.For(entries, targetBytes: 10_000);
        Assert.InRange(layout.Count, 10, 20);
        Assert.Equal(1, ShardLayout.For([Entry(0x4E00, 10)]).Count);
    }

    [Theory]
    [InlineData("燃", "气", 3687552467u)]
    [InlineData("煤", "", 1334648745u)]
    [InlineData("a", "b", 2563531789u)]
    [InlineData("𠀀", "安", 3303631420u)]
    public void The_hash_is_the_one_search_js_computes(string first, string second, uint fromSearchJs)
    {
        // Values printed by hash() of theme/assets/js/search.js under node: the page finds a key's shard only if both agree.
        var key = TermKeys.Pack(char.ConvertToUtf32(first, 0), second.Length == 0 ? 0 : char.ConvertToUtf32(second, 0));
        Assert.Equal(fromSearchJs, TermKeys.Hash(key));
    }
}
