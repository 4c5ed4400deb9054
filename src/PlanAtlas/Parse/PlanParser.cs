using PlanAtlas.Model;
using PlanAtlas.Parse.Regions;
using PlanAtlas.Parse.Details;
using PlanAtlas.Parse.Header;
using PlanAtlas.Parse.Outline;

namespace PlanAtlas.Parse;

/// <summary>
/// The parse stage for one document: chrome removed (and kept), the 公文 frame read as metadata, the outline,
/// enumerations and task tables turned into items, item details extracted, then the manifest row (if any)
/// applied on top. Every character of the body lands in exactly one metadata span, item span or removed span
/// (<see cref="SpanAccounting"/> checks it). Thread-safe: one instance parses every plan.
/// </summary>
public sealed class PlanParser(Gazetteer gazetteer)
{
    public Plan Parse(SourceDocument document, ManifestEntry? manifest = null)
    {
        var file = PlansFile(document);
        var diagnostics = new List<Diagnostic>();
        var frameReader = new FrameReader(file, diagnostics);
        frameReader.Read(document);

        var builder = new OutlineBuilder(gazetteer, file, diagnostics);
        builder.Build(frameReader.Body);
        var drafts = builder.Items;
        HeadingsFromTaskTable(drafts);

        var bodyText = string.Join("\n", frameReader.Body.OfType<BodyLine>().Select(l => l.Text));
        var metadata = MetadataExtractor.Extract(frameReader.Frame, bodyText, gazetteer) with { Recognition = document.Recognition };
        if (manifest is not null) metadata = ManifestOverrides.Apply(metadata, manifest, document.SourceFile, gazetteer, diagnostics);
        if (metadata.Title is null)
            diagnostics.Add(new Diagnostic(Severity.Warning, "PA302", file, null,
                $"no title found in the document (no title line, title field or carried plan's title); give it in plans.csv's title column — until then the site shows '{Plan.Untitled(metadata)}'"));
        if (metadata.Region is null)
            diagnostics.Add(new Diagnostic(Severity.Warning, "PA303", file, null,
                "no region found in the title, issuer or text; give region_code in plans.csv"));
        if (metadata.Year is null)
            diagnostics.Add(new Diagnostic(Severity.Warning, "PA304", file, null, "no year found in the title, date or text; give year in plans.csv"));

        var items = ItemDetails.Complete(drafts, metadata.Year?.Value);
        if (!items.Any(i => i.Kind is ItemKind.Item or ItemKind.Section or ItemKind.TableRow or ItemKind.SubItem))
            diagnostics.Add(new Diagnostic(Severity.Warning, "PA301", file, null,
                "no numbered outline found; the text is kept as unnumbered paragraphs"));

        var removed = frameReader.Removed.OrderBy(r => r.Line).ToList();
        var spans = frameReader.Spans.OrderBy(s => s.Span.Line).ThenBy(s => s.Span.Start).ToList();
        return new Plan("", document.SourceFile, metadata, items, removed, diagnostics)
        {
            Source = document,
            MetadataSpans = spans,
        };
    }

    /// <summary>
    /// Headings that lost their full stop (（一）切实增强政治意识乡镇、各部门要…) are recovered from the document's own
    /// task table, whose 任务 column repeats them.
    /// </summary>
    private static void HeadingsFromTaskTable(IReadOnlyList<ItemDraft> drafts)
    {
        var tasks = drafts.Where(d => d.Table is { ContinuesPrevious: false } && d.Table.Task.Length >= 2)
            .Select(d => d.Table!.Task).Distinct(StringComparer.Ordinal).OrderByDescending(t => t.Length).ToList();
        if (tasks.Count == 0) return;
        foreach (var d in drafts)
        {
            if (d.Rest is null) continue;
            var rest = TextScan.TrimAll(d.Rest);
            var task = tasks.FirstOrDefault(t => rest.StartsWith(t, StringComparison.Ordinal));
            // Only a heading that ran on into the body (it has clause punctuation) is cut back to the task name;
            // a table that abbreviates a complete heading (…整治2024行动。 vs …整治) leaves it alone.
            var ranOn = d.Heading.Length > task?.Length && d.Heading.StartsWith(task, StringComparison.Ordinal)
                        && d.Heading.AsSpan().IndexOfAny(TextScan.ClausePunctuation) >= 0;
            if (task is not null && (d.Heading.Length == 0 || ranOn))
                d.Heading = task;
        }
    }

    internal static string PlansFile(SourceDocument d) => "plans/" + d.SourceFile;
}
