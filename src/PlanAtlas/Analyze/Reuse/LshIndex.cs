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

    /// <summary>The key of a passage in a band.</summary>
    public uint KeyOf(int passage, int band) => _keys[passage * bands + band];

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

    public LshCandidates Candidates(LshPairing pairing) => Pairs(Choose(pairing));

    /// <summary>What every passage is paired with, walking every bucket of every band.</summary>
    public LshChoices Choose(LshPairing pairing)
    {
        var n = _owners.Count;
        var owners = _owners.ToArray();
        // Per passage: the earliest earlier item proposed, and up to Slots others with the number of bands proposing each.
        var earliest = new int[n];
        Array.Fill(earliest, int.MaxValue);
        var slotOwners = new int[n * Slots];
        var slotCounts = new int[n * Slots];
        Array.Fill(slotOwners, -1);
        var choices = new LshChoices(n, pairing.PerPassage);
        var biggest = new BiggestBuckets();
        var sorted = new ulong[2][];
        for (var band = 0; band < bands; band += 2)
        {
            // Two bands sorted side by side, then walked one after the other (the slots fill in band order).
            var pair = Math.Min(2, bands - band);
            Parallel.For(0, pair, b => sorted[b] = Sorted(band + b, n, sorted[b]));
            for (var b = 0; b < pair; b++) Walk(band + b, sorted[b], owners, pairing, earliest, slotOwners, slotCounts, choices.Proposed, biggest);
        }
        Parallel.For(0, n, p => Select(p, p, earliest, slotOwners, slotCounts, choices));
        choices.Sizes = biggest.Sizes(n);
        return choices;
    }

    /// <summary>The passages of each of <paramref name="buckets"/> (per band), in time order.</summary>
    public Dictionary<uint, List<int>>[] Members(HashSet<uint>[] buckets)
    {
        var members = new Dictionary<uint, List<int>>[bands];
        // A bit per low 16 bits of the keys looked for (mixed with the band): most keys are passed over without a lookup.
        // One pass over the index for all bands: a passage's keys are next to each other, a pass per band read them all
        // once per band.
        var filter = new ulong[1 << 10];
        var any = false;
        for (var band = 0; band < bands; band++)
        {
            var lists = members[band] = new Dictionary<uint, List<int>>(buckets[band].Count);
            foreach (var key in buckets[band])
            {
                lists[key] = [];
                var bit = Filtered(key, band);
                filter[bit >> 6] |= 1UL << (int)(bit & 63);
                any = true;
            }
        }
        if (!any) return members;
        var keys = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_keys);
        for (var p = 0; p < _owners.Count; p++)
        {
            var row = keys.Slice(p * bands, bands);
            for (var band = 0; band < row.Length; band++)
            {
                var bit = Filtered(row[band], band);
                if ((filter[bit >> 6] & (1UL << (int)(bit & 63))) != 0 && members[band].TryGetValue(row[band], out var list)) list.Add(p);
            }
        }
        return members;
    }

    private static uint Filtered(uint key, int band) => (key + (uint)band * 0x9E3779B9u) & 0xFFFF;

    /// <summary>
    /// What the passages marked in <paramref name="walk"/> are paired with, each walked in its own buckets only: the
    /// same choice as <see cref="Choose(LshPairing)"/> makes (a passage's choice reads nothing but its buckets). The
    /// other passages are left unchosen for the caller, whose buckets must be those of the last build but
    /// <paramref name="changed"/> (per band, the buckets a passage joined or left). Null when the biggest bucket
    /// cannot be told from <paramref name="earlier"/> (then choose all again).
    /// </summary>
    /// <param name="changedMembers">The <see cref="Members"/> of <paramref name="changed"/>, as the caller already has them.</param>
    public LshChoices? ChooseAgain(LshPairing pairing, bool[] walk, HashSet<uint>[] changed, LshBucketSizes earlier,
        Dictionary<uint, List<int>>[] changedMembers)
    {
        var n = _owners.Count;
        var owners = _owners.ToArray();
        // The buckets of the walked passages and those that changed, members in time order: a pass over the whole
        // index only for the walked passages' buckets not among those changed (often none).
        var more = Enumerable.Range(0, bands).Select(_ => new HashSet<uint>()).ToArray();
        for (var p = 0; p < n; p++)
            if (walk[p])
                for (var band = 0; band < bands; band++)
                    if (_keys[p * bands + band] is var key && !changedMembers[band].ContainsKey(key)) more[band].Add(key);
        var found = Members(more);
        var members = new Dictionary<uint, List<int>>[bands];
        for (var band = 0; band < bands; band++)
        {
            members[band] = new Dictionary<uint, List<int>>(changedMembers[band]);
            foreach (var (key, list) in found[band]) members[band].Add(key, list);
        }
        var sizes = earlier.After(changed, (band, key) => members[band].TryGetValue(key, out var list) ? list.Count : 0, n);
        if (sizes is null) return null;

        var choices = new LshChoices(n, pairing.PerPassage) { Sizes = sizes };
        var walked = Enumerable.Range(0, n).Where(p => walk[p]).ToArray();
        Workers.For(walked.Length, () => (Earliest: new int[1], Slots: new int[Slots], Counts: new int[Slots]), (w, local) =>
        {
            var passage = walked[w];
            local.Earliest[0] = int.MaxValue;
            Array.Fill(local.Slots, -1);
            Span<int> chosen = stackalloc int[pairing.Earliest + pairing.Previous];
            for (var band = 0; band < bands; band++)
            {
                var bucket = members[band][_keys[passage * bands + band]];
                var i = bucket.BinarySearch(passage);
                var count = Chosen(i, 0, new ListMembers(bucket), owners, pairing, chosen);
                foreach (var e in chosen[..count]) Propose(0, e, local.Earliest, local.Slots, local.Counts);
                choices.Proposed[passage] += count;
            }
            Select(passage, 0, local.Earliest, local.Slots, local.Counts, choices);
        });
        return choices;
    }

    /// <summary>Earlier item → later item, each pair once, ascending, from every passage's choice.</summary>
    public static LshCandidates Pairs(LshChoices choices, IReadOnlyList<int> owners)
    {
        var per = choices.PerPassage;
        var pairs = new List<ulong>();
        long proposals = 0;
        for (var p = 0; p < choices.Proposed.Length; p++)
        {
            proposals += choices.Proposed[p];
            for (var k = p * per; k < p * per + per && choices.Chosen[k] >= 0; k++)
                pairs.Add((ulong)(uint)choices.Chosen[k] << 32 | (uint)owners[p]);
        }
        pairs.Sort();
        var unique = new List<(int, int)>(pairs.Count);
        for (var i = 0; i < pairs.Count; i++)
            if (i == 0 || pairs[i] != pairs[i - 1]) unique.Add(((int)(pairs[i] >> 32), (int)(uint)pairs[i]));
        return new LshCandidates(unique, proposals, choices.Sizes.Largest);
    }

    private LshCandidates Pairs(LshChoices choices) => Pairs(choices, _owners);

    /// <summary>The item that added each passage.</summary>
    public IReadOnlyList<int> Owners => _owners;

    /// <summary>The passages of one band ordered by bucket key, then by time: (key &lt;&lt; 32 | passage).</summary>
    private ulong[] Sorted(int band, int n, ulong[]? buffer)
    {
        var keys = buffer is { } b && b.Length == n ? b : new ulong[n];
        for (var p = 0; p < n; p++) keys[p] = (ulong)_keys[p * bands + band] << 32 | (uint)p;
        Array.Sort(keys);
        return keys;
    }

    /// <summary>Proposes the earlier items of every passage of one band, counting each passage's proposals; notes its biggest buckets.</summary>
    private static void Walk(int band, ulong[] sorted, int[] owners, LshPairing pairing, int[] earliest, int[] slotOwners, int[] slotCounts,
        int[] proposed, BiggestBuckets biggest)
    {
        var buckets = new List<(int Start, int End)>();
        for (var start = 0; start < sorted.Length;)
        {
            var end = start + 1;
            while (end < sorted.Length && sorted[end] >> 32 == sorted[start] >> 32) end++;
            if (end - start > 1) buckets.Add((start, end));
            start = end;
        }
        // A passage is in one bucket per band, so buckets touch disjoint slots: they can be walked in parallel.
        Parallel.ForEach(buckets, bucket =>
        {
            Span<int> chosen = stackalloc int[pairing.Earliest + pairing.Previous];
            for (var i = bucket.Start + 1; i < bucket.End; i++)
            {
                var passage = (int)(uint)sorted[i];
                var count = Chosen(i - bucket.Start, bucket.Start, new SortedMembers(sorted), owners, pairing, chosen);
                foreach (var earlier in chosen[..count]) Propose(passage, earlier, earliest, slotOwners, slotCounts);
                proposed[passage] += count;
            }
        });
        biggest.Add(buckets.Select(b => new LshBucket(band, (uint)(sorted[b.Start] >> 32), b.End - b.Start)));
    }

    /// <summary>
    /// The earlier items the passage at <paramref name="at"/> of a bucket (members in time order, from
    /// <paramref name="first"/>) is paired with in it: the bucket's first items, then the items just before this
    /// passage; other passages of the same item are skipped.
    /// </summary>
    private static int Chosen<TMembers>(int at, int first, TMembers members, int[] owners, LshPairing pairing, Span<int> chosen)
        where TMembers : struct, IMembers
    {
        var i = first + at;
        var later = owners[members.At(i)];
        var count = 0;
        for (var j = first; j < i && count < pairing.Earliest; j++)
            Choose(owners[members.At(j)], later, chosen, ref count);
        var wanted = count + pairing.Previous;
        for (var j = i - 1; j >= first && count < wanted && j >= i - 4 * (pairing.Previous + 1); j--)
            Choose(owners[members.At(j)], later, chosen, ref count);
        return count;
    }

    /// <summary>The passages of a bucket in time order, as a sorted band holds them or as a list.</summary>
    private interface IMembers
    {
        int At(int j);
    }

    private readonly struct SortedMembers(ulong[] sorted) : IMembers
    {
        public int At(int j) => (int)(uint)sorted[j];
    }

    private readonly struct ListMembers(List<int> list) : IMembers
    {
        public int At(int j) => list[j];
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


    /// <summary>
    /// The passage's choice (written to <paramref name="choices"/> at <paramref name="passage"/>), from its proposals
    /// at <paramref name="at"/>: the earliest item proposed, then those proposed by the most bands, later first.
    /// </summary>
    private static void Select(int passage, int at, int[] earliest, int[] slotOwners, int[] slotCounts, LshChoices choices)
    {
        if (earliest[at] == int.MaxValue) return;
        Span<(int Owner, int Count)> ranked = stackalloc (int, int)[Slots];
        var n = 0;
        for (var s = at * Slots; s < at * Slots + Slots && slotOwners[s] >= 0; s++) ranked[n++] = (slotOwners[s], slotCounts[s]);
        ranked[..n].Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : b.Owner.CompareTo(a.Owner));
        var per = choices.PerPassage;
        var chosen = choices.Chosen.AsSpan(passage * per, per);
        chosen[0] = earliest[at];
        var kept = 1;
        foreach (var (owner, _) in ranked[..n])
        {
            if (kept >= per) break;
            if (owner == earliest[at]) continue;
            chosen[kept++] = owner;
        }
    }
}
