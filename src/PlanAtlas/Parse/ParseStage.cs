using PlanAtlas.Model;
using PlanAtlas.Parse.Regions;

namespace PlanAtlas.Parse;

/// <summary>One decoded plan parsed: its record (null when it could not be parsed) and the messages about it.</summary>
public sealed record ParsedPlan(Plan? Plan, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// The parse stage as plain functions, with no knowledge of caching: each decoded plan becomes a record (plans are
/// independent, so the driver may parse them on all cores or load earlier records instead), then the corpus gets its
/// ids, which depend on every plan and so are never kept from an earlier build.
/// </summary>
public static class ParseStage
{
    /// <summary>Messages about a record are capped: the first few say what went wrong.</summary>
    public const int MaxLosslessProblems = 3;

    /// <param name="file">The plan's path as messages name it (plans/…).</param>
    public static ParsedPlan ParseOne(PlanParser parser, SourceDocument document, ManifestEntry? manifest, string file)
    {
        try
        {
            var plan = parser.Parse(document, manifest);
            // The lossless property, checked on every real build: a character the record lost is reported.
            var checks = SpanAccounting.Check(plan, document).Take(MaxLosslessProblems)
                .Select(problem => new Diagnostic(Severity.Warning, "PA390", file, null, $"the parsed record does not account for the text exactly: {problem}"))
                .ToList();
            return new ParsedPlan(plan, checks);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One broken plan never takes down the others: it is reported and left out.
            return new ParsedPlan(null, [new Diagnostic(Severity.Error, "PA300", file, null, $"could not be parsed: {e.Message}")]);
        }
    }

    /// <summary>Ids over the whole corpus, and the messages each plan carries (PlanIds, metadata repairs).</summary>
    public static (IReadOnlyList<Plan> Plans, IReadOnlyList<Diagnostic> Diagnostics) Corpus(IEnumerable<Plan> plans)
    {
        var assigned = PlanIds.Assign(plans);
        return (assigned, assigned.SelectMany(p => p.Diagnostics).ToList());
    }

    /// <summary>The parser every build uses: the default gazetteer.</summary>
    public static PlanParser DefaultParser() => new(Gazetteer.Default);
}
