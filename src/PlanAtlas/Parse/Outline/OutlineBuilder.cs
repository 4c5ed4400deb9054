using PlanAtlas.Model;
using PlanAtlas.Parse.Regions;
using PlanAtlas.Parse.Details;
using PlanAtlas.Parse.Header;

namespace PlanAtlas.Parse.Outline;

/// <summary>A piece of the document body handed to <see cref="OutlineBuilder"/>: a line, or a table that arrived as a table.</summary>
internal abstract record BodyUnit;

/// <summary>
/// A line of the source, or a piece of one (<see cref="RunTogetherLines"/>): <see cref="Offset"/> is where
/// <see cref="Text"/> starts in source line <see cref="Line"/>.
/// </summary>
internal sealed record BodyLine(int Line, string Text, int Offset = 0) : BodyUnit
{
    public SourceSpan Span(int start, int end) => new(Line, Offset + start, end - start);

    public SourceSpan Whole => new(Line, Offset, Text.Length);
}
internal sealed record BodyTable(TableBlock Table) : BodyUnit;

/// <summary>An item while the outline is being built: the record is made once details are known.</summary>
internal sealed class ItemDraft
{
    public required string Id;
    public required string Path;
    public required int Level;
    public required ItemKind Kind;
    public string? Marker;
    public string Heading = "";
    public required string Text;
    public string? ParentId;
    public required int Line;
    public List<SourceSpan> Spans = [];
    public List<string> SpanTexts = [];
    public TaskTableRow? Table;
    /// <summary>Units text from a closing parenthesis or the table's 责任单位 cell.</summary>
    public string? UnitsText;
    public bool ClosedWithUnits;
    public bool HasSubItems;
    /// <summary>An inline clause: its text is also part of its parent's text.</summary>
    public bool InParentText;
    /// <summary>The text after the marker (numbered items), for headings found later from the task table.</summary>
    public string? Rest;
    /// <summary>A numbered item written as a whole sentence (（三）各村要配合…不得瞒报漏报。), not a heading: a paragraph after it is its parent's.</summary>
    public bool IsSentence;

    public void Own(BodyLine line, int start, int end)
    {
        if (end <= start) return;
        Spans.Add(line.Span(start, end));
        SpanTexts.Add(line.Text[start..end]);
    }

    public string OwnText => string.Join("\n", SpanTexts);
}

/// <summary>
/// Builds the flat item list from the body: numbered items by marker form (levels may be skipped, numbers may run
/// on), inline and line-start enumerations 一是…, label headings (关键词：…), unnumbered paragraphs, attachments
/// and their task tables. Every body character ends up in exactly one item's spans.
/// </summary>
internal sealed class OutlineBuilder(Gazetteer gazetteer, string file, List<Diagnostic> diagnostics)
{
    private sealed record EnumGroup(ItemDraft? Parent, string IdPrefix, string PathPrefix, int Level, int Last);

    private readonly List<ItemDraft> _items = [];
    private readonly Slugs.UniqueIds _ids = new();
    private readonly ItemDraft?[] _open = new ItemDraft?[OutlineMarker.MaxLevel + 2];
    private readonly Dictionary<string, int> _paragraphOrdinals = new(StringComparer.Ordinal);
    private EnumGroup? _group;
    private bool _orphanContext;
    private ItemDraft? _attachment;
    private int _attachments;
    private readonly List<ItemDraft> _regionHeaded = [];

    /// <summary>
    /// A review goes region by region (杭州市… 宁波市… 温州市…): its paragraphs are headed by their region. One
    /// paragraph that opens with a place (a plan's preamble: 准格尔旗安全生产委员会2024年的主要任务是…) is not such a list.
    /// </summary>
    private const int RegionListMin = 3;

    /// <summary>A numbered line that is only its lead phrase and a full stop, and this short, is a heading, not a sentence.</summary>
    private const int HeadingWithStopMax = 20;

    public IReadOnlyList<ItemDraft> Items => _items;

    public void Build(IReadOnlyList<BodyUnit> units)
    {
        var wrapWidth = HardWrapWidth(units);
        BodyLine? previous = null;
        for (var i = 0; i < units.Count; i++)
        {
            if (units[i] is BodyTable table) { AddTable(table.Table); continue; }
            var line = (BodyLine)units[i];
            var t = TextScan.TrimAll(line.Text);
            if (DocumentParts.IsAttachmentHeading(t))
            {
                var title = i + 1 < units.Count && units[i + 1] is BodyLine next && IsAttachmentTitle(TextScan.TrimAll(next.Text)) ? next : null;
                AddAttachment(line, title);
                if (title is not null) i++;
                continue;
            }
            var header = HeaderLength(units, i);
            if (header > 0)
            {
                var headerLines = units.Skip(i).Take(header).Cast<BodyLine>().ToList();
                var end = i + header;
                if (IsOutlineTable(headerLines))
                {
                    while (end < units.Count && units[end] is BodyLine l && PipeCells.EndsWithPipe(l.Text)) end++;
                    AddOutlineTable(headerLines, units.Skip(i + header).Take(end - i - header).Cast<BodyLine>().ToList());
                }
                else
                {
                    while (end < units.Count && units[end] is BodyLine l && !DocumentParts.IsAttachmentHeading(TextScan.TrimAll(l.Text))) end++;
                    AddFlattenedTable(headerLines, units.Skip(i + header).Take(end - i - header).Cast<BodyLine>().ToList());
                }
                i = end - 1;
                continue;
            }
            if (PipeRow(line))
            {
                var end = i;
                while (end < units.Count && units[end] is BodyLine l && PipeRow(l)) end++;
                if (end - i >= 2)
                {
                    AddPipeTable(units.Skip(i).Take(end - i).Cast<BodyLine>().ToList());
                    i = end - 1;
                    continue;
                }
            }
            if (wrapWidth > 0 && previous is not null && _items.Count > 0 && IsWrapped(previous.Text, wrapWidth) && StartsPlainly(line.Text))
                Continue(_items[^1], line);
            else AddLine(line, t);
            previous = line;
        }
        if (_regionHeaded.Select(p => p.Heading).Distinct().Count() < RegionListMin)
            foreach (var p in _regionHeaded) p.Heading = "";
    }

    /// <summary>
    /// Text copied from a PDF is cut into lines of one width: most long lines are within two characters of the
    /// longest common length. Returns that width, or 0 when the lines are paragraphs (the usual portal copy).
    /// </summary>
    internal static int HardWrapWidth(IReadOnlyList<BodyUnit> units)
    {
        var lengths = units.OfType<BodyLine>().Select(l => TextScan.TrimAll(l.Text).Length).Where(n => n >= 15).ToList();
        if (lengths.Count < 6) return 0;
        var width = lengths.GroupBy(n => n).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
        var near = lengths.Count(n => n >= width - 2 && n <= width);
        return near * 2 >= lengths.Count && lengths.Count(n => n > width + 2) * 10 < lengths.Count ? width : 0;
    }

    private static bool IsWrapped(string previous, int width)
    {
        var t = TextScan.TrimAll(previous);
        return t.Length >= width - 2 && t[^1] is not ('。' or '；' or '！' or '？' or '：' or ':' or ';');
    }

    private static bool StartsPlainly(string text) =>
        OutlineMarker.Match(text) is null && InlineEnumeration.AtLineStart(text, out _, out _) == 0
        && !DocumentParts.IsAttachmentHeading(TextScan.TrimAll(text)) && !DocumentParts.IsLabelHeading(TextScan.TrimAll(text), out _);

    /// <summary>
    /// A hard-wrapped line continues the item the previous line ended in (and the text of the item an inline
    /// clause belongs to); an enumeration running on over the line break (…；二是 / 开展…；三是…) goes on.
    /// </summary>
    private void Continue(ItemDraft item, BodyLine line)
    {
        var parent = item.Kind == ItemKind.SubItem && item.ParentId is { } pid ? _items.FirstOrDefault(d => d.Id == pid) : null;
        if (parent is not null && item.InParentText) parent.Text += "\n" + line.Text;
        var clauses = item.Kind == ItemKind.SubItem && item.Marker is { } m && m.EndsWith('是')
            && ChineseNumerals.TryParse(m.AsSpan(0, m.Length - 1), out var n)
            ? InlineEnumeration.Find(line.Text, 0, n + 1) : [];
        var end = clauses.Count > 0 ? clauses[0].Start : line.Text.Length;
        if (end > 0)
        {
            item.Text += "\n" + line.Text[..end];
            item.Own(line, 0, end);
        }
        if (clauses.Count > 0)
        {
            var prefix = item.Id[..item.Id.LastIndexOf("-s", StringComparison.Ordinal)];
            var pathPrefix = item.Path[..(item.Path.Length - item.Marker!.Length)];
            var group = new EnumGroup(parent, prefix, pathPrefix, item.Level, clauses[^1].Number);
            for (var k = 0; k < clauses.Count; k++)
                AddClause(group, line, clauses[k], clauses[k].Start, k + 1 < clauses.Count ? clauses[k + 1].Start : line.Text.Length).InParentText = item.InParentText;
            if (_group is not null) _group = _group with { Last = clauses[^1].Number };
        }
        var owner = clauses.Count > 0 ? _items[^1] : item;
        if (owner.Kind != ItemKind.Paragraph && ResponsibleUnits.TryFindClosing(owner.OwnText.Replace("\n", ""), out _, out var units))
        {
            owner.UnitsText = units;
            owner.ClosedWithUnits = true;
        }
    }

    private static int HeaderLength(IReadOnlyList<BodyUnit> units, int i)
    {
        var texts = new List<string>();
        for (var k = i; k < units.Count && k < i + 12 && units[k] is BodyLine l; k++) texts.Add(l.Text);
        return TaskTableParser.HeaderLength(texts, 0);
    }

    private static bool IsAttachmentTitle(string t) =>
        t.Length is > 0 and <= 60 && !t.Contains('。') && !t.Contains('，') && TaskTableParser.HeaderColumn(t) is null
        && OutlineMarker.Match(t) is null && !DocumentParts.IsAttachmentHeading(t);

    private void AddLine(BodyLine line, string trimmed)
    {
        var (lineNo, text) = (line.Line, line.Text);
        if (DocumentParts.IsLabelHeading(trimmed, out var label))
        {
            _group = null;
            var up = Innermost(OutlineMarker.MaxLevel + 1);
            var level = up is null || up.Kind == ItemKind.Section && up.Marker is null ? 1 : up.Level + 1;
            if (level == 1) _orphanContext = false;
            var parent = level == 1 ? null : up;
            var section = New($"p{lineNo}", label, level, ItemKind.Section, null, text, parent, lineNo);
            section.Heading = label;
            section.Own(line, 0, text.Length);
            Close(level);
            _open[level] = section;
            return;
        }
        var marker = OutlineMarker.Match(text);
        if (marker is not null) { AddNumbered(line, marker); return; }
        var n = InlineEnumeration.AtLineStart(text, out var start, out var markerLength);
        if (n > 0) { AddEnumerationLine(line, n, start, markerLength); return; }
        AddParagraph(line, trimmed);
    }

    private void AddNumbered(BodyLine line, OutlineMarker marker)
    {
        var (lineNo, text) = (line.Line, line.Text);
        _group = null;
        _orphanContext = false;
        Close(marker.Level);
        var up = Innermost(marker.Level);
        var id = up is null ? $"i{marker.Number}" : $"{up.Id}-{marker.Number}";
        var path = (up is null ? "" : up.Path + ".") + marker.PathLabel;
        var item = New(id, path, marker.Level, marker.Level == 1 ? ItemKind.Section : ItemKind.Item, marker.Text, text, up, lineNo);
        item.Rest = text[(marker.Start + marker.Length)..];
        if (PipeCells.EndsWithPipe(item.Rest)) item.Rest = PipeCells.WithoutPipe(item.Rest); // a cell of a flattened table
        // A section heading may run long (一、提高政治站位，坚持把…作为首要政治任务抓紧抓实) and still be only a heading.
        item.Heading = LeadPhrase.ForItem(item.Rest, marker.Level == 1 ? 60 : 40);
        // A heading that ends with a full stop (1.强化煤矿安全监管。) is still only a heading.
        var rest = TextScan.TrimAll(item.Rest);
        item.IsSentence = marker.Level > 1 && rest.EndsWith('。') && !(item.Heading == rest.TrimEnd('。') && item.Heading.Length <= HeadingWithStopMax);
        SplitInline(item, line, marker.Start + marker.Length);
        _open[marker.Level] = item;
    }

    private void AddParagraph(BodyLine line, string trimmed)
    {
        var (lineNo, text) = (line.Line, line.Text);
        _group = null;
        var parent = _orphanContext ? null : OpenParagraphParent();
        var key = parent?.Id ?? "";
        var ordinal = _paragraphOrdinals[key] = _paragraphOrdinals.GetValueOrDefault(key) + 1;
        var path = (parent is null ? "" : parent.Path + ".") + "¶" + ordinal;
        var p = New($"p{lineNo}", path, (parent?.Level ?? 0) + 1, ItemKind.Paragraph, null, text, parent, lineNo);
        p.Heading = LeadPhrase.ForParagraph(trimmed);
        if (p.Heading.Length == 0 && trimmed.Length > 40 && gazetteer.MentionAt(trimmed, 0) is { } region)
        {
            p.Heading = region; // per-region paragraphs of a news review: 杭州市加大了…
            _regionHeaded.Add(p);
        }
        SplitInline(p, line, 0);
    }

    /// <summary>A line opening with 一是/二是…: clauses of the current group, or a new group under the open item, or an orphan group.</summary>
    private void AddEnumerationLine(BodyLine line, int n, int start, int markerLength)
    {
        var (lineNo, text) = (line.Line, line.Text);
        if (_group is null || n <= _group.Last)
        {
            var candidate = _orphanContext ? null : Innermost(OutlineMarker.MaxLevel + 1);
            var attach = n == 1 && candidate is not null && !candidate.HasSubItems && !candidate.ClosedWithUnits && candidate.Kind != ItemKind.Paragraph;
            if (attach) _group = new EnumGroup(candidate, candidate!.Id, candidate.Path + ".", candidate.Level + 1, 0);
            else
            {
                _group = new EnumGroup(null, $"o{lineNo}", "", 1, 0);
                _orphanContext = true;
            }
        }
        var clauses = new List<InlineEnumeration.Clause> { new(start, n, markerLength) };
        clauses.AddRange(InlineEnumeration.Find(text, start + markerLength, n + 1));
        for (var k = 0; k < clauses.Count; k++)
        {
            var from = k == 0 ? 0 : clauses[k].Start;
            var to = k + 1 < clauses.Count ? clauses[k + 1].Start : text.Length;
            AddClause(_group, line, clauses[k], from, to);
        }
        _group = _group with { Last = clauses[^1].Number };
    }

    private ItemDraft AddClause(EnumGroup group, BodyLine line, InlineEnumeration.Clause clause, int from, int to)
    {
        var (lineNo, text) = (line.Line, line.Text);
        var label = ChineseNumerals.Format(clause.Number) + "是";
        var sub = New($"{group.IdPrefix}-s{clause.Number}", group.PathPrefix + label, group.Level, ItemKind.SubItem, label,
            text[from..to], group.Parent, lineNo);
        sub.Heading = LeadPhrase.ForClause(text[(clause.Start + clause.MarkerLength)..to]);
        sub.Own(line, from, to);
        if (ResponsibleUnits.TryFindClosing(text[from..to], out _, out var units)) { sub.UnitsText = units; sub.ClosedWithUnits = true; }
        if (group.Parent is { } parent) parent.HasSubItems = true;
        return sub;
    }

    private void AddNumberedClause(ItemDraft owner, BodyLine line, InlineEnumeration.Clause clause, int to)
    {
        var (lineNo, text) = (line.Line, line.Text);
        var label = $"（{clause.Number}）";
        var sub = New($"{owner.Id}-n{clause.Number}", owner.Path + "." + label, owner.Level + 1, ItemKind.SubItem, text.Substring(clause.Start, clause.MarkerLength),
            text[clause.Start..to], owner, lineNo);
        sub.Heading = LeadPhrase.ForClause(text[(clause.Start + clause.MarkerLength)..to]);
        sub.Own(line, clause.Start, to);
        sub.InParentText = true;
        if (ResponsibleUnits.TryFindClosing(text[clause.Start..to], out _, out var units)) { sub.UnitsText = units; sub.ClosedWithUnits = true; }
    }

    /// <summary>
    /// Splits 一是…二是… inside an item's line into sub-items; the item keeps its lead and a closing units parenthesis.
    /// Without an enumeration the item owns the whole line.
    /// </summary>
    private void SplitInline(ItemDraft owner, BodyLine line, int from)
    {
        var text = line.Text;
        var hasUnits = ResponsibleUnits.TryFindClosing(text, out var unitsOpen, out var units);
        if (hasUnits) { owner.UnitsText = units; owner.ClosedWithUnits = true; }
        var clauses = InlineEnumeration.Find(text, from, 1);
        var numbered = false;
        if (clauses.Count < 2 && owner.Kind != ItemKind.Paragraph)
        {
            clauses = InlineEnumeration.FindNumbered(text, from);
            numbered = true;
        }
        if (clauses.Count < 2)
        {
            owner.Own(line, 0, text.Length);
            return;
        }
        var tailStart = hasUnits && unitsOpen > clauses[^1].Start ? unitsOpen : text.Length;
        owner.Own(line, 0, clauses[0].Start);
        var group = new EnumGroup(owner, owner.Id, owner.Path + ".", owner.Level + 1, 0);
        for (var k = 0; k < clauses.Count; k++)
        {
            var to = k + 1 < clauses.Count ? clauses[k + 1].Start : tailStart;
            if (numbered) AddNumberedClause(owner, line, clauses[k], to);
            else AddClause(group, line, clauses[k], clauses[k].Start, to).InParentText = true;
        }
        owner.Own(line, tailStart, text.Length);
        if (tailStart == text.Length) { owner.UnitsText = null; owner.ClosedWithUnits = false; }
        owner.HasSubItems = true;
    }

    private void AddAttachment(BodyLine line, BodyLine? title)
    {
        _group = null;
        _orphanContext = false;
        Array.Clear(_open);
        _attachments++;
        var label = TextScan.TrimAll(line.Text).Replace(" ", "").Replace("\u3000", "").TrimEnd('：', ':');
        var text = title is null ? line.Text : line.Text + "\n" + title.Text;
        var section = New($"a{_attachments}", label, 1, ItemKind.Section, label, text, null, line.Line);
        section.Own(line, 0, line.Text.Length);
        if (title is not null)
        {
            section.Own(title, 0, title.Text.Length);
            section.Heading = TextScan.TrimAll(title.Text);
        }
        else section.Heading = label;
        _attachment = section;
        _open[1] = section;
    }

    /// <summary>A table row flattened onto one line: two or more cells between pipes.</summary>
    private static bool PipeRow(BodyLine line) => PipeCells.Split(line.Text) is { Count: >= 2 } cells && cells.Count(c => c.Text.Length > 0) >= 2;

    private void AddPipeTable(List<BodyLine> lines)
    {
        var rows = TaskTableParser.ParsePipeRows(lines.Select(l => (l.Whole, l.Text)).ToList(), out var headerCells);
        var head = headerCells.Count > 0 ? AddTableHeader(headerCells) : null;
        AddRows(rows, head);
    }

    /// <summary>
    /// A task table flattened one cell per line, each cell ending with a pipe, whose task column holds the plan's own
    /// outline (一、… | （一）… | 1.… | 责任单位 | 完成时限 |): no 序号 column to count rows by.
    /// </summary>
    private static bool IsOutlineTable(List<BodyLine> header) =>
        header.All(h => PipeCells.EndsWithPipe(h.Text)) && !TaskTableParser.ColumnsOf(header.Select(h => h.Text).ToList()).Contains(TaskTableParser.Column.Number);

    /// <summary>
    /// Rows of an outline table: 一、 and （一） cells are the outline's sections and items; a cell numbered 1. starts a
    /// row (a TableRow at its outline path) and the cells after it, up to the next numbered cell, are that row's
    /// other columns.
    /// </summary>
    private void AddOutlineTable(List<BodyLine> header, List<BodyLine> cells)
    {
        AddTableHeader(header.Select(h => new TaskTableParser.Cell(h.Text, h.Whole)).ToList());
        var columns = TaskTableParser.ColumnsOf(header.Select(h => h.Text).ToList());
        var names = header.Select(h => PipeCells.WithoutPipe(TextScan.TrimAll(h.Text))).ToList();
        var first = Math.Max(0, columns.IndexOf(TaskTableParser.Column.Content));
        ItemDraft? row = null;
        var column = 0;
        var rowCells = new List<(string Header, TaskTableParser.Cell Cell)>();
        void Finish()
        {
            if (row is null) return;
            string? Cell(TaskTableParser.Column c) => rowCells.FirstOrDefault(x => columns[names.IndexOf(x.Header)] == c).Cell?.Trimmed;
            row.UnitsText = Cell(TaskTableParser.Column.Units);
            row.Table = new TaskTableRow(row.Marker, row.Heading, null, Cell(TaskTableParser.Column.Content) ?? "", row.UnitsText, false)
            {
                Other = rowCells.Where(x => columns[names.IndexOf(x.Header)] == TaskTableParser.Column.Other && x.Cell.Trimmed.Length > 0)
                    .Select(x => new KeyValuePair<string, string>(x.Header, x.Cell.Trimmed)).ToList(),
            };
            row = null;
        }
        foreach (var line in cells)
        {
            var marker = OutlineMarker.Match(line.Text);
            if (marker is { Level: <= 2 }) { Finish(); AddNumbered(line, marker); continue; }
            if (marker is not null)
            {
                Finish();
                _group = null;
                var up = Innermost(marker.Level);
                row = New(up is null ? $"i{marker.Number}" : $"{up.Id}-{marker.Number}", (up is null ? "" : up.Path + ".") + marker.PathLabel,
                    marker.Level, ItemKind.TableRow, marker.Text, line.Text, up, line.Line);
                row.Rest = PipeCells.WithoutPipe(line.Text[(marker.Start + marker.Length)..]);
                row.Heading = LeadPhrase.ForItem(row.Rest);
                row.Own(line, 0, line.Text.Length);
                rowCells.Clear();
                column = first;
                rowCells.Add((names[column], new TaskTableParser.Cell(line.Text, line.Whole)));
                continue;
            }
            if (row is null) { AddLine(line, TextScan.TrimAll(line.Text)); continue; }
            row.Text += "\n" + line.Text;
            row.Own(line, 0, line.Text.Length);
            if (++column < names.Count) rowCells.Add((names[column], new TaskTableParser.Cell(line.Text, line.Whole)));
        }
        Finish();
    }

    private void AddFlattenedTable(List<BodyLine> header, List<BodyLine> cells)
    {
        var head = AddTableHeader(header.Select(h => new TaskTableParser.Cell(h.Text, h.Whole)).ToList());
        var rows = TaskTableParser.ParseFlattened(header.Select(h => TextScan.TrimAll(h.Text)).ToList(),
            cells.Select(c => new TaskTableParser.Cell(c.Text, c.Whole)).ToList());
        AddRows(rows, head);
    }

    private void AddTable(TableBlock table)
    {
        var rows = TaskTableParser.ParseTable(table, out var headerCells);
        var head = headerCells.Count > 0 ? AddTableHeader(headerCells) : null;
        AddRows(rows, head);
    }

    /// <summary>A table belongs to the innermost open part (an attachment, or the section it is printed under).</summary>
    private ItemDraft? TableParent => Innermost(OutlineMarker.MaxLevel + 1);

    private ItemDraft AddTableHeader(IReadOnlyList<TaskTableParser.Cell> cells)
    {
        _group = null;
        var parent = TableParent;
        var heading = string.Join(" / ", cells.Select(c => c.Trimmed));
        var head = New("th", (parent is null ? "" : parent.Path + ".") + "表头", (parent?.Level ?? 0) + 1, ItemKind.Section, null,
            SpanText(cells), parent, cells[0].Span.Line);
        head.Heading = heading;
        foreach (var c in cells) { head.Spans.Add(c.Span); head.SpanTexts.Add(c.Text); }
        return head;
    }

    /// <summary>The text cells make up: cells of one line (a pipe row) run on, cells of separate lines or table cells are joined by line breaks.</summary>
    private static string SpanText(IEnumerable<TaskTableParser.Cell> cells)
    {
        var b = new System.Text.StringBuilder();
        TaskTableParser.Cell? previous = null;
        foreach (var c in cells)
        {
            var sameLine = previous is not null && previous.Span.Line == c.Span.Line && previous.Span.Row is null && c.Span.Row is null && previous.Span.End == c.Span.Start;
            if (previous is not null && !sameLine) b.Append('\n');
            b.Append(c.Text);
            previous = c;
        }
        return b.ToString();
    }

    private void AddRows(List<TaskTableParser.Row> rows, ItemDraft? head)
    {
        var parent = head is not null ? _items.FirstOrDefault(d => d.Id == head.ParentId) : TableParent;
        string? number = null, task = null;
        var continuation = 0;
        var sequence = 0;
        foreach (var row in rows)
        {
            sequence++;
            if (!row.Continues || number is null && task is null)
            {
                number = row.Number?.Trimmed ?? number;
                task = row.Task?.Trimmed ?? (row.Continues ? task : "");
                continuation = 1;
            }
            else continuation++;
            if (row.Number is not null) { number = row.Number.Trimmed; continuation = 1; }
            if (row.Task is not null) task = row.Task.Trimmed;
            var baseId = number is null ? $"t-{sequence}" : $"t{number}";
            var id = continuation == 1 ? baseId : $"{baseId}-{continuation}";
            var path = (parent is null ? "" : parent.Path + ".") + (number ?? sequence.ToString());
            var cells = row.Cells.OrderBy(c => c.Span.Line).ThenBy(c => c.Span.Row).ThenBy(c => c.Span.Column).ThenBy(c => c.Span.Start).ToList();
            var item = New(id, path, (parent?.Level ?? 0) + 1, ItemKind.TableRow, number, SpanText(cells),
                parent, cells[0].Span.Line);
            foreach (var c in cells) { item.Spans.Add(c.Span); item.SpanTexts.Add(c.Text); }
            item.Heading = task ?? "";
            item.UnitsText = row.Units?.Trimmed;
            item.Table = new TaskTableRow(number, task ?? "", row.Category?.Trimmed, row.Content?.Trimmed ?? "", row.Units?.Trimmed,
                row.Number is null && row.Task is null && continuation > 1)
            {
                Other = row.Other.Where(o => o.Cell.Trimmed.Length > 0).Select(o => new KeyValuePair<string, string>(o.Header, o.Cell.Trimmed)).ToList(),
            };
            // A schedule keyed by its first column (行业 | 时间安排 | 责任单位) has no content column to miss.
            var contentColumn = head is null || TaskTableParser.ColumnsOf(head.Heading.Split(" / ")).Contains(TaskTableParser.Column.Content);
            if (row.Content is null && contentColumn || row.Units is null && head is not null && head.Heading.Contains("责任"))
                diagnostics.Add(new Diagnostic(Severity.Info, "PA320", file, cells[0].Span.Line,
                    $"task table row {number ?? "?"} has no {(row.Content is null ? "content" : "责任单位")} cell; the table may be cut off"));
        }
    }

    private ItemDraft New(string id, string path, int level, ItemKind kind, string? marker, string text, ItemDraft? parent, int line)
    {
        var draft = new ItemDraft
        {
            Id = _ids.Claim(id), Path = path, Level = level, Kind = kind, Marker = marker, Text = text,
            ParentId = parent?.Id, Line = line,
        };
        _items.Add(draft);
        return draft;
    }

    private ItemDraft? Innermost(int belowLevel)
    {
        for (var l = Math.Min(belowLevel - 1, _open.Length - 1); l >= 1; l--)
            if (_open[l] is { } o) return o;
        return null;
    }

    /// <summary>
    /// The item an unnumbered paragraph continues: the innermost open one, unless that item is complete (it closed
    /// with its responsible units, or was split into sub-items): then the paragraph belongs one level up.
    /// </summary>
    private ItemDraft? OpenParagraphParent()
    {
        for (var l = _open.Length - 1; l >= 1; l--)
            if (_open[l] is { } o && !o.ClosedWithUnits && !o.IsSentence && !(o.HasSubItems && o.Kind != ItemKind.Section)) return o;
        return null;
    }

    private void Close(int fromLevel)
    {
        for (var l = fromLevel; l < _open.Length; l++) _open[l] = null;
    }
}
