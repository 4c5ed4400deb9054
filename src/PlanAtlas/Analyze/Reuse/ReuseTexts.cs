namespace PlanAtlas.Analyze.Reuse;

/// <summary>An item as the verification reads it.</summary>
/// <param name="Set">Its informative shingles, distinct, in an open-addressing table of <paramref name="SetSize"/> slots at its start (0 marks an empty slot).</param>
/// <param name="SetSize">Slots of the table in use: a power of two, or 0.</param>
/// <param name="Count">How many distinct informative shingles it has.</param>
/// <param name="Shingles">At its first <paramref name="ShingleCount"/> places, the hash of the shingle starting at each position, 0 where that shingle is not informative.</param>
/// <param name="ShingleCount">Positions of the item that start a shingle (0 for an item shorter than one).</param>
/// <param name="InformativeLength">Characters that some informative shingle covers.</param>
/// <remarks>The arrays may be longer than what is in use: a verifier hands the arrays of an item it no longer needs to the next one.</remarks>
internal readonly record struct PreparedItem(ulong[] Set, int SetSize, int Count, ulong[] Shingles, int ShingleCount, int InformativeLength)
{
    public bool Contains(ulong hash)
    {
        if (SetSize == 0) return false;
        var mask = SetSize - 1;
        for (var slot = (int)Hash64.Mix(hash) & mask; ; slot = (slot + 1) & mask)
        {
            if (Set[slot] == hash) return true;
            if (Set[slot] == 0) return false;
        }
    }

    /// <summary>Informative shingles the two items have in common.</summary>
    public int SharedWith(PreparedItem other)
    {
        var (small, large) = SetSize <= other.SetSize ? (this, other) : (other, this);
        var shared = 0;
        foreach (var h in small.Set.AsSpan(0, small.SetSize))
            if (h != 0 && large.Contains(h)) shared++;
        return shared;
    }

    /// <summary>Characters covered by informative shingles that <paramref name="other"/> has too: the wording the two share.</summary>
    public int CoveredBy(PreparedItem other, int size)
    {
        int covered = 0, reach = 0;
        for (var i = 0; i < ShingleCount; i++)
        {
            if (Shingles[i] == 0 || !other.Contains(Shingles[i])) continue;
            var end = i + size;
            covered += end - Math.Max(i, reach);
            reach = end;
        }
        return covered;
    }

    /// <summary>A table of the non-zero hashes given, at most half full, in <paramref name="reuse"/> when it is big enough.</summary>
    public static (ulong[] Set, int Size, int Count) Table(ReadOnlySpan<ulong> hashes, ulong[]? reuse = null)
    {
        var nonZero = 0;
        foreach (var h in hashes) if (h != 0) nonZero++;
        if (nonZero == 0) return (reuse ?? [], 0, 0);
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(2 * nonZero));
        var set = reuse is { } old && old.Length >= size ? old : new ulong[size];
        Array.Clear(set, 0, size);
        var mask = size - 1;
        var count = 0;
        foreach (var h in hashes)
        {
            if (h == 0) continue;
            var slot = (int)Hash64.Mix(h) & mask;
            while (set[slot] != 0 && set[slot] != h) slot = (slot + 1) & mask;
            if (set[slot] == 0) { set[slot] = h; count++; }
        }
        return (set, size, count);
    }
}

/// <summary>
/// The normalized texts of a corpus' items and which of their shingles are boilerplate (in too many plans, or in
/// too many items of their own plan). Shingles are hashed again when needed instead of kept: a 64-bit hash per
/// character of a national corpus is the memory this saves. Read-only once built; thread-safe.
/// </summary>
internal sealed class ReuseTexts
{
    private readonly string[] normalized;
    private readonly int[] planOf;
    private readonly ShingleFrequencies frequencies;
    private readonly HashSet<ulong>[] local;
    private readonly int size;
    // One bit per 16-bit slice of a hash, set for every boilerplate shingle of the corpus or of any plan: a clear bit
    // (nearly every shingle) answers "informative" without a hash-set lookup.
    private readonly ulong[] _maybeBoilerplate = new ulong[1 << 10];

    public ReuseTexts(string[] normalized, int[] planOf, ShingleFrequencies frequencies, HashSet<ulong>[] local, int size)
    {
        (this.normalized, this.planOf, this.frequencies, this.local, this.size) = (normalized, planOf, frequencies, local, size);
        foreach (var h in frequencies.Boilerplate.Concat(local.SelectMany(l => l))) _maybeBoilerplate[Slice(h) >> 6] |= 1UL << (Slice(h) & 63);
    }

    private static int Slice(ulong hash) => (int)(hash >> 24) & 0xFFFF;

    public string this[int item] => normalized[item];

    public bool IsInformative(ulong hash, int plan) =>
        (_maybeBoilerplate[Slice(hash) >> 6] & (1UL << (Slice(hash) & 63))) == 0 || (!frequencies.IsBoilerplate(hash) && !local[plan].Contains(hash));

    /// <summary>The informative hashes among <paramref name="hashes"/>, sorted and distinct, moved to its start; returns how many.</summary>
    public int InformativeSet(Span<ulong> hashes, int plan)
    {
        var count = 0;
        foreach (var h in hashes)
            if (IsInformative(h, plan)) hashes[count++] = h;
        var kept = hashes[..count];
        kept.Sort();
        var distinct = 0;
        for (var i = 0; i < kept.Length; i++)
            if (i == 0 || kept[i] != kept[i - 1]) kept[distinct++] = kept[i];
        return distinct;
    }

    /// <summary>The item's informative shingles, where they are, and how many characters they cover.</summary>
    /// <param name="recycled">An item prepared earlier and no longer read: its arrays are written over when they are big enough.</param>
    public PreparedItem Prepare(int item, PreparedItem recycled = default)
    {
        var text = normalized[item];
        var plan = planOf[item];
        var count = Shingles.Count(text.Length, size);
        var hashes = recycled.Shingles is { } old && old.Length >= count ? old : new ulong[count];
        Shingles.Hashes(text, size, hashes);
        if (text.Length < size)
        {
            // Shorter than one shingle: the whole text is the one shingle (and it counts whole when informative).
            var whole = count == 1 && IsInformative(hashes[0], plan);
            var (single, singleSize, one) = PreparedItem.Table(whole ? hashes.AsSpan(0, 1) : [], recycled.Set);
            return new PreparedItem(single, singleSize, one, hashes, 0, whole ? text.Length : 0);
        }
        int informativeLength = 0, reach = 0;
        for (var i = 0; i < count; i++)
        {
            if (!IsInformative(hashes[i], plan)) { hashes[i] = 0; continue; }
            informativeLength += i + size - Math.Max(i, reach);
            reach = i + size;
        }
        var (set, setSize, distinct) = PreparedItem.Table(hashes.AsSpan(0, count), recycled.Set);
        return new PreparedItem(set, setSize, distinct, hashes, count, informativeLength);
    }
}
