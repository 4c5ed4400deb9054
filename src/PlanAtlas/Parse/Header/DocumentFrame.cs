using PlanAtlas.Model;
using PlanAtlas.Parse.Details;
using PlanAtlas.Parse.Outline;

namespace PlanAtlas.Parse.Header;

/// <summary>
/// What surrounds the body of a document, as read from its lines: the 公文 header (发文字号, banner, title,
/// 主送机关), the closing (signature, 成文日期, 附注, 附件说明), a portal block, and the title a notice restates.
/// Each part keeps its line so metadata can be traced and diagnostics can point at it.
/// </summary>
internal sealed class DocumentFrame
{
    public readonly record struct Part(int Line, string Text);

    /// <summary>Every title-like line group of the header, in order; <see cref="Title"/> is the one chosen.</summary>
    public List<TitleCandidate> Titles { get; } = [];
    public TitleCandidate? Chosen;
    public Part? Subtitle;
    public Part? Banner;
    public (Part Part, DocNumbers.Result Result)? DocNumber;
    public (Part Part, DocumentDates.Result Result)? HeaderDate;
    public Part? Addressees;
    public Part? Signature;
    public (Part Part, DocumentDates.Result Result)? ClosingDate;
    public Part? Note;
    public List<string> Attachments { get; } = [];
    /// <summary>The title of the plan a notice carries, as restated above it (its lines joined).</summary>
    public Part? EnclosedTitle;
    public List<PortalBlockReader.Pair> Portal { get; } = [];
    public int? PortalLine;

    public string? Title => Chosen?.Text;
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

    /// <summary>Plans a notice names (关于印发《X》的通知, 现将《X》印发给你们): the lines that restate one are its enclosed title.</summary>
    private readonly List<string> _named = [];

    /// <summary>Right after the restated plan title: the plan's cover lines (its author, the month it was drawn up) may follow.</summary>
    private bool _cover;

    public void Read(SourceDocument document)
    {
        // 1. Chrome and portal lines, whatever their position; lines that hold several parts are cut apart.
        var units = RunTogetherLines.SplitFlattened(FirstPass(document));
        foreach (var (key, value) in document.ContainerMetadata)
            if (!key.Contains(':') || key.StartsWith("meta:", StringComparison.Ordinal))
                Frame.Portal.Add(new PortalBlockReader.Pair(key.StartsWith("meta:", StringComparison.Ordinal) ? key[5..] : key, value, 0, 0));

        // 2. The header, up to the first line of body text.
        var i = ReadHeader(units);
        units = RunTogetherLines.SplitRunInMarkers(units, i);

        // 3. The rest: frame parts that close the document or restate the title; everything else is body.
        var seenOutline = false;
        var inTable = false;
        for (; i < units.Count; i++)
        {
            if (units[i] is not BodyLine line) { Body.Add(units[i]); continue; }
            var t = TextScan.TrimAll(line.Text);
            // The plan's own title restated under the notice may repeat the page's headline: it is the enclosed title.
            if (!seenOutline && Frame.EnclosedTitle is null && RestatesNamedPlan(units, i) is var restated and > 0)
            {
                i += restated - 1;
                _cover = true;
                continue;
            }
            if (IsRepeatedTitle(t)) { Removed.Add(Removal(line, "repeated page header")); continue; }
            if (_cover && !seenOutline && IsPlanCover(units, i, t)) { Add("plan_cover", line); continue; }
            _cover = false;
            if (!inTable && TaskTableParser.HeaderLength(units.Skip(i).Take(12).OfType<BodyLine>().Select(b => b.Text).ToList(), 0) > 0) inTable = true;
            if (inTable) { Body.Add(line); continue; }
            if (OutlineMarker.Match(line.Text) is not null) seenOutline = true;
            else if (TryClosing(units, ref i, line, t, seenOutline)) continue;
            if (!seenOutline) Name(t);
            Body.Add(line);
        }
        TitleChoice.Choose(Frame, HasFrame);
        foreach (var c in Frame.Titles)
            foreach (var part in c.Lines)
                Spans.Add(new MetadataSpan(c == Frame.Chosen || c.Text == Frame.Title ? "title" : "headline", part));
    }

    private bool HasFrame => Frame.Addressees is not null || Frame.Signature is not null || Frame.DocNumber is not null || Frame.ClosingDate is not null;

    /// <summary>Portal lines (one line each, or a vertical table's label then value), empty table cells, chrome.</summary>
    private List<BodyUnit> FirstPass(SourceDocument document)
    {
        var units = new List<BodyUnit>();
        string? label = null;
        // A vertical table (one cell per line) has no row of several cells: a lone label after such rows ends a horizontal table.
        var wideRows = false;
        var blocks = document.Blocks;
        for (var b = 0; b < blocks.Count; b++)
        {
            if (blocks[b] is TableBlock t) { units.Add(new BodyTable(t)); continue; }
            var p = (ParagraphBlock)blocks[b];
            if (TextScan.IsBlank(p.Text)) continue;
            var text = p.Text;
            if (label is not null)
            {
                var key = label;
                label = null;
                if (PortalBlockReader.LabelAlone(text) is null && PipeCells.Split(text) is { Count: 1 } value && PipeCells.EndsWithPipe(text))
                {
                    AddPortal(p.Line, new PortalBlockReader.Pair(key, value[0].Text, 0, text.Length));
                    continue;
                }
            }
            if (PortalBlockReader.LabelAlone(text) is { } alone)
            {
                AddPortal(p.Line, new PortalBlockReader.Pair(alone, "", 0, text.Length));
                if (!wideRows) label = alone;
                continue;
            }
            if (PortalBlockReader.Read(text) is { } pairs)
            {
                foreach (var pair in pairs) AddPortal(p.Line, pair);
                wideRows |= PipeCells.Split(text) is { Count: > 1 };
                continue;
            }
            if (PipeCells.IsEmptyRow(text)) { Removed.Add(new RemovedText(p.Line, text, "empty table cells")); continue; }
            if (units.Count == 0 && Frame.Portal.Count == 0 && PortalBlockReader.IsIndexNumber(TextScan.TrimAll(text)))
            {
                b = ValuesWithoutLabels(blocks, b);
                continue;
            }
            if (ChromeFilter.ReasonToRemove(text) is { } reason) { Removed.Add(new RemovedText(p.Line, text, reason)); continue; }
            units.Add(new BodyLine(p.Line, text));
        }
        return units;
    }

    private void AddPortal(int line, PortalBlockReader.Pair pair)
    {
        Frame.PortalLine ??= line;
        Frame.Portal.Add(pair);
        Spans.Add(new MetadataSpan("portal:" + pair.Key, new SourceSpan(line, pair.Start, pair.Length)));
    }

    /// <summary>
    /// A portal block whose labels were lost, values one per line (索引号, 发布机构, 主题分类, 生成日期, 标题, 有效性,
    /// 废止日期, 发布日期, 文号): each value is read by its form. The block ends at a line of another form, at a value
    /// the block already gave (the page's own title follows) or after the 文号, the block's last field.
    /// Returns the index of the block's last line.
    /// </summary>
    private int ValuesWithoutLabels(IReadOnlyList<SourceBlock> blocks, int first)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var dates = 0;
        var b = first;
        var last = first;
        for (; b < blocks.Count; b++)
        {
            if (blocks[b] is not ParagraphBlock p) break;
            if (TextScan.IsBlank(p.Text)) continue;
            var v = TextScan.TrimAll(p.Text);
            string? key = b == first ? "索引号"
                : v.Length > 60 || seen.Contains(v) ? null
                : DocNumbers.Parse(v) is not null ? "文号"
                : DocumentDates.Parse(v) is not null ? (dates++ == 0 ? "生成日期" : "发布日期")
                : DocumentParts.IsTitle(v) ? "标题"
                : DocumentParts.IsOrganisation(v) ? "发布机构"
                : v is "有效" or "失效" or "废止" or "已废止" ? "有效性"
                : v is "无" ? "废止日期"
                : v.Length <= 30 && v.AsSpan().IndexOfAny(";；") >= 0 && !v.Contains('。') ? "主题分类"
                : null;
            if (key is null) break;
            seen.Add(v);
            AddPortal(p.Line, new PortalBlockReader.Pair(key, v, 0, p.Text.Length));
            last = b;
            if (key == "文号") break;
        }
        return last;
    }

    private int ReadHeader(List<BodyUnit> units)
    {
        var i = 0;
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
                continue;
            }
            if (Frame.HeaderDate is null && DocumentDates.Parse(t) is { } date)
            {
                Frame.HeaderDate = (part, date);
                Add("issued_on", line);
                ReportDate(date, line.Line);
                continue;
            }
            if (Frame.Addressees is null && DocumentParts.IsAddressees(t)) { Frame.Addressees = part; Add("addressees", line); continue; }
            if (Frame.Addressees is null && SplitAddressees(units, i)) { i--; continue; }
            if (Frame.EnclosedTitle is null && RestatesNamedPlan(units, i) is var restated and > 0) { i += restated - 1; continue; }
            if (IsRepeatedTitle(t)) { Removed.Add(Removal(line, "repeated page header")); continue; }
            if (DocumentParts.IsOrganisation(t))
            {
                // A signature right under the addressees: the header has ended (a notice without a title line).
                if (NextLine(units, i) is { } after && DocumentDates.Parse(after.Text) is not null) break;
                if (Frame.Banner is null) { Frame.Banner = part; Add("issuer", line); continue; }
            }
            if (TitleGroup(units, i, out var lines) is { } candidate)
            {
                if (candidate.Kind == TitleKind.Notice && candidate.Text.StartsWith("关于", StringComparison.Ordinal) && i > 0
                    && units[i - 1] is BodyLine previous && Frame.Banner is { } banner && banner.Line == previous.Line)
                    candidate = candidate with { Text = DocumentParts.OrganisationName(TextScan.TrimAll(banner.Text)) + candidate.Text, Banner = true };
                Frame.Titles.Add(candidate);
                foreach (var name in NamedIn(candidate.Text)) _named.Add(name);
                i += lines - 1;
                continue;
            }
            break;
        }
        return i;
    }

    /// <summary>
    /// The title-like line group starting at <paramref name="i"/>: a notice or plan title with the lines it runs
    /// over (宜春市安委会关于印发宜春市2023年 / 安全生产工作要点的通知; …工作的 / 通    知), or up to two short lines
    /// of a news headline. Null when the line is body text.
    /// </summary>
    private TitleCandidate? TitleGroup(List<BodyUnit> units, int i, out int lines)
    {
        lines = 0;
        var first = (BodyLine)units[i];
        var t = TextScan.TrimAll(first.Text);
        // A title in a table cell of its own (关于印发…的通知 |) is read without the pipe.
        if (PipeCells.EndsWithPipe(t) && PipeCells.Split(t) is { Count: 1 }) t = PipeCells.WithoutPipe(t);
        var text = WithoutBreadcrumb(PortalColumnPrefix(t));
        // 关于印发…的通知（萧政办发〔2017〕58号）: the 文号 a gazette prints after the title.
        if (text.Length > 4 && text[^1] is '）' or ')' && TextScan.MatchingOpen(text, text.Length - 1) is > 0 and var open
            && DocNumbers.Parse(text[open..]) is { } inTitle)
        {
            Frame.DocNumber ??= (new DocumentFrame.Part(first.Line, first.Text), inTitle);
            text = TextScan.TrimAll(text[..open]);
        }
        if (IsShort(text, 60) && (DocumentParts.IsTitle(text) || DocumentParts.IsNoticeTitle(text)))
        {
            var parts = new List<SourceSpan> { first.Whole };
            var joined = DocumentParts.Solid(text);
            // A title broken over lines: join while it has not reached its document type.
            while (!DocumentParts.EndsWithDocumentType(joined) && i + parts.Count < units.Count && units[i + parts.Count] is BodyLine next
                   && TextScan.TrimAll(next.Text) is var nt && IsShort(nt, 40) && OutlineMarker.Match(nt) is null
                   && !DocumentParts.IsAddressees(nt) && DocNumbers.Parse(nt) is null && DocumentDates.Parse(nt) is null && !DocumentParts.IsOrganisation(nt))
            {
                parts.Add(next.Whole);
                joined += DocumentParts.Solid(nt);
            }
            lines = parts.Count;
            return new TitleCandidate(joined, DocumentParts.IsNoticeTitle(joined) ? TitleKind.Notice : TitleKind.Plan, parts, first.Line, false);
        }
        if (!IsShort(t, 40) || DocumentParts.IsAddressees(t)) return null;
        var headline = new List<SourceSpan> { first.Whole };
        if (NextLine(units, i) is { } second && TextScan.TrimAll(second.Text) is var st && IsShort(st, 40) && !DocumentParts.IsAddressees(st)
            && !DocumentParts.IsOrganisation(st) && DocNumbers.Parse(st) is null && DocumentDates.Parse(st) is null && !DocumentParts.IsTitle(st)
            && OutlineMarker.Match(st) is null)
            headline.Add(second.Whole);
        lines = headline.Count;
        return new TitleCandidate(t, TitleKind.Headline, headline, first.Line, false)
        {
            Second = headline.Count > 1 ? new DocumentFrame.Part(headline[1].Line, ((BodyLine)units[i + 1]).Text) : null,
        };
    }

    /// <summary>A site's breadcrumb before the title on one line (EHS中国 法规首页 关于做好…的通知): the title is the last part.</summary>
    private static string WithoutBreadcrumb(string t)
    {
        var gap = -1;
        for (var k = RunTogetherLines.AfterFirstGap(t); k > 0; k = RunTogetherLines.AfterFirstGap(t, k)) gap = k;
        if (gap <= 0) return t;
        var last = t[gap..];
        return DocumentParts.Solid(Hanzi.Simplified.Of(last)).StartsWith("关于", StringComparison.Ordinal) && DocumentParts.EndsWithDocumentType(last)
               && !DocumentParts.IsOrganisation(TextScan.TrimAll(t[..gap])) ? last : t;
    }

    /// <summary>A portal column's label before the title (2020年第二期意见征集活动主题:市安委办关于…的通知) is not part of it.</summary>
    private static string PortalColumnPrefix(string t)
    {
        var colon = t.IndexOfAny(['：', ':']);
        if (colon <= 0 || colon >= t.Length - 4) return t;
        var after = TextScan.TrimAll(t[(colon + 1)..]);
        return DocumentParts.IsNoticeTitle(after) && DocumentParts.EndsWithDocumentType(after) && !DocumentParts.IsNoticeTitle(t[..colon]) ? after : t;
    }

    private static bool IsShort(string t, int max) => t.Length <= max && !t.Contains('。') && !t.Contains('，') && !t.Contains(',');

    /// <summary>主送机关 run on with the first sentence (各镇人民政府，…成员单位： 《…》已经…): the addressees become a line of their own.</summary>
    private static bool SplitAddressees(List<BodyUnit> units, int i)
    {
        var line = (BodyLine)units[i];
        var text = line.Text;
        for (var c = text.IndexOfAny(['：', ':']); c > 0 && c < text.Length - 1; c = text.IndexOfAny(['：', ':'], c + 1))
        {
            if (!TextScan.IsWhite(text[c + 1])) continue;
            if (!DocumentParts.IsAddressees(TextScan.TrimAll(text[..(c + 1)]))) return false;
            var rest = TextScan.SkipWhite(text, c + 1);
            if (rest >= text.Length) return false;
            units.RemoveAt(i);
            units.InsertRange(i, RunTogetherLines.SplitAt(line, [rest]));
            return true;
        }
        return false;
    }

    /// <summary>The number of lines from <paramref name="i"/> that restate a plan the notice names (its enclosed title), or 0.</summary>
    private int RestatesNamedPlan(List<BodyUnit> units, int i)
    {
        if (_named.Count == 0) return 0;
        var joined = "";
        for (var k = i; k < units.Count && k < i + 3 && units[k] is BodyLine l; k++)
        {
            var t = TextScan.TrimAll(l.Text);
            if (!IsShort(t, 60)) return 0;
            joined += DocumentParts.Solid(t);
            var hit = _named.FirstOrDefault(n => DocumentParts.Solid(n) == joined);
            if (hit is null)
            {
                if (!_named.Any(n => DocumentParts.Solid(n).StartsWith(joined, StringComparison.Ordinal))) return 0;
                continue;
            }
            var first = (BodyLine)units[i];
            Frame.EnclosedTitle = new(first.Line, joined);
            for (var m = i; m <= k; m++) Add("enclosed_title", (BodyLine)units[m]);
            return k - i + 1;
        }
        return 0;
    }

    /// <summary>
    /// A line of the carried plan's cover page, under its title: the body that drew it up (南靖县安全生产监督管理局)
    /// when no date follows (that would be a signature), or the month it was drawn up (2016年12月编制, 二O一七年一月).
    /// </summary>
    private static bool IsPlanCover(List<BodyUnit> units, int i, string t) =>
        DocumentParts.IsOrganisation(t) && (NextLine(units, i) is not { } next || DocumentDates.Parse(next.Text) is null)
        || DocumentParts.IsMonthLine(t);

    /// <summary>Plans named by a title or a cover sentence: 关于印发《X》的通知, 关于印发X的通知, 现将《X》印发给你们.</summary>
    private static IEnumerable<string> NamedIn(string text)
    {
        if (DocumentParts.NamedPlan(text) is { } plain) yield return plain;
        foreach (var c in Quotations.Citations(text)) yield return c;
    }

    private void Name(string bodyLine)
    {
        if (bodyLine.Contains("印发") || bodyLine.Contains("转发") || bodyLine.Contains("起草") || bodyLine.Contains("征求") || bodyLine.Contains("审议"))
            _named.AddRange(Quotations.Citations(bodyLine));
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
        // 泗水县安全生产委员会 2023年4月20日: signature and date on one line.
        if (RunTogetherLines.AfterFirstGap(line.Text) is > 0 and var gap && DocumentParts.IsOrganisation(TextScan.TrimAll(line.Text[..gap]))
            && DocumentDates.Parse(line.Text[gap..]) is not null)
        {
            units.RemoveAt(i);
            units.InsertRange(i, RunTogetherLines.SplitAt(line, [gap]));
            var org = (BodyLine)units[i];
            return TryClosing(units, ref i, org, TextScan.TrimAll(org.Text), seenOutline);
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
        if (!seenOutline && Frame.EnclosedTitle is null)
        {
            if (RestatesNamedPlan(units, i) is var restated and > 0) { i += restated - 1; return true; }
            if (Frame.Titles.Count > 0 && DocumentParts.IsTitle(t) && t.Length <= 40 && !t.Contains('，') && !t.Contains(','))
            {
                Frame.EnclosedTitle = new(line.Line, t);
                Add("enclosed_title", line);
                return true;
            }
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

    /// <summary>A line that repeats a title already read (the page header over the document's own), white space aside.</summary>
    private bool IsRepeatedTitle(string t)
    {
        if (t.Length < 6) return false;
        var solid = DocumentParts.Solid(t);
        return Frame.Titles.Any(c => c.Text == solid || c.Second is { } s && DocumentParts.Solid(TextScan.TrimAll(s.Text)) == solid)
               || Frame.Portal.Any(p => p.Key is "标题" or "名称" or "文件名称" && DocumentParts.Solid(p.Value) == solid);
    }

    private static RemovedText Removal(BodyLine line, string reason) => new(line.Line, line.Text, reason) { Start = line.Offset };

    private void Add(string field, BodyLine line) => Spans.Add(new MetadataSpan(field, line.Whole));
}
