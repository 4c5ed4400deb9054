namespace PlanAtlas.Analyze.Reuse;

/// <summary>
/// Which shingles are boilerplate: those in more than a share of the plans (document frequency counted per plan,
/// so a plan repeating itself does not make its own words look common). 深入贯彻落实, 进一步加强, 安全生产工作 link
/// every plan to every other and say nothing about reuse.
/// A corpus of up to <see cref="ReuseOptions.FrequencySamplePlans"/> plans is counted exactly. A bigger one is first
/// counted on that many plans (chosen by a fixed hash of the plan id): a shingle in more than half of all plans is
/// in well over a third of any such sample (the chance it is not, with 1,000 plans, is below 10⁻²⁰), so only the
/// shingles that are are counted again over every plan, exactly. Memory stays that of the sample, not of the corpus.
/// </summary>
public sealed class ShingleFrequencies
{
    /// <summary>The sample's shingle counts may sit this far below the boilerplate share and still be counted exactly.</summary>
    public const double SampleMargin = 0.15;

    private readonly Dictionary<ulong, int> _counts;
    private readonly HashSet<ulong> _boilerplate;

    private ShingleFrequencies(Dictionary<ulong, int> counts, int planCount, int sampledPlans, int distinct, int threshold)
    {
        _counts = counts;
        PlanCount = planCount;
        SampledPlans = sampledPlans;
        Distinct = distinct;
        BoilerplateThreshold = threshold;
        _boilerplate = counts.Where(c => c.Value > threshold).Select(c => c.Key).ToHashSet();
    }

    public int PlanCount { get; }

    /// <summary>Plans whose shingles were all counted: every plan, or the sample of a big corpus.</summary>
    public int SampledPlans { get; }

    public bool Exact => SampledPlans == PlanCount;

    /// <summary>A shingle in more than this many plans is boilerplate.</summary>
    public int BoilerplateThreshold { get; }

    /// <summary>Distinct shingles in the counted plans.</summary>
    public int Distinct { get; }

    public int BoilerplateCount => _boilerplate.Count;

    public IEnumerable<ulong> Boilerplate => _boilerplate;

    /// <param name="shinglesPerPlan">Each plan's shingle hashes (any order, duplicates allowed).</param>
    public static ShingleFrequencies Count(IReadOnlyList<IEnumerable<ulong>> shinglesPerPlan, ReuseOptions options) =>
        Count(shinglesPerPlan.Count, p => shinglesPerPlan[p], p => (ulong)p, options);

    /// <param name="shinglesOf">
    /// Plan p's shingle hashes (any order, duplicates allowed); called from several threads, at least once for every
    /// plan (twice for the sampled plans of a big corpus), so a caller can work out more from each plan as it goes.
    /// </param>
    /// <param name="planHash">A fixed hash of plan p (its id's) that chooses the sample.</param>
    /// <param name="counted">
    /// When the corpus is counted exactly, called once with every plan's distinct shingles (ascending), the sets the
    /// counts were made from: a caller can keep what it needs of them without hashing the plans again.
    /// </param>
    public static ShingleFrequencies Count(int plans, Func<int, IEnumerable<ulong>> shinglesOf, Func<int, ulong> planHash, ReuseOptions options,
        Action<ulong[][]>? counted = null)
    {
        var threshold = Threshold(plans, options);
        var sample = plans <= options.FrequencySamplePlans
            ? Enumerable.Range(0, plans).ToArray()
            : Enumerable.Range(0, plans).OrderBy(planHash).ThenBy(p => p).Take(options.FrequencySamplePlans).Order().ToArray();
        var counts = CountPlans(sample, shinglesOf, sample.Length == plans ? counted : null);
        if (sample.Length == plans) return new ShingleFrequencies(counts, plans, plans, counts.Count, threshold);

        var floor = Math.Max(1, (int)Math.Floor((options.BoilerplateShare - SampleMargin) * sample.Length));
        var candidates = counts.Where(c => c.Value >= floor).Select(c => c.Key).Order().ToArray();
        return new ShingleFrequencies(Recount(candidates, plans, shinglesOf), plans, sample.Length, counts.Count, threshold);
    }

    /// <summary>A shingle in more than this many of <paramref name="plans"/> plans is boilerplate.</summary>
    public static int Threshold(int plans, ReuseOptions options) =>
        Math.Max(options.BoilerplateMinPlans - 1, (int)Math.Floor(options.BoilerplateShare * plans));

    /// <summary>
    /// Frequencies from counts kept by an earlier build and brought up to date: exact for every shingle in
    /// <paramref name="counts"/>, and the caller vouches that every other shingle is in at most the threshold.
    /// </summary>
    internal static ShingleFrequencies FromCounts(Dictionary<ulong, int> counts, int plans, int distinct, ReuseOptions options) =>
        new(counts, plans, plans, distinct, Threshold(plans, options));

    /// <summary>The shingles counted in at least <paramref name="floor"/> plans, with their counts, ascending by shingle.</summary>
    internal (ulong[] Shingles, int[] Counts) CountsAtLeast(int floor)
    {
        // Made at their size and sorted together: megabytes each, where growing arrays went to the large object heap.
        var kept = 0;
        foreach (var n in _counts.Values)
            if (n >= floor) kept++;
        var (shingles, counts) = (new ulong[kept], new int[kept]);
        var at = 0;
        foreach (var (shingle, n) in _counts)
            if (n >= floor) (shingles[at], counts[at++]) = (shingle, n);
        Array.Sort(shingles, counts);
        return (shingles, counts);
    }

    /// <summary>In how many plans the shingle is, when known: every shingle of an exactly counted corpus; else the shingles counted again.</summary>
    public int PlansWith(ulong shingle) => _counts.GetValueOrDefault(shingle);

    public bool IsBoilerplate(ulong shingle) => _boilerplate.Contains(shingle);

    /// <summary>How many distinct shingles occur in exactly n plans, n = 1..PlanCount, for the shingles whose count is known.</summary>
    public IReadOnlyList<int> Histogram()
    {
        var histogram = new int[PlanCount + 1];
        foreach (var n in _counts.Values) histogram[n]++;
        return histogram;
    }

    private static Dictionary<ulong, int> CountPlans(int[] plans, Func<int, IEnumerable<ulong>> shinglesOf, Action<ulong[][]>? counted)
    {
        var sets = new ulong[plans.Length][];
        Parallel.For(0, plans.Length, i =>
        {
            // Sorted in place rather than through a hash set per plan: a big plan's set would be large-object garbage.
            var set = shinglesOf(plans[i]).ToArray();
            sets[i] = set[..PlanShingles.SortDistinct(set)];
        });
        var counts = new Dictionary<ulong, int>();
        foreach (var set in sets)
            foreach (var h in set)
                counts[h] = counts.GetValueOrDefault(h) + 1;
        counted?.Invoke(sets);
        return counts;
    }

    private static Dictionary<ulong, int> Recount(ulong[] candidates, int plans, Func<int, IEnumerable<ulong>> shinglesOf)
    {
        var index = new Dictionary<ulong, int>(candidates.Length);
        for (var i = 0; i < candidates.Length; i++) index[candidates[i]] = i;
        var totals = new int[candidates.Length];
        // Each thread counts whole plans (a shingle once per plan) into its own array; integer sums do not depend on the order.
        Workers.For(plans, () => (Counts: new int[candidates.Length], Seen: new int[candidates.Length]), (p, local) =>
        {
            foreach (var h in shinglesOf(p))
                if (index.TryGetValue(h, out var c) && local.Seen[c] != p + 1)
                {
                    local.Seen[c] = p + 1;
                    local.Counts[c]++;
                }
        }, local =>
        {
            for (var c = 0; c < totals.Length; c++) totals[c] += local.Counts[c];
        });
        var counts = new Dictionary<ulong, int>(candidates.Length);
        for (var c = 0; c < candidates.Length; c++) counts[candidates[c]] = totals[c];
        return counts;
    }
}
