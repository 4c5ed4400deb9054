using PlanAtlas.Model;
using PlanAtlas.Parse.Regions;

namespace PlanAtlas.Parse;

/// <summary>A piece of the document body handed to <see cref="OutlineBuilder"/>: a line, or a table that arrived as a table.</summary>
internal abstract record BodyUnit;
internal sealed record BodyLine(int Line, string Text) : BodyUnit;
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

    public void Own(int line, string lineText, int start, int end)
    {
        if (end <= start) return;
        Spans.Add(new SourceSpan(line, start, end - start));
        SpanTexts.Add(lineText[start..end]);
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
                var end = i + header;
                while (end < units.Count && units[end] is BodyLine l && !DocumentParts.IsAttachmentHeading(TextScan.TrimAll(l.Text))) end++;
                AddFlattenedTable(units.Skip(i).Take(header).Cast<BodyLine>().ToList(), units.Skip(i + header).Take(end - i - header).Cast<BodyLine>().ToList());
                i = end - 1;
                continue;
            }
            if (wrapWidth > 0 && previous is not null && _items.Count > 0 && IsWrapped(previous.Text, wrapWidth) && StartsPlainly(line.Text))
                Continue(_items[^1], line);
            else AddLine(line.Line, line.Text, t);
            previous = line;
        }
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
            item.Own(line.Line, line.Text, 0, end);
        }
        if (clauses.Count > 0)
        {
            var prefix = item.Id[..item.Id.LastIndexOf("-s", StringComparison.Ordinal)];
            var pathPrefix = item.Path[..(item.Path.Length - item.Marker!.Length)];
            var group = new EnumGroup(parent, prefix, pathPrefix, item.Level, clauses[^1].Number);
            for (var k = 0; k < clauses.Count; k++)
                AddClause(group, line.Line, line.Text, clauses[k], clauses[k].Start, k + 1 < clauses.Count ? clauses[k + 1].Start : line.Text.Length).InParentText = item.InParentText;
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

    private void AddLine(int lineNo, string text, string trimmed)
    {
        if (DocumentParts.IsLabelHeading(trimmed, out var label))
        {
            _group = null;
            var up = Innermost(OutlineMarker.MaxLevel + 1);
            var level = up is null || up.Kind == ItemKind.Section && up.Marker is null ? 1 : up.Level + 1;
            if (level == 1) _orphanContext = false;
            var parent = level == 1 ? null : up;
            var section = New($"p{lineNo}", label, level, ItemKind.Section, null, text, parent, lineNo);
            section.Heading = label;
            section.Own(lineNo, text, 0, text.Length);
            Close(level);
            _open[level] = section;
            return;
        }
        var marker = OutlineMarker.Match(text);
        if (marker is not null) { AddNumbered(lineNo, text, marker); return; }
        var n = InlineEnumeration.AtLineStart(text, out var start, out var markerLength);
        if (n > 0) { AddEnumerationLine(lineNo, text, n, start, markerLength); return; }
        AddParagraph(lineNo, text, trimmed);
    }

    private void AddNumbered(int lineNo, string text, OutlineMarker marker)
    {
        _group = null;
        _orphanContext = false;
        Close(marker.Level);
        var up = Innermost(marker.Level);
        var id = up is null ? $"i{marker.Number}" : $"{up.Id}-{marker.Number}";
        var path = (up is null ? "" : up.Path + ".") + marker.PathLabel;
        var item = New(id, path, marker.Level, marker.Level == 1 ? ItemKind.Section : ItemKind.Item, marker.Text, text, up, lineNo);
        item.Rest = text[(marker.Start + marker.Length)..];
        item.Heading = LeadPhrase.ForItem(item.Rest);
        SplitInline(item, lineNo, text, marker.Start + marker.Length);
        _open[marker.Level] = item;
    }

    private void AddParagraph(int lineNo, string text, string trimmed)
    {
        _group = null;
        var parent = _orphanContext ? null : OpenParagraphParent();
        var key = parent?.Id ?? "";
        var ordinal = _paragraphOrdinals[key] = _paragraphOrdinals.GetValueOrDefault(key) + 1;
        var path = (parent is null ? "" : parent.Path + ".") + "¶" + ordinal;
        var p = New($"p{lineNo}", path, (parent?.Level ?? 0) + 1, ItemKind.Paragraph, null, text, parent, lineNo);
        p.Heading = LeadPhrase.ForParagraph(trimmed);
        if (p.Heading.Length == 0 && trimmed.Length > 40 && gazetteer.MentionAt(trimmed, 0) is { } region)
            p.Heading = region; // per-region paragraphs of a news review: 杭州市加大了…
        SplitInline(p, lineNo, text, 0);
    }

    /// <summary>A line opening with 一是/二是…: clauses of the current group, or a new group under the open item, or an orphan group.</summary>
    private void AddEnumerationLine(int lineNo, string text, int n, int start, int markerLength)
    {
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
            AddClause(_group, lineNo, text, clauses[k], from, to);
        }
        _group = _group with { Last = clauses[^1].Number };
    }

    private ItemDraft AddClause(EnumGroup group, int lineNo, string text, InlineEnumeration.Clause clause, int from, int to)
    {
        var label = ChineseNumerals.Format(clause.Number) + "是";
        var sub = New($"{group.IdPrefix}-s{clause.Number}", group.PathPrefix + label, group.Level, ItemKind.SubItem, label,
            text[from..to], group.Parent, lineNo);
        sub.Heading = LeadPhrase.ForClause(text[(clause.Start + clause.MarkerLength)..to]);
        sub.Own(lineNo, text, from, to);
        if (ResponsibleUnits.TryFindClosing(text[from..to], out _, out var units)) { sub.UnitsText = units; sub.ClosedWithUnits = true; }
        if (group.Parent is { } parent) parent.HasSubItems = true;
        return sub;
    }

    private void AddNumberedClause(ItemDraft owner, int lineNo, string text, InlineEnumeration.Clause clause, int to)
    {
        var label = $"（{clause.Number}）";
        var sub = New($"{owner.Id}-n{clause.Number}", owner.Path + "." + label, owner.Level + 1, ItemKind.SubItem, text.Substring(clause.Start, clause.MarkerLength),
            text[clause.Start..to], owner, lineNo);
        sub.Heading = LeadPhrase.ForClause(text[(clause.Start + clause.MarkerLength)..to]);
        sub.Own(lineNo, text, clause.Start, to);
        sub.InParentText = true;
        if (ResponsibleUnits.TryFindClosing(text[clause.Start..to], out _, out var units)) { sub.UnitsText = units; sub.ClosedWithUnits = true; }
    }

    /// <summary>
    /// Splits 一是…二是… inside an item's line into sub-items; the item keeps its lead and a closing units parenthesis.
    /// Without an enumeration the item owns the whole line.
    /// </summary>
    private void SplitInline(ItemDraft owner, int lineNo, string text, int from)
    {
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
            owner.Own(lineNo, text, 0, text.Length);
            return;
        }
        var tailStart = hasUnits && unitsOpen > clauses[^1].Start ? unitsOpen : text.Length;
        owner.Own(lineNo, text, 0, clauses[0].Start);
        var group = new EnumGroup(owner, owner.Id, owner.Path + ".", owner.Level + 1, 0);
        for (var k = 0; k < clauses.Count; k++)
        {
            var to = k + 1 < clauses.Count ? clauses[k + 1].Start : tailStart;
            if (numbered) AddNumberedClause(owner, lineNo, text, clauses[k], to);
            else AddClause(group, lineNo, text, clauses[k], clauses[k].Start, to).InParentText = true;
        }
        owner.Own(lineNo, text, tailStart, text.Length);
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
        section.Own(line.Line, line.Text, 0, line.Text.Length);
        if (title is not null)
        {
            section.Own(title.Line, title.Text, 0, title.Text.Length);
            section.Heading = TextScan.TrimAll(title.Text);
        }
        else section.Heading = label;
        _attachment = section;
        _open[1] = section;
    }

    private void AddFlattenedTable(List<BodyLine> header, List<BodyLine> cells)
    {
        var head = AddTableHeader(header.Select(h => new TaskTableParser.Cell(h.Text, new SourceSpan(h.Line, 0, h.Text.Length))).ToList());
        var rows = TaskTableParser.ParseFlattened(header.Select(h => TextScan.TrimAll(h.Text)).ToList(),
            cells.Select(c => new TaskTableParser.Cell(c.Text, new SourceSpan(c.Line, 0, c.Text.Length))).ToList());
        AddRows(rows, head);
    }

    private void AddTable(TableBlock table)
    {
        var rows = TaskTableParser.ParseTable(table, out var headerCells);
        var head = headerCells.Count > 0 ? AddTableHeader(headerCells) : null;
        AddRows(rows, head);
    }

    private ItemDraft AddTableHeader(IReadOnlyList<TaskTableParser.Cell> cells)
    {
        _group = null;
        var parent = _attachment;
        var heading = string.Join(" / ", cells.Select(c => c.Trimmed));
        var head = New("th", (parent is null ? "" : parent.Path + ".") + "表头", (parent?.Level ?? 0) + 1, ItemKind.Section, null,
            string.Join("\n", cells.Select(c => c.Text)), parent, cells[0].Span.Line);
        head.Heading = heading;
        foreach (var c in cells) { head.Spans.Add(c.Span); head.SpanTexts.Add(c.Text); }
        return head;
    }

    private void AddRows(List<TaskTableParser.Row> rows, ItemDraft? head)
    {
        var parent = _attachment;
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
            var cells = row.Cells.ToList();
            var item = New(id, path, (parent?.Level ?? 0) + 1, ItemKind.TableRow, number, string.Join("\n", cells.Select(c => c.Text)),
                parent, cells[0].Span.Line);
            foreach (var c in cells) { item.Spans.Add(c.Span); item.SpanTexts.Add(c.Text); }
            item.Heading = task ?? "";
            item.UnitsText = row.Units?.Trimmed;
            item.Table = new TaskTableRow(number, task ?? "", row.Category?.Trimmed, row.Content?.Trimmed ?? "", row.Units?.Trimmed,
                row.Number is null && row.Task is null && continuation > 1)
            {
                Other = row.Other.Select(o => new KeyValuePair<string, string>(o.Header, o.Cell.Trimmed)).ToList(),
            };
            if (row.Content is null || row.Units is null && head is not null && head.Heading.Contains("责任"))
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
            if (_open[l] is { } o && !o.ClosedWithUnits && !(o.HasSubItems && o.Kind != ItemKind.Section)) return o;
        return null;
    }

    private void Close(int fromLevel)
    {
        for (var l = fromLevel; l < _open.Length; l++) _open[l] = null;
    }
}
