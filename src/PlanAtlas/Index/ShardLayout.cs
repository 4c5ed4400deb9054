namespace PlanAtlas.Index;

/// <summary>
/// Spreads the keys over shard files by hash (shard = hash mod count), so the search page finds a key's file
/// without a directory, and chooses the count so that no file is larger than <see cref="Limit"/>: a query fetches
/// one file per key it looks up, so the bytes a query costs stay bounded however large the corpus grows.
/// </summary>
public sealed class ShardLayout
{
    /// <summary>The size a shard aims at (uncompressed): a few common keys or hundreds of rare ones.</summary>
    public const int TargetBytes = 16 * 1024;

    private ShardLayout(int count, int limit, int[] shardOf, long[] sizes)
    {
        Count = count;
        Limit = limit;
        ShardOf = shardOf;
        Sizes = sizes;
    }

    public int Count { get; }

    /// <summary>No shard is larger than this: twice the target, or twice the largest single key for a corpus whose common keys outgrow the target.</summary>
    public int Limit { get; }

    /// <summary>The shard of each entry, in the order given.</summary>
    public IReadOnlyList<int> ShardOf { get; }

    public IReadOnlyList<long> Sizes { get; }

    public static ShardLayout For(IReadOnlyList<TermIndex.Entry> entries, int targetBytes = TargetBytes)
    {
        var total = entries.Sum(e => (long)e.Bytes.Length);
        var largest = entries.Count == 0 ? 0 : entries.Max(e => e.Bytes.Length);
        var limit = 2 * Math.Max(targetBytes, largest);
        var count = (int)Math.Clamp((total + targetBytes - 1) / targetBytes, 1, int.MaxValue / 2);
        while (true)
        {
            var shardOf = new int[entries.Count];
            var sizes = new long[count];
            for (var i = 0; i < entries.Count; i++)
            {
                shardOf[i] = (int)(entries[i].Hash % (uint)count);
                sizes[shardOf[i]] += entries[i].Bytes.Length;
            }
            // A shard over the limit holds an unlucky handful of large keys: more shards split them up.
            // (Keys whose hashes are equal share a shard at any count, hence the cap.)
            if (sizes.Max() <= limit || count >= 4L * entries.Count) return new ShardLayout(count, limit, shardOf, sizes);
            count += count / 4 + 1;
        }
    }
}
