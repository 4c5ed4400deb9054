using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PlanAtlas.Model;

namespace PlanAtlas.Render.Data;

/// <summary>
/// One plan as JSON: metadata with provenance, items with their spans, removed chrome, and the source lines, so a
/// download is self-contained and its losslessness can be checked. Chinese is written as is (relaxed escaping is
/// safe here: these are .json files, never inlined into HTML).
/// </summary>
public static class PlanJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = false, // 10,000 plans: compact keeps the downloads small; any JSON viewer indents
        // Explicit, so serialisation also works where reflection is off by default (file-based tools, trimming).
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    // note: the English description, as before; note_code: the note's kind, for a reader that words it itself.
    private sealed record Valued<T>(T Value, string Source, string? Note, string? NoteCode);
    private sealed record Source(int Line, string Text);
    private sealed record Span(int Line, int Start, int Length, int? Row, int? Column);

    public static byte[] Serialize(Plan plan)
    {
        var m = plan.Metadata;
        var doc = new
        {
            plan_id = plan.Id,
            source_file = plan.SourceFile,
            metadata = new
            {
                title = V(m.Title),
                subtitle = V(m.Subtitle),
                enclosed_title = V(m.EnclosedTitle),
                issuer = V(m.Issuer),
                doc_number = V(m.DocNumber),
                issued_on = m.IssuedOn is { } d ? new Valued<string>(DataExport.Iso(d.Value), Name(d.Source), d.Note?.ToString(), Code(d.Note)) : null,
                kind = m.Kind is { } k ? new Valued<string>(DataExport.KindName(k.Value), Name(k.Source), k.Note?.ToString(), Code(k.Note)) : null,
                year = m.Year is { } y ? new Valued<int>(y.Value, Name(y.Source), y.Note?.ToString(), Code(y.Note)) : null,
                region = m.Region is { } r ? new Valued<Region>(r.Value, Name(r.Source), r.Note?.ToString(), Code(r.Note)) : null,
                addressees = V(m.Addressees),
                signature = V(m.Signature),
                note = V(m.Note),
                attachments = m.Attachments,
                source_url = V(m.SourceUrl),
                portal = m.Portal?.Fields.Select(f => new { key = f.Key, value = f.Value }),
                text_recognition = m.Recognition is { } ocr ? new { engine = ocr.Engine, mean_confidence = ocr.MeanConfidence, pages = ocr.Pages } : null,
            },
            metadata_spans = plan.MetadataSpans.Select(s => new { field = s.Field, span = S(s.Span) }),
            items = plan.Items.Select(i => new
            {
                id = i.Id,
                path = i.Path,
                level = i.Level,
                kind = i.Kind,
                marker = i.Marker,
                heading = i.Heading,
                text = i.Text,
                parent_id = i.ParentId,
                line = i.Line,
                responsible_units = i.ResponsibleUnits,
                deadlines = i.Deadlines.Select(d => new { text = d.Text, date = d.Date is { } dd ? DataExport.Iso(dd) : null }),
                targets = i.Targets,
                citations = i.Citations,
                slogans = i.Slogans,
                table = i.Table,
                spans = i.Spans.Select(S),
            }),
            removed = plan.Removed.Select(r => new { line = r.Line, start = r.Start, text = r.Text, reason = r.Reason }),
            diagnostics = plan.Diagnostics.Select(d => d.ToString()),
            source = plan.Source?.Blocks.OfType<ParagraphBlock>().Select(b => new Source(b.Line, b.Text)),
        };
        return JsonSerializer.SerializeToUtf8Bytes(doc, Options);
    }

    private static Valued<string>? V(Sourced<string>? s) => s is null ? null : new(s.Value, Name(s.Source), s.Note?.ToString(), Code(s.Note));

    private static string? Code(SourceNote? n) => n is null ? null : JsonNamingPolicy.SnakeCaseLower.ConvertName(n.Kind.ToString());

    private static string Name(Provenance p) => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.ToString());

    private static Span S(SourceSpan s) => new(s.Line, s.Start, s.Length, s.Row, s.Column);
}
