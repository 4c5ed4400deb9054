namespace PlanAtlas.Tests.Fetch;

/// <summary>
/// A clock whose timers fire at once, moving its time forward by what they waited: pacing and backoff run without
/// waiting, and a test reads the waits (and the time each request was made) from it instead of from the wall.
/// </summary>
public sealed class InstantClock : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = new(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly List<TimeSpan> _waits = [];

    public IReadOnlyList<TimeSpan> Waits { get { lock (_lock) return [.. _waits]; } }

    public override DateTimeOffset GetUtcNow() { lock (_lock) return _now; }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_lock)
            {
                _now += dueTime;
                _waits.Add(dueTime);
            }
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }
        return new Fired();
    }

    private sealed class Fired : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;
        public void Dispose() { }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
