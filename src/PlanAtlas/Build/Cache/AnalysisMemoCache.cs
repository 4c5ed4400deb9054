using PlanAtlas.Analyze;

namespace PlanAtlas.Build.Cache;

/// <summary>
/// The analysis memo of the last build (per-plan analysis results and corpus counts, see <see cref="AnalysisMemo"/>)
/// in one binary file, so an incremental build analyses only what changed. Used up to <see cref="MaxPlans"/> plans:
/// beyond, the memo would add to the peak memory of a build already near its limit.
/// </summary>
public sealed class AnalysisMemoCache(CacheFolder cache, bool ignorePrevious)
{
    public const int MaxPlans = 2000;

    private readonly string _path = Path.Combine(cache.Root, "analysis.memo");

    /// <summary>The memo to analyse <paramref name="plans"/> plans with; null when the corpus is too big for one.</summary>
    public AnalysisMemo? Load(int plans)
    {
        if (plans > MaxPlans) return null;
        if (ignorePrevious || !File.Exists(_path)) return new AnalysisMemo();
        // A damaged file reads as an empty memo: everything is computed again.
        try { return AnalysisMemo.Read(File.ReadAllBytes(_path)); }
        catch (IOException) { return new AnalysisMemo(); }
    }

    public void Save(AnalysisMemo memo) => CacheFolder.WriteAtomically(_path, memo.Write);
}
