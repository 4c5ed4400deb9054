using PlanAtlas.Model;

namespace PlanAtlas.Analyze.Reuse;

/// <summary>Counts behind a run of the detector, for THRESHOLDS.md and the build summary.</summary>
public sealed record ReuseStatistics(
    int Plans, int Items, int IndexedPassages, int DistinctShingles, int BoilerplateShingles, int BoilerplateThreshold,
    int CandidatePairs, int VerifiedPairs, int Links, int SkippedBuckets);

public sealed record ReuseResult(IReadOnlyList<ReuseLink> Links, IReadOnlyDictionary<ItemKey, IReadOnlyList<ItemMatch>> SeeAlso, ReuseStatistics Statistics);

/// <summary>
/// Finds items that share wording, across plans and inside one plan, without comparing every pair:
/// character shingles → boilerplate shingles dropped by document frequency → MinHash signatures of
/// sentence-sized passages → LSH banding for candidate pairs → exact shared-shingle count and a
/// character-level alignment of each candidate pair only. Built once, reused for any corpus.
/// </summary>
public sealed class ReuseDetector(ReuseOptions options)
{
    private readonly MinHasher _hasher = new(options.SignatureLength, options.Seed);

    public ReuseOptions Options => options;

    public ReuseResult Detect(IReadOnlyList<Plan> plans)
    {
        var ordered = plans.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var entries = ordered.SelectMany((p, planIndex) => p.Items.Select((item, order) => new Entry(planIndex, order, p, item))).ToArray();
        var n = options.ShingleSize;

        var shingles = new ulong[entries.Length][];
        Parallel.For(0, entries.Length, i => shingles[i] = Shingles.Hashes(entries[i].Normalized, n));
        // Entries are grouped by plan, in plan order: each plan's shingles are one contiguous range.
        var starts = new int[ordered.Count + 1];
        for (var p = 0; p < ordered.Count; p++) starts[p + 1] = starts[p] + ordered[p].Items.Count;
        var perPlan = Enumerable.Range(0, ordered.Count)
            .Select(p => (IEnumerable<ulong>)shingles[starts[p]..starts[p + 1]].SelectMany(h => h))
            .ToList();
        var frequencies = ShingleFrequencies.Count(perPlan, options);
        var local = new HashSet<ulong>[ordered.Count];
        Parallel.For(0, ordered.Count, p => local[p] = LocalBoilerplate(shingles[starts[p]..starts[p + 1]]));

        // Informative shingles of each item (sorted, distinct) and MinHash signatures of its passages.
        var informative = new ulong[entries.Length][];
        var masked = new string[entries.Length];
        var signatures = new List<ulong[]>[entries.Length];
        Parallel.For(0, entries.Length, i =>
        {
            var boilerplate = local[entries[i].PlanIndex];
            informative[i] = Informative(shingles[i], frequencies, boilerplate);
            masked[i] = Mask(entries[i].Normalized, shingles[i], n, h => !frequencies.IsBoilerplate(h) && !boilerplate.Contains(h));
            signatures[i] = [];
            if (entries[i].Normalized.Length < n) return;
            foreach (var passage in PassageSplitter.Split(entries[i].Item.Text, 2 * n))
            {
                var kept = Informative(Shingles.Hashes(passage, n), frequencies, boilerplate);
                if (kept.Length >= options.MinPassageShingles) signatures[i].Add(_hasher.Signature(kept));
            }
        });

        var index = new LshIndex(options.Bands, options.RowsPerBand, options.MaxBucketSize);
        var owner = new List<int>();
        for (var i = 0; i < entries.Length; i++)
            foreach (var signature in signatures[i]) { index.Add(owner.Count, signature); owner.Add(i); }
        var candidates = index.Candidates((x, y) => owner[x] != owner[y])
            .Select(p => (Math.Min(owner[p.X], owner[p.Y]), Math.Max(owner[p.X], owner[p.Y])))
            .Where(p => !Nested(entries[p.Item1], entries[p.Item2]))
            .Distinct().Order().ToArray();

        var verified = new Verdict?[candidates.Length];
        Parallel.For(0, candidates.Length, c => verified[c] = Verify(masked[candidates[c].Item1], masked[candidates[c].Item2],
            informative[candidates[c].Item1], informative[candidates[c].Item2]));

        var links = new List<ReuseLink>();
        var matches = new Dictionary<ItemKey, List<ItemMatch>>();
        for (var c = 0; c < candidates.Length; c++)
        {
            if (verified[c] is not { } v) continue;
            var (x, y) = (entries[candidates[c].Item1], entries[candidates[c].Item2]);
            if (v.Linked)
            {
                var (a, b) = Earlier(x, y) ? (x, y) : (y, x);
                links.Add(new ReuseLink(a.Key, b.Key, Math.Round(v.Score, 4), v.SharedChars));
            }
            Add(matches, x.Key, new ItemMatch(y.Key, Math.Round(v.Score, 4), v.Linked));
            Add(matches, y.Key, new ItemMatch(x.Key, Math.Round(v.Score, 4), v.Linked));
        }
        links.Sort((l, r) => Compare(l, r));
        var seeAlso = matches.OrderBy(m => m.Key.PlanId, StringComparer.Ordinal).ThenBy(m => m.Key.ItemId, StringComparer.Ordinal).ToDictionary(
            m => m.Key,
            m => (IReadOnlyList<ItemMatch>)m.Value.OrderByDescending(x => x.Reused).ThenByDescending(x => x.Score)
                .ThenBy(x => x.Other.PlanId, StringComparer.Ordinal).ThenBy(x => x.Other.ItemId, StringComparer.Ordinal)
                .Take(options.SeeAlsoCount).ToList());

        var statistics = new ReuseStatistics(ordered.Count, entries.Length, owner.Count, frequencies.Distinct,
            frequencies.Histogram().Skip(frequencies.BoilerplateThreshold + 1).Sum(), frequencies.BoilerplateThreshold,
            candidates.Length, verified.Count(v => v is not null), links.Count, index.SkippedBuckets);
        return new ReuseResult(links, seeAlso, statistics);
    }

    private readonly record struct Verdict(bool Linked, double Score, int SharedChars);

    /// <summary>
    /// The exact check of one candidate pair. Shared informative shingles first (cheap): too few and the
    /// pair only shares boilerplate. Then the character alignment gives the score.
    /// </summary>
    private Verdict? Verify(string x, string y, ulong[] a, ulong[] b)
    {
        var shared = SharedCount(a, b);
        if (shared == 0) return null;
        var shorter = Math.Min(InformativeLength(x), InformativeLength(y));
        if (shared < options.MinSharedShingles)
            return new Verdict(false, (double)shared / Math.Max(1, Math.Min(a.Length, b.Length)) * 0.5, 0);
        // Left and right masks differ, so boilerplate characters never align and never count.
        var runs = TextAlignment.Common(x, y.Replace(MaskLeft, MaskRight), options.ShingleSize);
        var score = shorter == 0 ? 0 : Math.Min(1.0, (double)runs.Covered / shorter);
        var linked = score >= options.MinScore || shared >= options.MinSharedPassage;
        return new Verdict(linked, score, runs.Covered);
    }

    private const char MaskLeft = '\u0001', MaskRight = '\u0002';

    /// <summary>
    /// The normalized text with every character that no informative shingle covers replaced by a mask
    /// character: what is left is the wording that can make a link.
    /// </summary>
    private static string Mask(string normalized, ulong[] hashes, int size, Func<ulong, bool> informative)
    {
        if (normalized.Length < size) return normalized;
        var covered = new bool[normalized.Length];
        for (var i = 0; i < hashes.Length; i++)
            if (informative(hashes[i]))
                for (var k = i; k < i + size; k++) covered[k] = true;
        var chars = normalized.ToCharArray();
        for (var i = 0; i < chars.Length; i++) if (!covered[i]) chars[i] = MaskLeft;
        return new string(chars);
    }

    private static int InformativeLength(string masked) => masked.Length - masked.AsSpan().Count(MaskLeft);

    private HashSet<ulong> LocalBoilerplate(ulong[][] itemShingles)
    {
        var items = new Dictionary<ulong, int>();
        foreach (var hashes in itemShingles)
            foreach (var h in hashes.Distinct())
                items[h] = items.GetValueOrDefault(h) + 1;
        return items.Where(x => x.Value > options.LocalBoilerplateItems).Select(x => x.Key).ToHashSet();
    }

    private static ulong[] Informative(ulong[] hashes, ShingleFrequencies frequencies, HashSet<ulong> local)
    {
        var kept = hashes.Where(h => !frequencies.IsBoilerplate(h) && !local.Contains(h)).Distinct().ToArray();
        Array.Sort(kept);
        return kept;
    }

    private static int SharedCount(ulong[] a, ulong[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return shared;
    }

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

    private static bool Earlier(Entry x, Entry y)
    {
        var (yx, yy) = (x.Plan.Year ?? int.MaxValue, y.Plan.Year ?? int.MaxValue);
        if (yx != yy) return yx < yy;
        if (x.PlanIndex != y.PlanIndex) return x.PlanIndex < y.PlanIndex;
        return x.Order < y.Order;
    }

    private static int Compare(ReuseLink l, ReuseLink r)
    {
        var c = string.CompareOrdinal(l.A.PlanId, r.A.PlanId);
        if (c == 0) c = string.CompareOrdinal(l.A.ItemId, r.A.ItemId);
        if (c == 0) c = string.CompareOrdinal(l.B.PlanId, r.B.PlanId);
        if (c == 0) c = string.CompareOrdinal(l.B.ItemId, r.B.ItemId);
        return c;
    }

    private static void Add(Dictionary<ItemKey, List<ItemMatch>> matches, ItemKey key, ItemMatch match)
    {
        if (!matches.TryGetValue(key, out var list)) matches[key] = list = [];
        list.Add(match);
    }

    private sealed class Entry(int planIndex, int order, Plan plan, Item item)
    {
        public int PlanIndex { get; } = planIndex;
        public int Order { get; } = order;
        public Plan Plan { get; } = plan;
        public Item Item { get; } = item;
        public string Normalized { get; } = TextNormalizer.Normalize(item.Text);
        public ItemKey Key => new(Plan.Id, Item.Id);
    }
}
