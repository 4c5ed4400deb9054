using PlanAtlas.Model;

namespace PlanAtlas.Analyze.Reuse;

/// <summary>Counts behind a run of the detector, for THRESHOLDS.md and the build summary.</summary>
/// <param name="DistinctShingles">Distinct shingles in the plans counted (all plans, or the sample of a big corpus: <see cref="SampledPlans"/>).</param>
/// <param name="Proposals">(passage, earlier item) pairs the LSH buckets proposed; linear in the passages whatever the bucket sizes.</param>
/// <param name="CandidatePairs">Item pairs verified (aligned if they share enough): at most a few per passage.</param>
/// <param name="LargestBucket">Passages in the biggest LSH bucket: the biggest family of near-copies, paired in O(n) all the same.</param>
public sealed record ReuseStatistics(
    int Plans, int Items, int IndexedPassages, int DistinctShingles, int BoilerplateShingles, int BoilerplateThreshold, int SampledPlans,
    long Proposals, int CandidatePairs, int VerifiedPairs, int Links, int LargestBucket);

public sealed record ReuseResult(IReadOnlyList<ReuseLink> Links, IReadOnlyDictionary<ItemKey, IReadOnlyList<ItemMatch>> SeeAlso, ReuseStatistics Statistics)
{
    /// <summary>Passages whose LSH buckets were walked in this run: all of them, but with the memo of a build before.</summary>
    public int PassagesWalked { get; init; }

    /// <summary>
    /// <see cref="PassageSpread.Families"/> of the links, when the detection made them (with a memo, from its own item
    /// numbers); null: not made.
    /// </summary>
    public IReadOnlyList<CrossReference>? Passages { get; init; }
}

/// <summary>
/// Finds items that share wording, across plans and inside one plan, without comparing every pair:
/// character shingles → boilerplate shingles dropped by document frequency → MinHash signatures of
/// sentence-sized passages → LSH banding, each passage paired with the earliest and the nearest earlier items of
/// its buckets → exact shared-shingle count and a character-level alignment of those pairs only. A family of n
/// copies of one passage costs O(n) pairs: each copy links to the passage's first appearance and to the copies just
/// before it, so the family stays one connected whole (<see cref="PassageSpread"/>). Built once, reused for any corpus.
/// </summary>
public sealed class ReuseDetector(ReuseOptions options)
{
    private readonly MinHasher _hasher = new(options.SignatureLength, options.Seed);

    public ReuseOptions Options => options;

    public ReuseResult Detect(IReadOnlyList<Plan> plans) => Detect(plans, null);

    /// <param name="memo">What an earlier build remembered (and where this one leaves what the next can reuse); null: none.</param>
    /// <param name="texts">The items' normalized texts, when another step made them too; null: made here.</param>
    public ReuseResult Detect(IReadOnlyList<Plan> plans, AnalysisMemo? memo, NormalizedTexts? texts = null)
    {
        var ordered = plans.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        // Items in time order (plan year, plan id, document order): of two items, the one with the smaller index came first.
        // Plans sorted by (year, place in id order), each plan's items kept in document order: no sort of the items.
        var inTime = Enumerable.Range(0, ordered.Count).ToArray();
        Array.Sort(inTime, (a, b) => (ordered[a].Year ?? int.MaxValue) != (ordered[b].Year ?? int.MaxValue)
            ? (ordered[a].Year ?? int.MaxValue).CompareTo(ordered[b].Year ?? int.MaxValue) : a.CompareTo(b));
        var entries = new Entry[ordered.Sum(p => p.Items.Count)];
        var filledEntries = 0;
        foreach (var planIndex in inTime)
            for (var place = 0; place < ordered[planIndex].Items.Count; place++)
                entries[filledEntries++] = new Entry(planIndex, place, ordered[planIndex], ordered[planIndex].Items[place]);
        var normalized = new string[entries.Length];
        Parallel.For(0, entries.Length, i => normalized[i] = texts?.Of(entries[i].Plan, entries[i].Order) ?? TextNormalizer.Normalize(entries[i].Item.Text));
        var planOf = entries.Select(e => e.PlanIndex).ToArray();
        var byPlan = Enumerable.Range(0, ordered.Count).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < entries.Length; i++) byPlan[planOf[i]].Add(i);

        // The memo is used only while the frequencies are counted exactly (it relies on exact counts).
        var remembered = memo is not null && ordered.Count <= options.FrequencySamplePlans ? new Remembered(memo, ordered, options) : null;
        var (frequencies, local, frequent) = (remembered?.CountIncrementally(byPlan, normalized) ?? CountAll(ordered, byPlan, normalized, remembered))!;
        if (frequent is null) remembered = null;
        var reuseTexts = new ReuseTexts(normalized, planOf, frequencies, local, options.ShingleSize);

        var index = new LshIndex(options.Bands, options.RowsPerBand);
        // A remembered item's keys are read where its plan's record holds them, not copied out.
        var keys = new ReadOnlyMemory<uint>[entries.Length];
        // A plan whose shingles have the same boilerplate status as when it was remembered has the same band keys.
        Parallel.For(0, ordered.Count, p =>
        {
            var boilerplate = frequent is null ? 0 : ReusePlanMemo.BoilerplateOf(frequent[p], frequencies);
            remembered?.SetPrint(p, boilerplate);
            if (remembered?.Records[p] is { } record && record.Boilerplate == boilerplate && record.KeysPerItem.Length == byPlan[p].Count)
            {
                var at = 0;
                for (var k = 0; k < byPlan[p].Count; k++)
                {
                    keys[byPlan[p][k]] = record.Keys.AsMemory(at, (int)record.KeysPerItem[k]);
                    at += (int)record.KeysPerItem[k];
                }
                if (record.Generation == remembered.Generation) return;
            }
            else foreach (var i in byPlan[p]) keys[i] = BandKeys(entries[i], reuseTexts, index);
            remembered?.Remember(p, local[p], frequent![p], boilerplate, byPlan[p].Select(i => keys[i]));
        });
        remembered?.RememberCorpus(frequencies);
        // The index is sized once and each item's keys are dropped as soon as they are in it: a growing index next to
        // every item's keys held two or three copies of the band keys at the peak.
        index.EnsureCapacity((int)(keys.Sum(k => (long)k.Length) / options.Bands));
        var passages = new (int First, int Count)[ordered.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i].Order == 0) passages[planOf[i]].First = index.Count;
            for (var k = 0; k < keys[i].Length; k += options.Bands) index.Add(i, keys[i].Span.Slice(k, options.Bands));
            passages[planOf[i]].Count += keys[i].Length / options.Bands;
            keys[i] = default;
        }
        keys = null;
        var found = remembered is null ? index.Candidates(options.Pairing)
            : LshIndex.Pairs(remembered.Choose(index, passages, byPlan, planOf, entries.Select(e => e.Order).ToArray()), index.Owners);
        var candidates = found.Pairs.Where(p => !Nested(entries[p.Earlier], entries[p.Later])).ToArray();
        var prints = remembered?.ItemPrints(entries.Select(e => (e.PlanIndex, e.Order)).ToArray());
        var verified = Verify(candidates, reuseTexts, prints, remembered?.Verdicts());
        if (prints is not null) remembered!.RememberVerdicts(candidates, prints, verified);

        // Items ranked by key (plan id, item id): links and matches are ordered by it without comparing strings again.
        // Plans are in id order already: only each plan's items are sorted, by item id (ties by number).
        var byKey = new int[entries.Length];
        for (int p = 0, at = 0; p < ordered.Count; at += byPlan[p].Count, p++)
        {
            var run = byKey.AsSpan(at, byPlan[p].Count);
            byPlan[p].CopyTo(run);
            run.Sort((a, b) => string.CompareOrdinal(entries[a].Item.Id, entries[b].Item.Id) is var c and not 0 ? c : a.CompareTo(b));
        }
        var rank = new int[entries.Length];
        for (var r = 0; r < byKey.Length; r++) rank[byKey[r]] = r;

        // Each item's matches in one compact table (where each item's run starts, then the other item, the score and
        // whether it is reuse) rather than a list per item: on a large corpus those lists dominate the memory.
        var starts = new int[entries.Length + 1];
        var (verifiedPairs, linkedPairs) = (0, 0);
        for (var c = 0; c < candidates.Length; c++)
        {
            if (verified[c] is not { } v) continue;
            starts[candidates[c].Earlier + 1]++;
            starts[candidates[c].Later + 1]++;
            verifiedPairs++;
            if (v.Linked) linkedPairs++;
        }
        for (var i = 1; i < starts.Length; i++) starts[i] += starts[i - 1];
        var filled = starts[..^1];
        var (others, scores, reused) = (new int[starts[^1]], new double[starts[^1]], new bool[starts[^1]]);
        var linked = new (int A, int B, Verdict V)[linkedPairs];
        var linkedCount = 0;
        for (var c = 0; c < candidates.Length; c++)
        {
            if (verified[c] is not { } v) continue;
            var (a, b) = candidates[c];
            var score = Math.Round(v.Score, 4);
            if (v.Linked) linked[linkedCount++] = (a, b, v);
            (others[filled[a]], scores[filled[a]], reused[filled[a]++]) = (b, score, v.Linked);
            (others[filled[b]], scores[filled[b]], reused[filled[b]++]) = (a, score, v.Linked);
        }
        verified = null!;
        // Only with a memo: on the corpora without one, the families wait until the steps before them have let go.
        var families = memo is not null && DistinctKeys(ordered)
            ? PassageSpread.Families(entries.Length, linked.Select(l => (l.A, l.B)), i => (entries[i].Key, entries[i].Plan, entries[i].Item))
            : null;
        // By the ranks of both ends, one number per link (each pair is there once): no comparison delegate per step.
        var linkOrder = new long[linked.Length];
        for (var l = 0; l < linked.Length; l++) linkOrder[l] = (long)rank[linked[l].A] << 32 | (uint)rank[linked[l].B];
        Array.Sort(linkOrder, linked);
        var links = linked.Select(l => new ReuseLink(entries[l.A].Key, entries[l.B].Key, Math.Round(l.V.Score, 4), l.V.SharedChars)).ToList();
        linked = null!;
        var withMatches = 0;
        for (var i = 0; i < entries.Length; i++)
            if (starts[i] != starts[i + 1]) withMatches++;
        var seeAlso = new Dictionary<ItemKey, IReadOnlyList<ItemMatch>>(withMatches);
        // Reuse first, then the best score, then the other item's key: a total order, as each other item is there once.
        Comparison<int> closest = (x, y) => reused[x] != reused[y] ? reused[y].CompareTo(reused[x])
            : scores[x] != scores[y] ? scores[y].CompareTo(scores[x]) : rank[others[x]].CompareTo(rank[others[y]]);
        var order = new List<int>();
        foreach (var i in byKey)
        {
            if (starts[i] == starts[i + 1]) continue;
            order.Clear();
            for (var m = starts[i]; m < starts[i + 1]; m++) order.Add(m);
            order.Sort(closest);
            var matches = new List<ItemMatch>(Math.Min(order.Count, options.SeeAlsoCount));
            for (var k = 0; k < matches.Capacity; k++) matches.Add(new ItemMatch(entries[others[order[k]]].Key, scores[order[k]], reused[order[k]]));
            seeAlso[entries[i].Key] = matches;
        }

        var statistics = new ReuseStatistics(ordered.Count, entries.Length, index.Count, frequencies.Distinct,
            frequencies.BoilerplateCount, frequencies.BoilerplateThreshold, frequencies.SampledPlans,
            found.Proposals, candidates.Length, verifiedPairs, links.Count, found.LargestBucket);
        return new ReuseResult(links, seeAlso, statistics) { PassagesWalked = remembered?.Walked ?? index.Count, Passages = families };
    }

    /// <summary>Whether every item has its own key (plan ids and each plan's item ids distinct); plans in id order.</summary>
    private static bool DistinctKeys(List<Plan> ordered)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var p = 0; p < ordered.Count; p++)
        {
            if (p > 0 && ordered[p].Id == ordered[p - 1].Id) return false;
            ids.Clear();
            foreach (var item in ordered[p].Items)
                if (!ids.Add(item.Id)) return false;
        }
        return true;
    }

    /// <summary>
    /// Shingle frequencies of the whole corpus and each plan's own boilerplate, counted from the texts; with a memo,
    /// also each plan's shingles common enough to keep counting (null without).
    /// </summary>
    private (ShingleFrequencies, HashSet<ulong>[], ulong[][]?) CountAll(List<Plan> ordered, List<int>[] byPlan, string[] normalized, Remembered? remembered)
    {
        // One pass over each plan's shingles gives both its share of the document frequencies and its own boilerplate.
        var local = new HashSet<ulong>[ordered.Count];
        ulong[][]? sets = null;
        var frequencies = ShingleFrequencies.Count(ordered.Count, p =>
        {
            var (distinct, own) = PlanShingles.Count(byPlan[p].Select(i => normalized[i]), options.ShingleSize, options.LocalBoilerplateItems);
            local[p] = own ?? NoBoilerplate;
            return distinct;
        }, p => Hash64.Of(ordered[p].Id), options, remembered is null ? null : counted => sets = counted);
        if (remembered is null || sets is null) return (frequencies, local, null);
        var (shingles, _) = remembered.StartCounts(frequencies);
        var kept = shingles.ToHashSet();
        var frequent = new ulong[ordered.Count][];
        Parallel.For(0, sets.Length, p => frequent[p] = sets[p].Where(kept.Contains).ToArray());
        return (frequencies, local, frequent);
    }

    /// <summary>The memo of one detection: the records found for its plans, and those it leaves for the next build.</summary>
    private sealed class Remembered
    {
        private readonly AnalysisMemo _memo;
        private readonly List<Plan> _plans;
        private readonly ReuseOptions _options;
        private readonly ulong _optionsKey;
        private readonly ulong?[] _keys;
        private ReuseCorpusMemo? _corpus;
        private bool _countsInFrequencies;

        public Remembered(AnalysisMemo memo, List<Plan> plans, ReuseOptions options)
        {
            (_memo, _plans, _options) = (memo, plans, options);
            _optionsKey = ContentHash.Key(options.ToString());
            _choices = new RememberedChoices(memo, _optionsKey);
            _keys = AnalysisMemo.PlanKeys(plans, _optionsKey);
            Records = new ReusePlanMemo?[plans.Count];
            _planPrints = new ulong[plans.Count];
            Parallel.For(0, plans.Count, p => Records[p] = _keys[p] is { } key ? ReusePlanMemo.From(memo.Get(MemoSection.ReusePlan, key)) : null);
        }

        /// <summary>What each passage of <paramref name="index"/> is paired with, walking only the buckets changed since the last build.</summary>
        public LshChoices Choose(LshIndex index, (int First, int Count)[] passages, List<int>[] byPlan, int[] planOf, int[] orderOf)
        {
            var plans = passages.Select((p, i) => (_keys[i], p.First, p.Count, _plans[i].Year ?? int.MaxValue, _plans[i].Id)).ToArray();
            return _choices.Choose(index, _options.Pairing, plans, byPlan, planOf, orderOf, key => ReusePlanMemo.From(_memo.Peek(MemoSection.ReusePlan, key)));
        }

        private readonly RememberedChoices _choices;

        /// <summary>Passages the LSH pairing walked again (all without a usable memo).</summary>
        public int Walked => _choices.Walked;

        /// <summary>Each plan's record from the last build, or null.</summary>
        public ReusePlanMemo?[] Records { get; }

        /// <summary>The generation of the counts this detection uses.</summary>
        public ulong Generation => _corpus?.Generation ?? 0;

        /// <summary>
        /// The frequencies brought up to date from the last build's counts (see <see cref="ReuseCorpusMemo"/>); null when
        /// they cannot be exactly: no counts, a plan without a key, a gone plan without its record, too many plans added.
        /// </summary>
        public (ShingleFrequencies, HashSet<ulong>[], ulong[][]?)? CountIncrementally(List<int>[] byPlan, string[] normalized)
        {
            var corpus = ReuseCorpusMemo.From(_memo.Peek(MemoSection.ReuseCorpus, _optionsKey));
            if (corpus is null || _keys.Any(k => k is null)) return null;
            var current = _keys.Select(k => k!.Value).ToHashSet();
            var before = corpus.Plans.ToHashSet();
            var added = Enumerable.Range(0, _plans.Count).Where(p => !before.Contains(_keys[p]!.Value)).ToArray();
            if (corpus.Floor - 1 + corpus.Added + added.Length > ShingleFrequencies.Threshold(_plans.Count, _options)) return null;
            var gone = new List<ReusePlanMemo>();
            foreach (var key in corpus.Plans.Where(k => !current.Contains(k)))
            {
                if (ReusePlanMemo.From(_memo.Peek(MemoSection.ReusePlan, key)) is not { } record || record.Generation != corpus.Generation) return null;
                gone.Add(record);
            }

            var counts = new Dictionary<ulong, int>(corpus.Shingles.Length);
            for (var s = 0; s < corpus.Shingles.Length; s++) counts[corpus.Shingles[s]] = corpus.Counts[s];
            foreach (var record in gone)
                foreach (var h in record.Frequent)
                {
                    if (!counts.ContainsKey(h)) return null;
                    counts[h]--;
                }
            var local = new HashSet<ulong>[_plans.Count];
            var frequent = new ulong[_plans.Count][];
            var isAdded = new bool[_plans.Count];
            foreach (var p in added) isAdded[p] = true;
            Parallel.For(0, _plans.Count, p =>
            {
                if (!isAdded[p] && Records[p] is { } record && record.Generation == corpus.Generation)
                {
                    local[p] = record.Local.Length == 0 ? NoBoilerplate : [.. record.Local];
                    frequent[p] = record.Frequent;
                    return;
                }
                // New, edited, or (rarely) without its record: counted from its text; only a new plan adds to the counts.
                var (distinct, own) = PlanShingles.Count(byPlan[p].Select(i => normalized[i]), _options.ShingleSize, _options.LocalBoilerplateItems);
                local[p] = own ?? NoBoilerplate;
                frequent[p] = distinct.Where(counts.ContainsKey).ToArray();
            });
            foreach (var p in added)
                foreach (var h in frequent[p]) counts[h]++;
            // The counts are the frequencies' own now; they are written back from there.
            _corpus = corpus with { Added = corpus.Added + added.Length, Plans = [.. current.Order()], Shingles = [], Counts = [] };
            _countsInFrequencies = true;
            return (ShingleFrequencies.FromCounts(counts, _plans.Count, corpus.Distinct, _options), local, frequent);
        }

        /// <summary>Starts new counts from frequencies counted over every plan; returns the shingles they keep.</summary>
        public (ulong[] Shingles, int[] Counts) StartCounts(ShingleFrequencies frequencies)
        {
            var floor = ReuseCorpusMemo.FloorFor(frequencies.BoilerplateThreshold, _plans.Count);
            var (shingles, counts) = frequencies.CountsAtLeast(floor);
            var plans = _keys.Where(k => k is not null).Select(k => k!.Value).Order().ToArray();
            var generation = plans.Aggregate((ulong)plans.Length, ContentHash.Combine);
            _corpus = new ReuseCorpusMemo(generation, floor, 0, frequencies.Distinct, plans, shingles, counts);
            return (shingles, counts);
        }

        public void Remember(int plan, HashSet<ulong> local, ulong[] frequent, ulong boilerplate, IEnumerable<ReadOnlyMemory<uint>> itemKeys)
        {
            if (_keys[plan] is not { } key) return;
            var perItem = itemKeys.ToList();
            var all = new uint[perItem.Sum(k => k.Length)];
            var lengths = new uint[perItem.Count];
            for (int i = 0, at = 0; i < perItem.Count; at += perItem[i].Length, i++)
            {
                perItem[i].Span.CopyTo(all.AsSpan(at));
                lengths[i] = (uint)perItem[i].Length;
            }
            var own = local.ToArray();
            Array.Sort(own);
            var record = new ReusePlanMemo(Generation, own, frequent, boilerplate, lengths, all);
            _memo.Put(MemoSection.ReusePlan, key, record.ToBytes());
        }

        private readonly ulong[] _planPrints;

        /// <summary>The plan's print for the verdicts: its key and the boilerplate status of its shingles.</summary>
        public void SetPrint(int plan, ulong boilerplate) => _planPrints[plan] = _keys[plan] is { } key ? ContentHash.Combine(key, boilerplate) : 0;

        /// <summary>Each item's print (0 for an item of a plan without one), from its plan and its place in it.</summary>
        public ulong[] ItemPrints((int Plan, int Order)[] items) =>
            items.Select(i => _planPrints[i.Plan] == 0 ? 0 : ContentHash.Combine(_planPrints[i.Plan], (ulong)i.Order) | 1).ToArray();

        public ReuseVerdictMemo? Verdicts() => ReuseVerdictMemo.From(_memo.Peek(MemoSection.ReuseVerdicts, _optionsKey));

        public void RememberVerdicts((int Earlier, int Later)[] candidates, ulong[] prints, Verdict?[] verified)
        {
            var count = 0;
            foreach (var (earlier, later) in candidates)
                if (prints[earlier] != 0 && prints[later] != 0) count++;
            var bytes = ReuseVerdictMemo.ToBytes(count, entries =>
            {
                var at = 0;
                for (var c = 0; c < candidates.Length; c++)
                {
                    var (earlier, later) = candidates[c];
                    if (prints[earlier] == 0 || prints[later] == 0) continue;
                    var v = verified[c];
                    entries[at++] = new ReuseVerdictMemo.Entry(prints[earlier], prints[later], v?.Score ?? 0, v?.SharedChars ?? 0, v is null ? 0 : v.Value.Linked ? 2 : 1);
                }
            });
            _memo.Put(MemoSection.ReuseVerdicts, _optionsKey, bytes);
        }

        /// <summary>Leaves the corpus counts (as brought up to date) for the next build.</summary>
        public void RememberCorpus(ShingleFrequencies frequencies)
        {
            if (_corpus is null || _keys.Any(k => k is null)) return;
            var corpus = _corpus;
            if (_countsInFrequencies)
            {
                var (shingles, counts) = frequencies.CountsAtLeast(0);
                corpus = corpus with { Shingles = shingles, Counts = counts };
            }
            _memo.Put(MemoSection.ReuseCorpus, _optionsKey, corpus.ToBytes());
        }
    }

    /// <summary>The LSH band keys of each indexable passage of an item, passage after passage.</summary>
    private uint[] BandKeys(Entry entry, ReuseTexts texts, LshIndex index)
    {
        if (entry.Item.Text.Length < options.ShingleSize) return [];
        var keys = new List<uint>();
        Span<ulong> signature = stackalloc ulong[_hasher.Length];
        Span<uint> bandKeys = stackalloc uint[options.Bands];
        foreach (var passage in PassageSplitter.Split(entry.Item.Text, 2 * options.ShingleSize))
        {
            if (passage.Length < options.ShingleSize) continue;
            var buffer = System.Buffers.ArrayPool<ulong>.Shared.Rent(Shingles.Count(passage.Length, options.ShingleSize));
            var hashes = buffer.AsSpan(0, Shingles.Hashes(passage, options.ShingleSize, buffer));
            var kept = texts.InformativeSet(hashes, entry.PlanIndex);
            if (kept >= options.MinPassageShingles)
            {
                _hasher.Signature(hashes[..kept], signature);
                index.BandKeys(signature, bandKeys);
                foreach (var key in bandKeys) keys.Add(key);
            }
            System.Buffers.ArrayPool<ulong>.Shared.Return(buffer);
        }
        return [.. keys];
    }

    /// <summary>
    /// Every candidate pair checked. Pairs are taken by their later item, in time order, in blocks: an item is
    /// prepared once as the later of its pairs and kept in a small cache, where the copies after it (its later
    /// neighbours in time) and the many items that link back to a passage's first appearance find it again.
    /// </summary>
    /// <param name="prints">Each item's print (0: none) by which <paramref name="known"/> gives the verdicts of the last run.</param>
    private Verdict?[] Verify((int Earlier, int Later)[] candidates, ReuseTexts texts, ulong[]? prints, ReuseVerdictMemo? known)
    {
        var verified = new Verdict?[candidates.Length];
        var done = new bool[candidates.Length];
        if (prints is not null && known is not null)
            Parallel.For(0, candidates.Length, c =>
            {
                var (earlier, later) = candidates[c];
                if (prints[earlier] == 0 || prints[later] == 0 || !known.TryGet(prints[earlier], prints[later], out var entry)) return;
                verified[c] = entry.Kind == 0 ? null : new Verdict(entry.Kind == 2, entry.Score, entry.SharedChars);
                done[c] = true;
            });
        var byLater = Enumerable.Range(0, candidates.Length).Where(c => !done[c]).ToArray();
        Array.Sort(byLater, (a, b) => candidates[a].Later != candidates[b].Later
            ? candidates[a].Later.CompareTo(candidates[b].Later) : candidates[a].Earlier.CompareTo(candidates[b].Earlier));
        var blocks = new List<(int Start, int End)>();
        for (var start = 0; start < byLater.Length;)
        {
            var end = Math.Min(byLater.Length, start + VerifyBlock);
            // A block ends between two later items, so each is prepared in one block only.
            while (end < byLater.Length && candidates[byLater[end]].Later == candidates[byLater[end - 1]].Later) end++;
            blocks.Add((start, end));
            start = end;
        }
        Workers.For(blocks.Count, () => new PreparedCache(texts), (b, cache) =>
        {
            for (var i = blocks[b].Start; i < blocks[b].End; i++)
            {
                var (earlier, later) = candidates[byLater[i]];
                verified[byLater[i]] = Verify(cache.Get(earlier), cache.Get(later));
            }
        });
        return verified;
    }

    private const int VerifyBlock = 4096;

    /// <summary>
    /// Prepared items by item index, direct-mapped: recent items and hubs stay, others are prepared again, into the
    /// arrays of the item they push out (short-lived arrays per item would set the peak memory of verification). Only the item handed out last is never written over: a pair reads two items at once.
    /// </summary>
    private sealed class PreparedCache(ReuseTexts texts)
    {
        private const int Size = 8192;
        private readonly int[] _items = Enumerable.Repeat(-1, Size).ToArray();
        private readonly PreparedItem[] _prepared = new PreparedItem[Size];
        private int _last = -1;

        public PreparedItem Get(int item)
        {
            var slot = item & (Size - 1);
            if (_items[slot] != item)
                (_items[slot], _prepared[slot]) = (item, texts.Prepare(item, slot == _last ? default : _prepared[slot]));
            _last = slot;
            return _prepared[slot];
        }
    }

    internal readonly record struct Verdict(bool Linked, double Score, int SharedChars);

    /// <summary>
    /// The exact check of one candidate pair. Shared informative shingles first: too few and the pair only
    /// shares boilerplate. Then the score: the share of the shorter item's informative characters that lie in
    /// shingles the other item has too (a copied sentence covers itself; an edit uncovers the few characters around it).
    /// </summary>
    private Verdict? Verify(PreparedItem x, PreparedItem y)
    {
        var shared = x.SharedWith(y);
        if (shared == 0) return null;
        if (shared < options.MinSharedShingles)
            return new Verdict(false, (double)shared / Math.Max(1, Math.Min(x.Count, y.Count)) * 0.5, 0);
        var (shorter, longer) = x.InformativeLength <= y.InformativeLength ? (x, y) : (y, x);
        var covered = shorter.CoveredBy(longer, options.ShingleSize);
        var score = shorter.InformativeLength == 0 ? 0 : Math.Min(1.0, (double)covered / shorter.InformativeLength);
        var linked = score >= options.MinScore || shared >= options.MinSharedPassage;
        return new Verdict(linked, score, covered);
    }

    private static readonly HashSet<ulong> NoBoilerplate = [];

    /// <summary>
    /// An item and a sub-item written inside its own text (一是… within the item's paragraph) share text by
    /// construction: that is structure, not reuse. A descendant that starts outside the ancestor's lines is a
    /// repeat (the old parser hangs attachment lines under the last body item).
    /// </summary>
    private static bool Nested(Entry x, Entry y)
    {
        if (x.PlanIndex != y.PlanIndex) return false;
        return (Inside(x.Item, y.Item) && IsAncestor(x.Plan, x.Item.Id, y.Item)) || (Inside(y.Item, x.Item) && IsAncestor(x.Plan, y.Item.Id, x.Item));
    }

    private static bool Inside(Item outer, Item inner) =>
        inner.Line >= outer.Line && inner.Line < outer.Line + outer.Text.AsSpan().Count('\n') + 1;

    private static bool IsAncestor(Plan plan, string ancestorId, Item item)
    {
        var parent = item.ParentId;
        for (var guard = 0; parent is not null && guard < 64; guard++)
        {
            if (parent == ancestorId) return true;
            parent = plan.Items.FirstOrDefault(i => i.Id == parent)?.ParentId;
        }
        return false;
    }

    private sealed class Entry(int planIndex, int order, Plan plan, Item item)
    {
        public int PlanIndex { get; } = planIndex;
        public int Order { get; } = order;
        public Plan Plan { get; } = plan;
        public Item Item { get; } = item;
        public ItemKey Key => new(Plan.Id, Item.Id);
    }
}
