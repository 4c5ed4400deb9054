using PlanAtlas.Build;
using PlanAtlas.Serve;

namespace PlanAtlas.Cli;

/// <summary>`serve` on the console: the first build as `build` shows it, then one line per rebuild.</summary>
internal static class ServeConsole
{
    public static async Task<int> RunAsync(ServeOptions options, bool verbose, CancellationToken stop)
    {
        var reporter = ConsoleReporter.Create(verbose);
        var first = true;
        BuildResult Build(BuildOptions o, CancellationToken c)
        {
            if (!first) return new SiteBuilder(IBuildProgress.None).Build(o, c);
            first = false;
            return reporter.Run(progress => new SiteBuilder(progress).Build(o, c));
        }

        PreviewSession session;
        try
        {
            session = await PreviewSession.StartAsync(options, new Log(reporter), Build, stop);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            Console.Error.WriteLine($"cannot serve on 127.0.0.1:{options.Port}: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            return (int)BuildOutcome.Cancelled;
        }
        await using (session)
        {
            Console.WriteLine($"serving {session.SiteUrl}");
            Console.WriteLine($"watching {string.Join(", ", session.WatchedFolders)}; Ctrl-C stops");
            try { await Task.Delay(Timeout.Infinite, stop); }
            catch (OperationCanceledException) { }
        }
        return 0;
    }

    private sealed class Log(ConsoleReporter reporter) : IServeLog
    {
        private bool _first = true;

        public void Rebuilding(IReadOnlyList<string> changedFiles) =>
            Console.WriteLine($"{DateTime.Now:HH:mm:ss} changed: {string.Join(", ", changedFiles.Take(5))}{(changedFiles.Count > 5 ? $" (+{changedFiles.Count - 5})" : "")}");

        public void Built(BuildResult result, TimeSpan elapsed)
        {
            if (_first || result.Outcome != BuildOutcome.Built)
            {
                _first = false;
                reporter.Summarize(result);
                if (result.Outcome != BuildOutcome.Built) Console.WriteLine("still serving the last good site");
                return;
            }
            Console.WriteLine($"{DateTime.Now:HH:mm:ss} rebuilt in {elapsed.TotalSeconds:0.00} s: {result.Plans} plans, {result.Pages} pages, " +
                              $"{result.Warnings} warnings, {result.Errors} errors — reloading open pages");
        }
    }
}
