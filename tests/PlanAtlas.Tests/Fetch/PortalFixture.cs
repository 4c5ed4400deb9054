using PlanAtlas.Fetch;

namespace PlanAtlas.Tests.Fetch;

/// <summary>One fake portal for a test class; every test starts it afresh (<see cref="FakePortal.Reset"/>) and fetches into its own input folder.</summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public FakePortal Portal { get; private set; } = null!;

    public async Task InitializeAsync() => Portal = await FakePortal.StartAsync();

    public async Task DisposeAsync() => await Portal.DisposeAsync();

    /// <summary>Test settings: the default pacing on a clock that does not wait, quick retries, a short time limit.</summary>
    public static FetchOptions Options(string input, bool force = false) =>
        new(input, force) { Timeout = TimeSpan.FromSeconds(5), RetryDelay = TimeSpan.FromMilliseconds(1) };

    public async Task<FetchReport> FetchAsync(FetchOptions options, InstantClock clock, params string[] paths)
    {
        Portal.Clock = clock;
        using var fetcher = new CorpusFetcher(options, clock);
        return await fetcher.FetchAsync(paths.Select(p => p.Contains("://") ? p : Portal[p].AbsoluteUri).ToList(), IFetchProgress.None, CancellationToken.None);
    }

    public Task<FetchReport> FetchAsync(string input, params string[] paths) => FetchAsync(Options(input), new InstantClock(), paths);
}
