using System.Collections.Concurrent;
using PlanAtlas.Build.Cache;
using PlanAtlas.Model;
using PlanAtlas.Parse;
using PlanAtlas.Read;

namespace PlanAtlas.Build;

/// <summary>
/// Where the build decides what of the parse stage (<see cref="ParseStage"/>) it can reuse: every plan the cache knows by
/// its bytes is loaded instead of parsed, every other decoded plan is parsed on all cores and stored, then the corpus
/// gets its ids.
/// </summary>
public static class CachedParse
{
    public static (List<Plan> Plans, IReadOnlyList<Diagnostic> Diagnostics) Run(InputSet input, InputReader reader, ParsedPlanCache? cache,
        CancellationToken cancellation)
    {
        var parser = ParseStage.DefaultParser();
        var parsed = new ConcurrentBag<Plan>();
        var messages = new ConcurrentBag<Diagnostic>();
        var plansDirectory = Path.Combine(input.InputDirectory, InputReader.PlansFolder);

        void ParseOne(SourceDocument document)
        {
            var manifest = input.Manifest.GetValueOrDefault(document.SourceFile);
            var (plan, diagnostics) = ParseStage.ParseOne(parser, document, manifest, InputReader.PlansFolder + "/" + document.SourceFile);
            foreach (var d in diagnostics) messages.Add(d);
            if (plan is null) return;
            plan = plan with { ContentKey = ParsedPlanCache.ContentKey(document.SourceFile, document.ContentHash, manifest) };
            parsed.Add(plan);
            cache?.Store(document, manifest, plan, [.. InputReader.NoteDiagnostics(document), .. diagnostics]);
        }

        var options = new ParallelOptions { CancellationToken = cancellation };
        Parallel.ForEach(input.Documents, options, ParseOne);
        Parallel.ForEach(input.Known, options, known =>
        {
            var manifest = input.Manifest.GetValueOrDefault(known.SourceFile);
            if (cache?.TryLoad(known, manifest, () => reader.ReadPlan(plansDirectory, known.SourceFile, [])) is var (plan, cached))
            {
                parsed.Add(plan with { ContentKey = ParsedPlanCache.ContentKey(known.SourceFile, known.ContentHash, manifest) });
                foreach (var d in cached) messages.Add(d);
                return;
            }
            // Known by its bytes but not usable (its manifest row changed, the record is damaged): read and parse it again.
            var readDiagnostics = new List<Diagnostic>();
            var document = reader.ReadPlan(plansDirectory, known.SourceFile, readDiagnostics);
            foreach (var d in readDiagnostics) messages.Add(d);
            if (document is not null) ParseOne(document);
        });
        var (plans, corpus) = ParseStage.Corpus(parsed);
        return (plans.ToList(), [.. messages, .. corpus]);
    }
}
