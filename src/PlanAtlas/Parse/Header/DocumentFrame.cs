using PlanAtlas.Model;

namespace PlanAtlas.Parse;

/// <summary>
/// What surrounds the body of a document, as read from its lines: the 公文 header (发文字号, banner, title,
/// 主送机关), the closing (signature, 成文日期, 附注, 附件说明), a portal block, and the title a notice restates.
/// Each part keeps its line so metadata can be traced and diagnostics can point at it.
/// </summary>
internal sealed class DocumentFrame
{
    public readonly record struct Part(int Line, string Text);

    public List<Part> TitleLines { get; } = [];
    public Part? Subtitle;
    public Part? Banner;
    public (Part Part, DocNumbers.Result Result)? DocNumber;
    public (Part Part, DocumentDates.Result Result)? HeaderDate;
    public Part? Addressees;
    public Part? Signature;
    public (Part Part, DocumentDates.Result Result)? ClosingDate;
    public Part? Note;
    public List<string> Attachments { get; } = [];
    public Part? EnclosedTitle;
    public List<PortalBlockReader.Pair> Portal { get; } = [];
    public int? PortalLine;

    public string? Title => TitleLines.Count == 0 ? null : string.Concat(TitleLines.Select(t => TextScan.TrimAll(t.Text)));
}

/// <summary>
/// Sorts a document's blocks into chrome (removed, with a reason), frame (metadata spans) and body (handed to
/// the outline builder), in one pass with a little look-ahead.
/// </summary>
internal sealed class FrameReader(string file, List<Diagnostic> diagnostics)
{
    public DocumentFrame Frame { get; } = new();
    public List<RemovedText> Removed { get; } = [];
    public List<MetadataSpan> Spans { get; } = [];
    public List<BodyUnit> Body { get; } = [];

    public void Read(SourceDocument document)
    {
        // 1. Chrome and portal lines, whatever their position.
        var units = new List<BodyUnit>();
        foreach (var block in document.Blocks)
        {
            if (block is TableBlock t) { units.Add(new BodyTable(t)); continue; }
            var p = (ParagraphBlock)block;
            if (TextScan.IsBlank(p.Text)) continue;
            if (PortalBlockReader.Read(p.Text) is { } pairs)
            {
                Frame.PortalLine ??= p.Line;
                foreach (var pair in pairs)
                {
                    Frame.Portal.Add(pair);
                    Spans.Add(new MetadataSpan("portal:" + pair.Key, new SourceSpan(p.Line, pair.Start, pair.Length)));
                }
                continue;
            }
            if (ChromeFilter.ReasonToRemove(p.Text) is { } reason) { Removed.Add(new RemovedText(p.Line, p.Text, reason)); continue; }
            units.Add(new BodyLine(p.Line, p.Text));
        }

        // 2. The header, up to the first line of body text.
        var i = ReadHeader(units);

        // 3. The rest: frame parts that close the document or restate the title; everything else is body.
        var seenOutline = false;
        var inTable = false;
        for (; i < units.Count; i++)
        {
            if (units[i] is not BodyLine line) { Body.Add(units[i]); continue; }
            var t = TextScan.TrimAll(line.Text);
            if (IsRepeatedTitle(t)) { Removed.Add(new RemovedText(line.Line, line.Text, "repeated page header")); continue; }
            if (!inTable && TaskTableParser.HeaderLength(units.Skip(i).Take(12).OfType<BodyLine>().Select(b => b.Text).ToList(), 0) > 0) inTable = true;
            if (inTable) { Body.Add(line); continue; }
            if (OutlineMarker.Match(line.Text) is not null) seenOutline = true;
            else if (TryClosing(units, ref i, line, t, seenOutline)) continue;
            Body.Add(line);
        }
    }

    private int ReadHeader(List<BodyUnit> units)
    {
        var i = 0;
        string? lastRole = null;
        for (; i < units.Count && units[i] is BodyLine line; i++)
        {
            var t = TextScan.TrimAll(line.Text);
            if (OutlineMarker.Match(line.Text) is not null || InlineEnumeration.AtLineStart(line.Text, out _, out _) > 0
                || DocumentParts.IsAttachmentHeading(t) || TaskTableParser.HeaderColumn(t) is not null) break;
            var part = new DocumentFrame.Part(line.Line, line.Text);
            if (Frame.DocNumber is null && DocNumbers.Parse(t) is { } number)
            {
                Frame.DocNumber = (part, number);
                Add("doc_number", line);
                if (number.Repaired)
                    diagnostics.Add(new Diagnostic(Severity.Warning, "PA310", file, line.Line, $"document number {number.Note} as {number.Value}"));
                else if (!number.Complete)
                    diagnostics.Add(new Diagnostic(Severity.Warning, "PA311", file, line.Line, $"document number is mangled: {number.Note}; kept as {number.Value}"));
                lastRole = "doc_number";
                continue;
            }
            if (Frame.HeaderDate is null && DocumentDates.Parse(t) is { } date)
            {
                Frame.HeaderDate = (part, date);
                Add("issued_on", line);
                ReportDate(date, line.Line);
                lastRole = "date";
                continue;
            }
            if (Frame.Addressees is null && DocumentParts.IsAddressees(t)) { Frame.Addressees = part; Add("addressees", line); lastRole = "addressees"; continue; }
            if (Frame.Title is null && Frame.Banner is null && DocumentParts.IsOrganisation(t)) { Frame.Banner = part; Add("issuer", line); lastRole = "banner"; continue; }
            if (Frame.Title is null && DocumentParts.IsTitle(t))
            {
                Frame.TitleLines.Add(part);
                Add("title", line);
                // A title broken over lines: 宜春市安委会关于印发宜春市2023年 / 安全生产工作要点的通知.
                while (!DocumentParts.EndsWithDocumentType(Frame.Title!) && i + 1 < units.Count && units[i + 1] is BodyLine next
                       && TextScan.TrimAll(next.Text) is var nt && nt.Length <= 40 && !nt.Contains('。') && !nt.Contains('，')
                       && DocumentParts.HasTitleWord(nt) && OutlineMarker.Match(nt) is null)
                {
                    Frame.TitleLines.Add(new DocumentFrame.Part(next.Line, next.Text));
                    Add("title", next);
                    i++;
                }
                lastRole = "title";
                continue;
            }
            if (Frame.Title is not null && IsRepeatedTitle(t)) { Removed.Add(new RemovedText(line.Line, line.Text, "repeated page header")); continue; }
            var short_ = t.Length <= 40 && !t.Contains('。') && !t.Contains('，') && !t.Contains(',');
            if (Frame.Title is null && short_ && !DocumentParts.IsAddressees(t))
            {
                // A news headline: no document type, but the first short line above the text.
                Frame.TitleLines.Add(part);
                Add("title", line);
                lastRole = "title";
                continue;
            }
            if (lastRole == "title" && Frame.Subtitle is null && short_ && !DocumentParts.IsOrganisation(t))
            {
                Frame.Subtitle = part;
                Add("subtitle", line);
                lastRole = "subtitle";
                continue;
            }
            break;
        }
        return i;
    }

    private bool TryClosing(List<BodyUnit> units, ref int i, BodyLine line, string t, bool seenOutline)
    {
        var next = NextLine(units, i);
        if (DocumentParts.IsOrganisation(t) && next is not null && DocumentDates.Parse(next.Text) is { } signed)
        {
            Frame.Signature ??= new(line.Line, line.Text);
            Add("signature", line);
            SetClosingDate(next, signed);
            i++;
            return true;
        }
        if (DocumentDates.Parse(t) is { } date) { SetClosingDate(line, date); return true; }
        if (DocumentParts.IsNote(t)) { Frame.Note ??= new(line.Line, line.Text); Add("note", line); return true; }
        if (seenOutline && DocumentParts.IsRecordLine(t)) { Add("record", line); return true; }
        if (DocumentParts.IsAttachmentNote(t))
        {
            Frame.Attachments.AddRange(DocumentParts.AttachmentNames(t));
            Add("attachments", line);
            // 附件：1.甲 on one line, 2.乙 on the next.
            while (NextLine(units, i) is { } more && TextScan.TrimAll(more.Text) is var mt && mt.Length <= 60 && !mt.Contains('。')
                   && (mt.StartsWith("2.") || mt.StartsWith("2．") || mt.StartsWith("3.") || mt.StartsWith("3．") || mt.StartsWith("4.") || mt.StartsWith("4．"))
                   && Frame.Attachments.Count >= 1 && TextScan.TrimAll(line.Text).Contains("1"))
            {
                Frame.Attachments.AddRange(DocumentParts.AttachmentNames("：" + mt[2..]));
                Add("attachments", more);
                i++;
            }
            return true;
        }
        if (!seenOutline && Frame.Title is not null && Frame.EnclosedTitle is null && DocumentParts.IsTitle(t) && t.Length <= 40 && !t.Contains('，') && !t.Contains(','))
        {
            Frame.EnclosedTitle = new(line.Line, line.Text);
            Add("enclosed_title", line);
            return true;
        }
        return false;
    }

    private void SetClosingDate(BodyLine line, DocumentDates.Result date)
    {
        Frame.ClosingDate ??= (new(line.Line, line.Text), date);
        Add("issued_on", line);
        ReportDate(date, line.Line);
    }

    private void ReportDate(DocumentDates.Result date, int line)
    {
        if (date.Repaired)
            diagnostics.Add(new Diagnostic(Severity.Warning, "PA312", file, line, $"date {date.Note}"));
    }

    private static BodyLine? NextLine(List<BodyUnit> units, int i) => i + 1 < units.Count ? units[i + 1] as BodyLine : null;

    private bool IsRepeatedTitle(string t)
    {
        if (Frame.TitleLines.Count == 0 || t.Length < 6) return false;
        return t == Frame.Title || Frame.TitleLines.Any(l => TextScan.TrimAll(l.Text) == t)
            || Frame.Subtitle is { } s && TextScan.TrimAll(s.Text) == t;
    }

    private void Add(string field, BodyLine line) => Spans.Add(new MetadataSpan(field, new SourceSpan(line.Line, 0, line.Text.Length)));
}
