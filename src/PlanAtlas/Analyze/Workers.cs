namespace PlanAtlas.Analyze;

/// <summary>
/// Runs independent work items on every core with one piece of per-thread state per core. Parallel.For's own
/// thread-local overload makes fresh state for every task it replicates (hundreds in a long loop), which for a
/// dense score array the size of the corpus is gigabytes of garbage; here there are exactly as many states as
/// workers. Items are taken in small blocks from a shared counter, so the cores stay evenly loaded.
/// </summary>
public static class Workers
{
    private const int Block = 64;

    /// <param name="body">Work on item i with the worker's state; items must not depend on each other.</param>
    /// <param name="finish">Called once per worker state after all items are done, one at a time.</param>
    public static void For<TState>(int count, Func<TState> init, Action<int, TState> body, Action<TState>? finish = null)
    {
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, (count + Block - 1) / Block));
        var states = new TState[workers];
        var next = 0;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            var state = states[w] = init();
            for (var start = Interlocked.Add(ref next, Block) - Block; start < count; start = Interlocked.Add(ref next, Block) - Block)
                for (var i = start; i < Math.Min(start + Block, count); i++) body(i, state);
        });
        if (finish is not null)
            foreach (var state in states) finish(state);
    }
}
