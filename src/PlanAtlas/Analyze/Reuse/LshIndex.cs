namespace PlanAtlas.Analyze.Reuse;

/// <summary>How each passage of an LSH bucket is paired with the earlier passages of the same bucket.</summary>
/// <param name="Earliest">With the first items of the bucket: where the wording first appears.</param>
/// <param name="Previous">With the items just before it: the nearest earlier copies.</param>
/// <param name="PerPassage">
/// Earlier items kept per passage over all bands: the earliest of all, then those sharing the most bands (the most
/// alike, as a share of equal bands estimates the Jaccard similarity), nearest first.
/// </param>
public sealed record LshPairing(int Earliest = 1, int Previous = 2, int PerPassage = 3);

/// <summary>What the index paired, for the statistics.</summary>
/// <param name="Pairs">Earlier item → later item, each pair once, ascending.</param>
/// <param name="Proposals">(passage, earlier item) pairs the buckets proposed over all bands, before <see cref="LshPairing.PerPassage"/> kept the best.</param>
/// <param name="LargestBucket">Passages in the biggest bucket (a family of near-copies).</param>
public sealed record LshCandidates(IReadOnlyList<(int Earlier, int Later)> Pairs, long Proposals, int LargestBucket);

/// <summary>
/// Locality-sensitive hashing by banding: a signature is cut into bands of r rows; two signatures that agree
/// on every row of any band land in the same bucket. With b bands the chance that a pair of Jaccard similarity s
/// shares a bucket is 1 − (1 − s^r)^b, so no pair of the corpus is ever compared unless it already looks alike.
/// A bucket is never paired out in full: a family of n near-copies would give n² pairs. Its passages, in time
/// order, are each paired with the bucket's earliest items and the few just before them, so a family costs
/// O(n) pairs at any size and still links every copy to its first appearance and to its neighbours in time.
/// </summary>
public sealed class LshIndex(int bands, int rowsPerBand)
{
    private const int Slots = 8;

    private readonly List<int> _owners = [];
    private readonly List<uint> _keys = [];

    public int Bands => bands;

    public int Count => _owners.Count;

    /// <summary>Makes room for this many passages in all, so that adding them allocates nothing more.</summary>
    public void EnsureCapacity(int passages)
    {
        _owners.EnsureCapacity(passages);
        _keys.EnsureCapacity(passages * bands);
    }

    /// <summary>
    /// Adds a passage of item <paramref name="owner"/>. Add passages in time order (items numbered in time order,
    /// owners never decreasing): a passage's id is then its place in time, and a smaller owner is an earlier item.
    /// </summary>
    public void Add(int owner, ReadOnlySpan<uint> bandKeys)
    {
        if (bandKeys.Length != bands) throw new ArgumentException($"expected {bands} band keys", nameof(bandKeys));
        if (_owners.Count > 0 && owner < _owners[^1]) throw new ArgumentException("passages must be added in time order", nameof(owner));
        _owners.Add(owner);
        foreach (var key in bandKeys) _keys.Add(key);
    }

    public void Add(int owner, ReadOnlySpan<ulong> signature)
    {
        Span<uint> keys = stackalloc uint[bands];
        BandKeys(signature, keys);
        Add(owner, keys);
    }

    /// <summary>One 32-bit key per band (FNV-1a over the band's rows); a rare collision only adds a candidate the verification drops.</summary>
    public void BandKeys(ReadOnlySpan<ulong> signature, Span<uint> keys)
    {
        for (var band = 0; band < bands; band++)
        {
            var key = 0xCBF29CE484222325UL;
            foreach (var v in signature.Slice(band * rowsPerBand, rowsPerBand)) key = (key ^ v) * 0x100000001B3UL;
            keys[band] = (uint)(key ^ (key >> 32));
        }
    }

    public LshCandidates Candidates(LshPairing pairing)
    {
        var n = _owners.Count;
        var owners = _owners.ToArray();
        // Per passage: the earliest earlier item proposed, and up to Slots others with the number of bands proposing each.
        var earliest = new int[n];
        Array.Fill(earliest, int.MaxValue);
        var slotOwners = new int[n * Slots];
        var slotCounts = new int[n * Slots];
        Array.Fill(slotOwners, -1);
        var largest = 0;
        long proposals = 0;
        var sorted = new ulong[2][];
        for (var band = 0; band < bands; band += 2)
        {
            // Two bands sorted side by side, then walked one after the other (the slots fill in band order).
            var pair = Math.Min(2, bands - band);
            Parallel.For(0, pair, b => sorted[b] = Sorted(band + b, n, sorted[b]));
            for (var b = 0; b < pair; b++)
            {
                var (biggest, proposed) = Walk(sorted[b], owners, pairing, earliest, slotOwners, slotCounts);
                (largest, proposals) = (Math.Max(largest, biggest), proposals + proposed);
            }
        }
        return Select(owners, pairing, earliest, slotOwners, slotCounts, largest, proposals);
    }

    /// <summary>The passages of one band ordered by bucket key, then by time: (key &lt;&lt; 32 | passage).</summary>
    private ulong[] Sorted(int band, int n, ulong[]? buffer)
    {
        var keys = buffer is { } b && b.Length == n ? b : new ulong[n];
        for (var p = 0; p < n; p++) keys[p] = (ulong)_keys[p * bands + band] << 32 | (uint)p;
        Array.Sort(keys);
        return keys;
    }

    /// <summary>Proposes the earlier items of every passage of one band; returns the size of its biggest bucket and the proposals made.</summary>
    private static (int Largest, long Proposals) Walk(ulong[] sorted, int[] owners, LshPairing pairing, int[] earliest, int[] slotOwners, int[] slotCounts)
    {
        var buckets = new List<(int Start, int End)>();
        for (var start = 0; start < sorted.Length;)
        {
            var end = start + 1;
            while (end < sorted.Length && sorted[end] >> 32 == sorted[start] >> 32) end++;
            if (end - start > 1) buckets.Add((start, end));
            start = end;
        }
        long proposals = 0;
        // A passage is in one bucket per band, so buckets touch disjoint slots: they can be walked in parallel.
        Parallel.ForEach(buckets, bucket =>
        {
            Span<int> chosen = stackalloc int[pairing.Earliest + pairing.Previous];
            for (var i = bucket.Start + 1; i < bucket.End; i++)
            {
                var passage = (int)(uint)sorted[i];
                var later = owners[passage];
                var count = 0;
                // The bucket's first items, then the items just before this passage; other passages of the same item are skipped.
                for (var j = bucket.Start; j < i && count < pairing.Earliest; j++)
                    Choose(owners[(int)(uint)sorted[j]], later, chosen, ref count);
                var wanted = count + pairing.Previous;
                for (var j = i - 1; j >= bucket.Start && count < wanted && j >= i - 4 * (pairing.Previous + 1); j--)
                    Choose(owners[(int)(uint)sorted[j]], later, chosen, ref count);
                foreach (var earlier in chosen[..count]) Propose(passage, earlier, earliest, slotOwners, slotCounts);
                Interlocked.Add(ref proposals, count);
            }
        });
        return (buckets.Count == 0 ? Math.Min(1, sorted.Length) : buckets.Max(b => b.End - b.Start), proposals);
    }

    private static void Choose(int owner, int later, Span<int> chosen, ref int count)
    {
        if (owner == later || chosen[..count].Contains(owner)) return;
        chosen[count++] = owner;
    }

    private static void Propose(int passage, int earlier, int[] earliest, int[] slotOwners, int[] slotCounts)
    {
        if (earlier < earliest[passage]) earliest[passage] = earlier;
        var slots = passage * Slots;
        for (var s = slots; s < slots + Slots; s++)
        {
            if (slotOwners[s] == earlier) { slotCounts[s]++; return; }
            if (slotOwners[s] < 0) { slotOwners[s] = earlier; slotCounts[s] = 1; return; }
        }
        // All slots taken by items proposed in earlier bands: this one shares fewer bands than they do, or no more.
    }

    private static LshCandidates Select(int[] owners, LshPairing pairing, int[] earliest, int[] slotOwners, int[] slotCounts, int largest, long proposals)
    {
        var pairs = new List<ulong>();
        var ranked = new List<(int Owner, int Count)>(Slots);
        for (var p = 0; p < owners.Length; p++)
        {
            if (earliest[p] == int.MaxValue) continue;
            ranked.Clear();
            for (var s = p * Slots; s < p * Slots + Slots && slotOwners[s] >= 0; s++) ranked.Add((slotOwners[s], slotCounts[s]));
            ranked.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : b.Owner.CompareTo(a.Owner));
            var later = (ulong)(uint)owners[p];
            pairs.Add((ulong)(uint)earliest[p] << 32 | later);
            var kept = 1;
            foreach (var (owner, _) in ranked)
            {
                if (kept >= pairing.PerPassage) break;
                if (owner == earliest[p]) continue;
                pairs.Add((ulong)(uint)owner << 32 | later);
                kept++;
            }
        }
        pairs.Sort();
        var unique = new List<(int, int)>(pairs.Count);
        for (var i = 0; i < pairs.Count; i++)
            if (i == 0 || pairs[i] != pairs[i - 1]) unique.Add(((int)(pairs[i] >> 32), (int)(uint)pairs[i]));
        return new LshCandidates(unique, proposals, largest);
    }
}
