using PlanAtlas.Model;

namespace PlanAtlas.Analyze.Reuse;

/// <summary>
/// What reuse detection remembers of one plan: its own boilerplate, its shingles that are common enough to matter
/// to the corpus counts (<see cref="ReuseCorpusMemo"/>), which of them were boilerplate, and its items' band keys.
/// </summary>
/// <param name="Generation">The corpus counts the <paramref name="Frequent"/> list belongs to.</param>
/// <param name="Local">The plan's own boilerplate, ascending.</param>
/// <param name="Frequent">Its distinct shingles that the corpus counts hold, ascending: what the plan adds to them.</param>
/// <param name="Boilerplate">A hash of its shingles that were corpus boilerplate: while it is the same, so are its band keys.</param>
/// <param name="KeysPerItem">Band keys of each item, in item order (a multiple of the bands).</param>
/// <param name="Keys">The items' band keys, one after the other.</param>
internal sealed record ReusePlanMemo(ulong Generation, ulong[] Local, ulong[] Frequent, ulong Boilerplate, uint[] KeysPerItem, uint[] Keys)
{
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream(64 + 8 * (Local.Length + Frequent.Length) + 4 * (KeysPerItem.Length + Keys.Length));
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(Generation);
            writer.WriteArray(Local);
            writer.WriteArray(Frequent);
            writer.Write(Boilerplate);
            writer.WriteArray(KeysPerItem);
            writer.WriteArray(Keys);
        }
        return stream.ToArray();
    }

    /// <summary>The record in <paramref name="bytes"/>; null when there is none or it is damaged.</summary>
    public static ReusePlanMemo? From(ReadOnlyMemory<byte>? bytes) => MemoReader.Record(bytes, static (ref MemoReader reader, int _) =>
    {
        var memo = new ReusePlanMemo(reader.UInt64(), reader.UInt64s(), reader.UInt64s(), reader.UInt64(), reader.UInt32s(), reader.UInt32s());
        return memo.KeysPerItem.Sum(k => (long)k) == memo.Keys.Length ? memo : null;
    });

    /// <summary>A hash of the shingles among <paramref name="frequent"/> that are boilerplate now.</summary>
    public static ulong BoilerplateOf(ulong[] frequent, ShingleFrequencies frequencies)
    {
        var hash = 0UL;
        foreach (var h in frequent)
            if (frequencies.IsBoilerplate(h)) hash = ContentHash.Combine(hash, h);
        return hash;
    }
}

/// <summary>
/// The corpus-wide half of the reuse memo: for which plans the counts were made, and the exact number of plans
/// having each shingle that was in at least <paramref name="Floor"/> of them (the only ones that can become
/// boilerplate soon). Every other shingle was in fewer; each plan added since (<paramref name="Added"/>) can have
/// raised that by one, so while Floor − 1 + Added stays at most the boilerplate threshold, no other shingle is
/// boilerplate and the counts stay exact by subtracting the plans gone and adding the plans new.
/// </summary>
internal sealed record ReuseCorpusMemo(ulong Generation, int Floor, int Added, int Distinct, ulong[] Plans, ulong[] Shingles, int[] Counts)
{
    public byte[] ToBytes() => MemoWriting.Record(8 + 3 * 4 + 3 * 4 + 8 * (Plans.Length + Shingles.Length) + 4 * Counts.Length, writer =>
    {
        writer.Write(Generation);
        writer.Write(Floor);
        writer.Write(Added);
        writer.Write(Distinct);
        writer.WriteArray(Plans);
        writer.WriteArray(Shingles);
        writer.WriteArray(System.Runtime.InteropServices.MemoryMarshal.Cast<int, uint>(Counts.AsSpan()));
    });

    public static ReuseCorpusMemo? From(ReadOnlyMemory<byte>? bytes) => MemoReader.Record(bytes, static (ref MemoReader reader, int _) =>
    {
        var memo = new ReuseCorpusMemo(reader.UInt64(), reader.Int32(), reader.Int32(), reader.Int32(), reader.UInt64s(), reader.UInt64s(),
            reader.Int32s());
        return memo.Shingles.Length == memo.Counts.Length ? memo : null;
    });

    /// <summary>Counts are kept for the shingles in at least this many plans: a margin below the threshold.</summary>
    public static int FloorFor(int threshold, int plans) => Math.Max(1, threshold - Math.Max(1, plans / 20));
}

/// <summary>
/// The verdicts on the candidate pairs of the last run, by the two items' prints (plan, place in the plan, and the
/// boilerplate status of the plan's shingles: all a verdict depends on), sorted for lookup.
/// </summary>
internal sealed class ReuseVerdictMemo
{
    private readonly ReadOnlyMemory<byte> entries;

    // Where the entries of each value of the earlier print's top bits start (prints are hashes, spread evenly): a
    // lookup searches a handful of entries, not hundreds of thousands, for every candidate pair of the corpus.
    private readonly int _bits;
    private readonly int[] _starts;

    private ReuseVerdictMemo(ReadOnlyMemory<byte> entries)
    {
        this.entries = entries;
        var all = Entries;
        _bits = Math.Clamp(System.Numerics.BitOperations.Log2((uint)Math.Max(1, all.Length)), 1, 16);
        _starts = new int[(1 << _bits) + 1];
        foreach (var e in all) _starts[Prefix(e.Earlier) + 1]++;
        for (var p = 0; p < 1 << _bits; p++) _starts[p + 1] += _starts[p];
    }

    private int Prefix(ulong print) => (int)(print >> (64 - _bits));

    /// <param name="Kind">0: nothing shared; 1: compared, not linked; 2: linked.</param>
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    public readonly record struct Entry(ulong Earlier, ulong Later, double Score, int SharedChars, int Kind) : IComparable<Entry>
    {
        public int CompareTo(Entry other) => Earlier != other.Earlier ? Earlier.CompareTo(other.Earlier) : Later.CompareTo(other.Later);
    }

    private static readonly int Size = System.Runtime.CompilerServices.Unsafe.SizeOf<Entry>();

    // Searched where the memo holds them: a copy was megabytes on the large object heap each build.
    private ReadOnlySpan<Entry> Entries => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Entry>(entries.Span);

    public bool TryGet(ulong earlier, ulong later, out Entry entry)
    {
        var prefix = Prefix(earlier);
        var some = Entries[_starts[prefix].._starts[prefix + 1]];
        var at = some.BinarySearch(new Entry(earlier, later, 0, 0, 0));
        entry = at >= 0 ? some[at] : default;
        return at >= 0;
    }

    /// <summary>
    /// The record of <paramref name="count"/> entries that <paramref name="fill"/> writes in any order: sorted, and each
    /// pair once. Made in the bytes written to the memo, with no array of entries beside them.
    /// </summary>
    public static byte[] ToBytes(int count, Action<Span<Entry>> fill)
    {
        var bytes = new byte[count * Size];
        var sorted = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Entry>(bytes.AsSpan());
        fill(sorted);
        sorted.Sort();
        // Two candidates with the same prints would be one pair listed twice: never, but a duplicate must not break the lookup.
        var distinct = 0;
        for (var i = 0; i < sorted.Length; i++)
            if (distinct == 0 || sorted[i].CompareTo(sorted[distinct - 1]) != 0) sorted[distinct++] = sorted[i];
        return distinct == count ? bytes : bytes[..(distinct * Size)];
    }

    public static ReuseVerdictMemo? From(ReadOnlyMemory<byte>? bytes)
    {
        if (bytes is not { } memo || memo.Length % Size != 0) return null;
        var entries = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Entry>(memo.Span);
        for (var i = 1; i < entries.Length; i++)
            if (entries[i - 1].CompareTo(entries[i]) >= 0 || entries[i].Kind is < 0 or > 2) return null;
        return new ReuseVerdictMemo(memo);
    }
}
