using System.Runtime;

namespace PlanAtlas.Build;

/// <summary>
/// An incremental build of a small corpus runs without garbage collections: its few seconds are spent allocating
/// memory that is mostly garbage by the end, and on two cores every blocking collection stops the whole build
/// (figures: bench/README.md). So the allocations go into a region the collector leaves alone (<see cref="GC.TryStartNoGCRegion(long)"/>),
/// released when the build ends. Bounded three ways: only a corpus of at most <see cref="MaxPlans"/> plans, only a
/// region of at most <see cref="MaxBytes"/> and a quarter of the memory the process may use, and a build that
/// allocates more than the region simply goes on with ordinary collections from there (the runtime ends the region
/// itself). A full build (nothing known from the cache) and a national corpus keep the collector: they allocate many
/// times more, and on a large corpus the peak memory is what matters. Only a process that ends with its build asks for
/// it (<see cref="BuildOptions.WithoutCollections"/>: the `build` command, not the preview server).
/// </summary>
public sealed class CollectionFreeRebuild : IDisposable
{
    /// <summary>The largest corpus built without collections (as the analysis memo's bound).</summary>
    public const int MaxPlans = 2_000;

    /// <summary>The region's size: above what a rebuild of <see cref="MaxPlans"/> plans allocates (bench/README.md).</summary>
    public const long MaxBytes = 2L << 30;

    /// <summary>One build at a time holds the region: it is the process's, and a preview server or the tests build in parallel.</summary>
    private static int s_held;

    private bool _holding;

    private CollectionFreeRebuild() { }

    /// <summary>Whether this build holds the region.</summary>
    public bool Active => _holding;

    /// <summary>Starts the region when <paramref name="knownPlans"/> of <paramref name="plans"/> come from the cache and the corpus is small.</summary>
    public static CollectionFreeRebuild Start(int plans, int knownPlans)
    {
        var rebuild = new CollectionFreeRebuild();
        if (knownPlans == 0 || plans > MaxPlans) return rebuild;
        var bytes = Math.Min(MaxBytes, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4);
        if (bytes < (256L << 20) || Interlocked.CompareExchange(ref s_held, 1, 0) != 0) return rebuild;
        try
        {
            rebuild._holding = GC.TryStartNoGCRegion(bytes);
        }
        catch (InvalidOperationException)
        {
            // Another part of the process started one: build with the collector.
        }
        if (!rebuild._holding) Volatile.Write(ref s_held, 0);
        return rebuild;
    }

    public void Dispose()
    {
        if (!_holding) return;
        _holding = false;
        try
        {
            // The runtime ended the region itself when the build allocated more than it holds.
            if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // Ended by an induced or overflowing collection in between: nothing left to end.
        }
        finally
        {
            Volatile.Write(ref s_held, 0);
        }
    }
}
