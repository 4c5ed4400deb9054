namespace PlanAtlas.Fetch;

/// <summary>
/// Spaces the requests to each host: a request waits until the host's interval has passed since the previous one
/// began. Time comes from a <see cref="TimeProvider"/>, so tests step a clock instead of waiting.
/// </summary>
internal sealed class HostPacer(TimeProvider clock, TimeSpan interval)
{
    private readonly Dictionary<string, DateTimeOffset> _next = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TimeSpan> _slower = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    /// <summary>A host that asks for more time between requests (robots.txt Crawl-delay) gets it, never less than the default.</summary>
    public void SlowDown(Uri url, TimeSpan hostInterval)
    {
        lock (_lock)
            if (hostInterval > interval) _slower[url.Authority] = hostInterval;
    }

    public async Task WaitTurnAsync(Uri url, CancellationToken cancellation)
    {
        TimeSpan wait;
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            var start = _next.TryGetValue(url.Authority, out var next) && next > now ? next : now;
            _next[url.Authority] = start + _slower.GetValueOrDefault(url.Authority, interval);
            wait = start - now;
        }
        if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, cancellation);
    }
}
