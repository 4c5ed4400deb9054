using PlanAtlas.Analyze.Reuse;

namespace PlanAtlas.Tests.Analyze.Memo;

/// <summary>The reuse verdicts as the memo holds them: written in any order, looked up in the record's own bytes.</summary>
public sealed class VerdictMemoTests
{
    [Fact]
    public void Entries_written_in_any_order_are_found_by_their_prints_and_a_pair_listed_twice_is_kept_once()
    {
        var entries = new ReuseVerdictMemo.Entry[]
        {
            new(9, 1, 0.5, 10, 2), new(3, 7, 0.25, 0, 1), new(3, 2, 0, 0, 0), new(9, 1, 0.5, 10, 2), new(1, 99, 1, 40, 2),
        };
        var bytes = ReuseVerdictMemo.ToBytes(entries.Length, span => entries.CopyTo(span));
        // The record is read at an odd offset, as a slice of the memo file is.
        var shifted = new byte[bytes.Length + 3];
        bytes.CopyTo(shifted, 3);
        var memo = ReuseVerdictMemo.From(shifted.AsMemory(3));

        Assert.NotNull(memo);
        foreach (var e in entries)
        {
            Assert.True(memo.TryGet(e.Earlier, e.Later, out var found));
            Assert.Equal(e, found);
        }
        Assert.False(memo.TryGet(3, 3, out _));
        Assert.Equal(4 * System.Runtime.CompilerServices.Unsafe.SizeOf<ReuseVerdictMemo.Entry>(), bytes.Length);
    }

    [Fact]
    public void Many_entries_spread_over_all_prints_are_each_found_and_no_other()
    {
        var random = new Random(4);
        ulong Print() => (ulong)random.NextInt64() << 1 | 1;
        var entries = Enumerable.Range(0, 5000).Select(i => new ReuseVerdictMemo.Entry(Print(), Print(), i / 5000.0, i, i % 3)).ToArray();
        // Pairs sharing an earlier item, as an item paired with several later ones is.
        entries[10] = entries[10] with { Earlier = entries[11].Earlier };
        entries[4999] = entries[4999] with { Earlier = ulong.MaxValue };
        var memo = ReuseVerdictMemo.From(ReuseVerdictMemo.ToBytes(entries.Length, span => entries.CopyTo(span)));

        Assert.NotNull(memo);
        foreach (var e in entries)
        {
            Assert.True(memo.TryGet(e.Earlier, e.Later, out var found));
            Assert.Equal(e, found);
        }
        Assert.False(memo.TryGet(entries[0].Earlier, entries[1].Later, out _));
        Assert.False(memo.TryGet(Print(), Print(), out _));
        Assert.False(memo.TryGet(0, 0, out _));
    }
}
