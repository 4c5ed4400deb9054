using System.Collections.Concurrent;
using PlanAtlas.Build.Cache;
using PlanAtlas.Model;
using PlanAtlas.Parse;
using PlanAtlas.Parse.Regions;
using PlanAtlas.Read;

namespace PlanAtlas.Build;

/// <summary>
/// The parse stage: every decoded plan parsed on all cores, every plan the cache knows by its bytes loaded instead,
/// then ids assigned over the whole corpus (they depend on the other plans, so they are never cached).
/// </summary>
public static class ParseStage
{
    public static List<Plan> Parse(InputSet input, InputReader reader, ParsedPlanCache? cache, List<Diagnostic> diagnostics,
        CancellationToken cancellation)
    {
        var parser = new PlanParser(Gazetteer.Default);
        var parsed = new ConcurrentBag<Plan>();
        var failures = new ConcurrentBag<Diagnostic>();
        var plansDirectory = Path.Combine(input.InputDirectory, InputReader.PlansFolder);

        void ParseOne(SourceDocument document)
        {
            var file = InputReader.PlansFolder + "/" + document.SourceFile;
            var manifest = input.Manifest.GetValueOrDefault(document.SourceFile);
            try
            {
                var plan = parser.Parse(document, manifest) with { ContentKey = ParsedPlanCache.ContentKey(document.SourceFile, document.ContentHash, manifest) };
                // The lossless property, checked on every real build: a character the record lost is reported.
                var checks = SpanAccounting.Check(plan, document).Take(3)
                    .Select(problem => new Diagnostic(Severity.Warning, "PA390", file, null, $"the parsed record does not account for the text exactly: {problem}"))
                    .ToList();
                foreach (var check in checks) failures.Add(check);
                parsed.Add(plan);
                cache?.Store(document, manifest, plan, [.. InputReader.NoteDiagnostics(document), .. checks]);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One broken plan never takes down the others: it is reported and left out.
                failures.Add(new Diagnostic(Severity.Error, "PA300", file, null, $"could not be parsed: {e.Message}"));
            }
        }

        var options = new ParallelOptions { CancellationToken = cancellation };
        Parallel.ForEach(input.Documents, options, ParseOne);
        Parallel.ForEach(input.Known, options, known =>
        {
            var manifest = input.Manifest.GetValueOrDefault(known.SourceFile);
            if (cache?.TryLoad(known, manifest, () => reader.ReadPlan(plansDirectory, known.SourceFile, [])) is var (plan, cached))
            {
                parsed.Add(plan with { ContentKey = ParsedPlanCache.ContentKey(known.SourceFile, known.ContentHash, manifest) });
                foreach (var d in cached) failures.Add(d);
                return;
            }
            // Known by its bytes but not usable (its manifest row changed, the record is damaged): read and parse it again.
            var readDiagnostics = new List<Diagnostic>();
            var document = reader.ReadPlan(plansDirectory, known.SourceFile, readDiagnostics);
            foreach (var d in readDiagnostics) failures.Add(d);
            if (document is not null) ParseOne(document);
        });
        diagnostics.AddRange(failures);
        var plans = PlanIds.Assign(parsed);
        diagnostics.AddRange(plans.SelectMany(p => p.Diagnostics));
        return plans.ToList();
    }

}
