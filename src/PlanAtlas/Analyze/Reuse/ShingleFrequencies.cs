namespace PlanAtlas.Analyze.Reuse;

/// <summary>
/// In how many plans each shingle occurs (document frequency, counted per plan so that a plan repeating
/// itself does not make its own words look common). Shingles found in too many plans are boilerplate:
/// 深入贯彻落实, 进一步加强, 安全生产工作 link every plan to every other and say nothing about reuse.
/// </summary>
public sealed class ShingleFrequencies
{
    private readonly Dictionary<ulong, int> _plansPerShingle;

    private ShingleFrequencies(Dictionary<ulong, int> plansPerShingle, int planCount, int threshold)
    {
        _plansPerShingle = plansPerShingle;
        PlanCount = planCount;
        BoilerplateThreshold = threshold;
    }

    public int PlanCount { get; }

    /// <summary>A shingle in more than this many plans is boilerplate.</summary>
    public int BoilerplateThreshold { get; }

    public int Distinct => _plansPerShingle.Count;

    /// <param name="shinglesPerPlan">Each plan's shingle hashes (any order, duplicates allowed).</param>
    public static ShingleFrequencies Count(IReadOnlyList<IEnumerable<ulong>> shinglesPerPlan, ReuseOptions options)
    {
        var sets = new HashSet<ulong>[shinglesPerPlan.Count];
        Parallel.For(0, shinglesPerPlan.Count, i => sets[i] = [.. shinglesPerPlan[i]]);
        var counts = new Dictionary<ulong, int>();
        foreach (var set in sets)
            foreach (var h in set)
                counts[h] = counts.GetValueOrDefault(h) + 1;
        var threshold = Math.Max(options.BoilerplateMinPlans - 1, (int)Math.Floor(options.BoilerplateShare * shinglesPerPlan.Count));
        return new ShingleFrequencies(counts, shinglesPerPlan.Count, threshold);
    }

    public int PlansWith(ulong shingle) => _plansPerShingle.GetValueOrDefault(shingle);

    public bool IsBoilerplate(ulong shingle) => PlansWith(shingle) > BoilerplateThreshold;

    /// <summary>How many distinct shingles occur in exactly n plans, n = 1..PlanCount: the measurement behind the threshold.</summary>
    public IReadOnlyList<int> Histogram()
    {
        var histogram = new int[PlanCount + 1];
        foreach (var n in _plansPerShingle.Values) histogram[n]++;
        return histogram;
    }
}
