using System.Collections.Concurrent;
using System.Diagnostics;
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

        try
        {
            CheckFolders(options);
            using var swap = new OutputSwap(options.OutputDirectory);

            var input = Stage(Read, stages, () => InputReader.CreateDefault().Read(options.InputDirectory),
                r => $"{r.Documents.Count} files");
            diagnostics.AddRange(input.Diagnostics);
            cancellation.ThrowIfCancellationRequested();
            var settings = input.Settings;
            if (options.BasePath is not null) settings = settings with { BasePath = SiteSettingsLoader.NormalizeBasePath(options.BasePath) };
            if (!string.IsNullOrWhiteSpace(options.BaseUrl)) settings = settings with { BaseUrl = options.BaseUrl.Trim().TrimEnd('/') };

            var plans = Stage(Parse, stages, () => ParseAll(input, diagnostics, cancellation), p => $"{p.Count} plans");
            plansCount = plans.Count;
            itemsCount = plans.Sum(p => p.Items.Count(i => i.Kind != ItemKind.Paragraph));
            cancellation.ThrowIfCancellationRequested();

            var analysis = Stage(Analyze, stages, () =>
            {
                var themes = ThemeAnalyzer.ForInput(input.InputDirectory, settings, plans, diagnostics);
                // Peers "most similar by themes" compare the plans' theme profiles, so themes come first.
                var (peers, reuse) = PeerAnalyzer.CreateDefault().Analyze(plans, themes.ProfilesByItemShare());
                return (Corpus: new CorpusAnalysis { Themes = themes, Peers = peers }, Reuse: reuse);
            }, a => $"{a.Corpus.Themes!.Tags.Count} tagged items, {a.Corpus.Themes.Clustering.Clusters.Count} clusters, {a.Reuse.Links} reuse links").Corpus;
            cancellation.ThrowIfCancellationRequested();

            var themeDirectory = options.ThemeDirectory ?? ThemeFiles.DefaultThemeDirectory();
            // Charts (render) use npm packages: on a fresh clone, `npm ci` once before render needs them. A failure here
            // is reported by the stage that needed the package.
            NodeTools.Find(NodeTools.Lockfile, themeDirectory, AppContext.BaseDirectory, Directory.GetCurrentDirectory())
                ?.EnsureInstalled(ChartWriter.PlotlyPackage, cancellation);
            var theme = new ThemeFiles(themeDirectory, Path.Combine(input.InputDirectory, "theme"));
            var output = new OutputFolder(swap.StagingDirectory);
            var renderer = new SiteRenderer(settings, theme, input.Pages);
            Stage(Render, stages, () =>
            {
                renderer.Render(plans, output, diagnostics, analysis);
                return output.PagesWritten;
            }, n => $"{n} pages");
            pagesCount = output.PagesWritten;
            cancellation.ThrowIfCancellationRequested();

            Stage(Index, stages, () => new SearchIndexer(renderer.Strings) { Analysis = analysis }.Write(plans, output, cancellation),
                n => $"{n} search records");
            cancellation.ThrowIfCancellationRequested();

            if (options.Strict && diagnostics.Any(d => d.Severity >= Severity.Warning))
                return Result(BuildOutcome.StrictFailed, "--strict: there were warnings; the previous output is kept");
            swap.Commit();
            return Result(BuildOutcome.Built);
        }
        catch (OperationCanceledException)
        {
            return Result(BuildOutcome.Cancelled, "cancelled; the previous output is kept");
        }
        catch (Exception e) when (IsBuildFailure(e))
        {
            return Result(BuildOutcome.Failed, e.Message);
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.All(IsBuildFailure))
        {
            // Pages render in parallel, which wraps a template error in an AggregateException.
            return Result(BuildOutcome.Failed, string.Join("; ", e.Flatten().InnerExceptions.Select(i => i.Message).Distinct().Order(StringComparer.Ordinal)));
        }
    }

    /// <summary>Failures the build reports as a message (bad input, theme, file system), as opposed to bugs.</summary>
    private static bool IsBuildFailure(Exception e) =>
        e is BuildInputException or IOException or UnauthorizedAccessException or TemplateException
            or Scriban.Syntax.ScriptRuntimeException or InvalidOperationException;

    private static List<Plan> ParseAll(InputSet input, List<Diagnostic> diagnostics, CancellationToken cancellation)
    {
        var parser = new PlanParser(Gazetteer.Default);
        var parsed = new ConcurrentBag<Plan>();
        var failures = new ConcurrentBag<Diagnostic>();
        Parallel.ForEach(input.Documents, new ParallelOptions { CancellationToken = cancellation }, document =>
        {
            try
            {
                var plan = parser.Parse(document, input.Manifest.GetValueOrDefault(document.SourceFile));
                // The lossless property, checked on every real build: a character the record lost is reported.
                foreach (var problem in SpanAccounting.Check(plan, document).Take(3))
                    failures.Add(new Diagnostic(Severity.Warning, "PA390", "plans/" + document.SourceFile, null, $"the parsed record does not account for the text exactly: {problem}"));
                parsed.Add(plan);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One broken plan never takes down the others: it is reported and left out.
                failures.Add(new Diagnostic(Severity.Error, "PA300", "plans/" + document.SourceFile, null, $"could not be parsed: {e.Message}"));
            }
        });
        diagnostics.AddRange(failures);
        var plans = PlanIds.Assign(parsed);
        diagnostics.AddRange(plans.SelectMany(p => p.Diagnostics));
        return plans.ToList();
    }

    private T Stage<T>(string name, List<StageTiming> stages, Func<T> run, Func<T, string> summary)
    {
        progress.StageStarted(name);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = run();
        process.Refresh();
        var timing = new StageTiming(name, clock.Elapsed, summary(result))
        {
            CpuTime = process.TotalProcessorTime - cpuBefore,
            PeakMemoryBytes = process.PeakWorkingSet64,
        };
        stages.Add(timing);
        progress.StageFinished(timing);
        return result;
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
