using System.Collections.Concurrent;
using System.Diagnostics;
using PlanAtlas.Build.Cache;
using PlanAtlas.Index;
using PlanAtlas.Render.Charts;
using PlanAtlas.Analyze.Peers;
using PlanAtlas.Analyze.Themes;
using PlanAtlas.Model;
using PlanAtlas.Parse;
using PlanAtlas.Parse.Regions;
using PlanAtlas.Read;
using PlanAtlas.Render;

namespace PlanAtlas.Build;

/// <summary>
/// The whole pipeline, stage by stage: read → parse → analyze → render → index, into a staging folder that
/// replaces the output only when every stage succeeded.
/// </summary>
public sealed class SiteBuilder(IBuildProgress progress)
{
    public const string Read = "read", Parse = "parse", Analyze = "analyze", Render = "render", Index = "index";

    public BuildResult Build(BuildOptions options, CancellationToken cancellation = default)
    {
        var stages = new List<StageTiming>();
        var diagnostics = new List<Diagnostic>();
        int plansCount = 0, itemsCount = 0, pagesCount = 0;
        BuildResult Result(BuildOutcome outcome, string? fatal = null) =>
            new(outcome, plansCount, itemsCount, pagesCount, Sorted(diagnostics), stages, fatal);
        // Cache files written beside later stages: a build that fails after starting them still waits for them, so
        // nothing writes into the cache folder once Build has returned.
        Task? savingMemo = null, savingTerms = null;

        try
        {
            CheckFolders(options);
            using var swap = new OutputSwap(options.OutputDirectory);
            var cache = options.NoCache ? null : CacheFolder.Open(options.CacheDirectory ?? CacheFolder.DefaultFor(options.OutputDirectory));
            var parsedPlans = cache is null ? null : new ParsedPlanCache(cache, ignorePrevious: options.Full);
            var clusterModels = cache is null ? null : new ClusterModelCache(cache, ignorePrevious: options.Full);
            var analysisMemos = cache is null ? null : new AnalysisMemoCache(cache, ignorePrevious: options.Full);
            var searchIndexes = cache is null ? null : new SearchIndexCache(cache, ignorePrevious: options.Full);

            var reader = InputReader.CreateDefault();
            var input = Stage(Read, stages, () => reader.Read(options.InputDirectory, parsedPlans is null ? null : parsedPlans.Known),
                r => r.Known.Count == 0 ? $"{r.Documents.Count} files" : $"{r.Documents.Count + r.Known.Count} files ({r.Known.Count} unchanged)");
            diagnostics.AddRange(input.Diagnostics);
            cancellation.ThrowIfCancellationRequested();
            // Plans known from the cache: most pages will be kept in place, and the commit deletes what the site lost.
            if (input.Known.Count > 0) swap.ListOutputAhead();
            using var collectionFree = options.WithoutCollections ? CollectionFreeRebuild.Start(input.Documents.Count + input.Known.Count, input.Known.Count) : null;
            var settings = input.Settings;
            if (options.BasePath is not null) settings = settings with { BasePath = SiteSettingsLoader.NormalizeBasePath(options.BasePath) };
            if (!string.IsNullOrWhiteSpace(options.BaseUrl)) settings = settings with { BaseUrl = options.BaseUrl.Trim().TrimEnd('/') };

            var (plans, parseDiagnostics) = Stage(Parse, stages, () => CachedParse.Run(input, reader, parsedPlans, cancellation),
                p => parsedPlans is { Hits: > 0 } c ? $"{p.Plans.Count} plans ({c.Hits} from the cache)" : $"{p.Plans.Count} plans");
            diagnostics.AddRange(parseDiagnostics);
            plansCount = plans.Count;
            itemsCount = plans.Sum(p => PlanAtlas.Analyze.Tasks.PlanTasks.Of(p).Count);
            cancellation.ThrowIfCancellationRequested();

            PageCache? LoadPageCache() => cache is null ? null : new PageCache(cache, options.OutputDirectory, ignorePrevious: options.Full);
            (TermSnapshot? Terms, PageTextMemo? Pages) LoadSearchIndex() => (searchIndexes?.Load(), searchIndexes?.LoadPages());
            // A small rebuild, where every tenth of a second shows, reads them while the analysis runs (it leaves part of a
            // core idle); the render and index stages need them only later. A large build reads them when needed, keeping
            // them out of the analysis's peak memory.
            var ahead = collectionFree?.Active == true;
            var pageCacheLoaded = Early(ahead, LoadPageCache);
            var searchIndexLoaded = Early(ahead, LoadSearchIndex);

            var analysis = Stage(Analyze, stages, () =>
            {
                var memo = analysisMemos?.Load(plans.Count);
                var previousModel = clusterModels?.Load();
                // With a memo (a corpus small enough for it) the themes run beside the other steps; peers wait for them.
                var theming = memo is null ? null : Task.Run(() => ThemeAnalyzer.ForInput(input.Taxonomy, settings, plans, previousModel, memo));
                var themed = theming is null ? ThemeAnalyzer.ForInput(input.Taxonomy, settings, plans, previousModel, memo) : default;
                var (peers, reuse) = PeerAnalyzer.CreateDefault().Analyze(plans,
                    () => (theming?.GetAwaiter().GetResult() ?? themed).Analysis.ProfilesByItemShare(), memo);
                var (themes, model, trained) = theming?.GetAwaiter().GetResult() ?? themed;
                if (trained && model is not null) clusterModels?.Save(model);
                // Tens of megabytes: written while the site renders.
                if (memo is not null) savingMemo = Task.Run(() => analysisMemos!.Save(memo));
                return (Corpus: new CorpusAnalysis { Themes = themes, Peers = peers }, Reuse: reuse, Trained: trained);
            }, a => $"{a.Corpus.Themes!.Tags.Count} tagged items, {a.Corpus.Themes.Clustering.Clusters.Count} clusters"
                + (a.Trained ? "" : " (model reused)") + $", {a.Reuse.Links} reuse links").Corpus;
            cancellation.ThrowIfCancellationRequested();

            var themeDirectory = options.ThemeDirectory ?? ThemeFiles.DefaultThemeDirectory();
            // Charts (render) use npm packages: on a fresh clone, `npm ci` once before render needs them. A failure here
            // is reported by the stage that needed the package.
            NodeTools.Find(themeDirectory, AppContext.BaseDirectory, Directory.GetCurrentDirectory())
                ?.EnsureInstalled(ChartWriter.PlotlyPackage, cancellation);
            var theme = new ThemeFiles(themeDirectory, Path.Combine(input.InputDirectory, "theme"));
            var pageCache = pageCacheLoaded();
            var output = new OutputFolder(swap.StagingDirectory) { Reuse = pageCache, Previous = swap.OutputDirectory };
            var renderer = new SiteRenderer(settings, theme, input.Pages);
            Stage(Render, stages, () =>
            {
                renderer.Render(plans, output, diagnostics, analysis);
                return output.PagesWritten;
            }, n => output.PagesReused > 0 ? $"{n} pages ({output.PagesReused} unchanged)" : $"{n} pages");
            pagesCount = output.PagesWritten;
            cancellation.ThrowIfCancellationRequested();

            Stage(Index, stages, () =>
            {
                var previous = searchIndexLoaded();
                var indexer = new SearchIndexer(renderer.Strings) { Analysis = analysis, Previous = previous.Terms, PreviousPages = previous.Pages };
                var records = indexer.Write(plans, output, cancellation);
                savingTerms = searchIndexes is null ? null : Task.Run(() =>
                {
                    searchIndexes.Save(indexer.Snapshot);
                    searchIndexes.SavePages(indexer.Pages);
                });
                return (Records: records, indexer.Updated);
            }, n => n.Updated is { } updated ? $"{n.Records} search records ({updated} updated)" : $"{n.Records} search records");
            cancellation.ThrowIfCancellationRequested();

            parsedPlans?.Save();
            savingMemo?.GetAwaiter().GetResult();
            savingTerms?.GetAwaiter().GetResult();
            if (options.Strict && diagnostics.Any(d => d.Severity >= Severity.Warning))
                return Result(BuildOutcome.StrictFailed, "--strict: there were warnings; the previous output is kept");
            pageCache?.Invalidate();
            swap.Commit(output.Kept);
            pageCache?.Save();
            return Result(BuildOutcome.Built);
        }
        catch (OperationCanceledException)
        {
            return Result(BuildOutcome.Cancelled, "cancelled; the previous output is kept");
        }
        catch (Exception e) when (Failures(e).All(IsExpected))
        {
            // Pages render in parallel, which wraps a template error in an AggregateException.
            return Result(BuildOutcome.Failed, string.Join("; ", Failures(e).Select(i => i.Message).Distinct().Order(StringComparer.Ordinal)));
        }
        catch (Exception e)
        {
            var bug = Failures(e) is [var single] ? single : e;
            return Result(BuildOutcome.Failed, $"a bug in PlanAtlas, not in the input: {bug.GetType().Name}: {bug.Message}") with { Bug = e };
        }
        finally
        {
            // After a success they were awaited above (their failures are the build's); after a failure the build has
            // already failed, and a cache write that failed too only costs the next build time.
            foreach (var saving in new[] { savingMemo, savingTerms })
                saving?.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
        }
    }

    private static IReadOnlyList<Exception> Failures(Exception e) => e is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [e];

    /// <summary>
    /// A failure the build reports as its message: the input's (<see cref="BuildInputException"/>, which names the file
    /// and line) or the file system's (no permission, disk full: the message names the path). Anything else is a bug.
    /// </summary>
    public static bool IsExpected(Exception e) => e is BuildInputException or IOException or UnauthorizedAccessException;

    private T Stage<T>(string name, List<StageTiming> stages, Func<T> run, Func<T, string> summary)
    {
        progress.StageStarted(name);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var collectionsBefore = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToList();
        var clock = Stopwatch.StartNew();
        CollectBetweenStages();
        var result = run();
        process.Refresh();
        var timing = new StageTiming(name, clock.Elapsed, summary(result))
        {
            CpuTime = process.TotalProcessorTime - cpuBefore,
            PeakMemoryBytes = process.PeakWorkingSet64,
            AllocatedBytes = GC.GetTotalAllocatedBytes() - allocatedBefore,
            Collections = collectionsBefore.Select((before, generation) => GC.CollectionCount(generation) - before).ToList(),
        };
        stages.Add(timing);
        progress.StageFinished(timing);
        return result;
    }

    /// <summary><paramref name="load"/> started on another thread now when <paramref name="start"/>, else run when asked for.</summary>
    private static Func<T> Early<T>(bool start, Func<T> load)
    {
        if (!start) return load;
        var loading = Task.Run(load);
        return () => loading.GetAwaiter().GetResult();
    }

    /// <summary>The process's working set above which a stage starts with a full collection (<see cref="CollectBetweenStages"/>).</summary>
    public const long CollectAboveBytes = 768L << 20;

    /// <summary>
    /// Before a stage of a large build, the previous stages' garbage is collected and its memory returned to the system,
    /// so the stage's allocations start from what is live rather than on top of a heap the collector let grow: on a large
    /// corpus the peak is otherwise set by the index stage allocating over the render stage's garbage. Small builds skip it.
    /// </summary>
    private static void CollectBetweenStages()
    {
        // A collection-free rebuild (small by definition) must not end its region here.
        if (Environment.WorkingSet < CollectAboveBytes || System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion) return;
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    /// <summary>The swap deletes the old output: it must never be the input or hold it.</summary>
    private static void CheckFolders(BuildOptions options)
    {
        var input = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.InputDirectory)) + Path.DirectorySeparatorChar;
        var output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.OutputDirectory)) + Path.DirectorySeparatorChar;
        if (input.StartsWith(output, StringComparison.Ordinal) || output.StartsWith(input, StringComparison.Ordinal))
            throw new BuildInputException($"the output folder '{options.OutputDirectory}' must be outside the input folder '{options.InputDirectory}' and must not contain it");
        if (!Directory.Exists(options.InputDirectory))
            throw new BuildInputException($"input folder '{options.InputDirectory}' does not exist");
    }

    private static List<Diagnostic> Sorted(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line ?? 0).ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal).ToList();
}
