namespace PlanAtlas.Analyze.Reuse;

/// <summary>
/// What each passage of an <see cref="LshIndex"/> is paired with: up to <see cref="PerPassage"/> earlier items
/// (-1 after the last; the first is the earliest item its buckets proposed), and how many proposals its buckets made.
/// </summary>
public sealed class LshChoices
{
    public LshChoices(int passages, int perPassage)
    {
        PerPassage = Math.Max(1, perPassage);
        Chosen = new int[passages * PerPassage];
        Array.Fill(Chosen, -1);
        Proposed = new int[passages];
    }

    public int PerPassage { get; }

    /// <summary>Passage p's items at [p × PerPassage, (p + 1) × PerPassage).</summary>
    public int[] Chosen { get; }

    public int[] Proposed { get; }

    public LshBucketSizes Sizes { get; set; } = LshBucketSizes.None;
}

/// <summary>A bucket: the passages of a band with one key.</summary>
public readonly record struct LshBucket(int Band, uint Key, int Size);

/// <summary>
/// The biggest buckets, and a bound on the size of every bucket not listed (each listed one is at least as big): enough
/// to tell the biggest bucket after a change from the sizes of the buckets that changed, without counting them all.
/// </summary>
public sealed record LshBucketSizes(int Bound, LshBucket[] Listed, int Largest)
{
    public static LshBucketSizes None { get; } = new(1, [], 0);

    /// <summary>
    /// The sizes after the buckets in <paramref name="changed"/> (per band) took the sizes <paramref name="sizeOf"/>
    /// gives and no other bucket changed; null when no listed bucket is left to tell the biggest.
    /// </summary>
    public LshBucketSizes? After(HashSet<uint>[] changed, Func<int, uint, int> sizeOf, int passages)
    {
        var biggest = new BiggestBuckets(Bound, Listed.Where(b => !changed[b.Band].Contains(b.Key)));
        if (biggest.Count == 0 && Bound > 1) return null;
        var grown = new List<LshBucket>();
        for (var band = 0; band < changed.Length; band++)
            foreach (var key in changed[band])
                if (sizeOf(band, key) is var size && size > Bound) grown.Add(new LshBucket(band, key, size));
        biggest.Add(grown);
        return biggest.Sizes(passages);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Bound);
        writer.Write(Listed.Length);
        foreach (var b in Listed)
        {
            writer.Write(b.Band);
            writer.Write(b.Key);
            writer.Write(b.Size);
        }
    }

    public static LshBucketSizes Read(ref MemoReader reader)
    {
        var bound = reader.Int32();
        var n = reader.Int32();
        if (n < 0 || n > 1 << 20) throw new InvalidDataException("bad bucket count");
        var listed = new List<LshBucket>(n);
        for (var i = 0; i < n; i++) listed.Add(new LshBucket(reader.Int32(), reader.UInt32(), reader.Int32()));
        return new BiggestBuckets(bound, listed).Sizes(0);
    }
}

/// <summary>Buckets of more than one passage, the smallest dropped beyond a few dozen (raising the bound on those not listed).</summary>
public sealed class BiggestBuckets(int bound, IEnumerable<LshBucket> listed)
{
    private const int Kept = 64;
    private readonly List<LshBucket> _listed = [.. listed];
    private int _bound = bound;

    public BiggestBuckets() : this(1, []) { }

    public int Count => _listed.Count;

    public void Add(IEnumerable<LshBucket> more)
    {
        // A bucket no bigger than the bound need not be listed; a few dozen are sorted at a time, never a band's worth.
        foreach (var bucket in more)
        {
            if (bucket.Size <= _bound) continue;
            _listed.Add(bucket);
            if (_listed.Count > 4 * Kept) Trim(Kept);
        }
    }

    public LshBucketSizes Sizes(int passages)
    {
        Trim(Kept);
        return new LshBucketSizes(_bound, [.. _listed], _listed.Count > 0 ? _listed[0].Size : Math.Min(1, passages));
    }

    private void Trim(int kept)
    {
        _listed.Sort((x, y) => x.Size != y.Size ? y.Size.CompareTo(x.Size) : x.Band != y.Band ? x.Band.CompareTo(y.Band) : x.Key.CompareTo(y.Key));
        if (_listed.Count <= kept) return;
        _bound = Math.Max(_bound, _listed[kept].Size);
        _listed.RemoveRange(kept, _listed.Count - kept);
    }
}
