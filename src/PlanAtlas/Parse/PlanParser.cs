using PlanAtlas.Model;
using PlanAtlas.Parse.Regions;

namespace PlanAtlas.Parse;

/// <summary>
/// The parse stage for one document: chrome removed, outline and items found, metadata extracted, then the
/// manifest row (if any) applied on top. Thread-safe: one instance parses every plan.
/// </summary>
public sealed class PlanParser(Gazetteer gazetteer)
{
    public Plan Parse(SourceDocument document, ManifestEntry? manifest = null)
    {
        var diagnostics = new List<Diagnostic>();
        var removed = new List<RemovedText>();
        var body = new List<ParagraphBlock>();
        foreach (var block in document.Blocks.OfType<ParagraphBlock>())
        {
            if (ChromeFilter.ReasonToRemove(block.Text) is { } reason) removed.Add(new RemovedText(block.Line, block.Text, reason));
            else body.Add(block);
        }

        var items = OutlineParser.Parse(body);
        var metadata = MetadataExtractor.Extract(document, body, removed, gazetteer);
        if (manifest is not null) metadata = ManifestOverrides.Apply(metadata, manifest, document.SourceFile, gazetteer, diagnostics);
        if (!items.Any(i => i.Kind != ItemKind.Paragraph))
            diagnostics.Add(new Diagnostic(Severity.Warning, "PA301", PlansFile(document), null,
                "no numbered outline found; the text is kept as unnumbered paragraphs"));

        return new Plan("", document.SourceFile, metadata, items, removed, diagnostics) { Source = document };
    }

    internal static string PlansFile(SourceDocument d) => "plans/" + d.SourceFile;
}
