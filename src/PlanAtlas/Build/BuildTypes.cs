using PlanAtlas.Model;

namespace PlanAtlas.Build;

/// <param name="BasePath">Overrides site.yml's base_path when given.</param>
/// <param name="ThemeDirectory">The theme to use; null picks the default theme.</param>
public sealed record BuildOptions(string InputDirectory, string OutputDirectory, string? BasePath = null, bool Strict = false, string? ThemeDirectory = null)
{
    /// <summary>Overrides site.yml's base_url (the site's origin, e.g. https://owner.github.io) when given.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>The build cache folder; null puts it beside the output (<see cref="Cache.CacheFolder.DefaultFor"/>).</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Use no cache at all: nothing is read from or written to a cache folder.</summary>
    public bool NoCache { get; init; }

    /// <summary>--full: recompute everything (the cache is rewritten, not read).</summary>
    public bool Full { get; init; }

    /// <summary>
    /// The process ends with this build (the `build` command): a small incremental build may then allocate without
    /// garbage collections (<see cref="CollectionFreeRebuild"/>). A process that goes on (the preview server, the
    /// tests) leaves it off, or the region's garbage would stay until its next collection.
    /// </summary>
    public bool WithoutCollections { get; init; }
}

/// <summary>One stage's cost. <see cref="PeakMemoryBytes"/> is the process's peak working set when the stage ended.</summary>
public sealed record StageTiming(string Stage, TimeSpan Elapsed, string Summary)
{
    public TimeSpan CpuTime { get; init; }
    public long PeakMemoryBytes { get; init; }

    /// <summary>Bytes the stage allocated on the managed heap (the garbage collector's work grows with it).</summary>
    public long AllocatedBytes { get; init; }

    /// <summary>Collections of each generation (0, 1, 2) during the stage.</summary>
    public IReadOnlyList<int> Collections { get; init; } = [];
}

public enum BuildOutcome
{
    /// <summary>The site was built and swapped in (warnings allowed).</summary>
    Built = 0,
    /// <summary>The build could not run or failed; the previous output is untouched.</summary>
    Failed = 1,
    /// <summary>--strict and there were warnings or errors: the site was not swapped in.</summary>
    StrictFailed = 3,
    /// <summary>Cancelled (Ctrl-C, SIGTERM); the previous output is untouched.</summary>
    Cancelled = 130,
}

public sealed record BuildResult(
    BuildOutcome Outcome,
    int Plans,
    int Items,
    int Pages,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<StageTiming> Stages,
    string? FatalError = null)
{
    /// <summary>The unexpected exception the build failed on (a bug in PlanAtlas, not in the input), for its stack trace.</summary>
    public Exception? Bug { get; init; }

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);
}

/// <summary>How the pipeline reports its progress; the CLI shows it with Spectre.Console, tests ignore it.</summary>
public interface IBuildProgress
{
    void StageStarted(string stage);
    void StageFinished(StageTiming timing);

    public static readonly IBuildProgress None = new Silent();

    private sealed class Silent : IBuildProgress
    {
        public void StageStarted(string stage) { }
        public void StageFinished(StageTiming timing) { }
    }
}
