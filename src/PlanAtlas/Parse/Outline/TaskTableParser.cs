using PlanAtlas.Model;
using PlanAtlas.Parse.Header;

namespace PlanAtlas.Parse.Outline;

/// <summary>
/// Attachment task-division tables (重点任务分工: 序号 / 任务 / 主要内容 / 责任单位), whether they arrive as a real
/// table or flattened one cell per line. A row without its own 序号 and 任务 (a merged cell) continues the
/// previous task; a short label cell before the content (森林火灾) is the row's category.
/// </summary>
public static class TaskTableParser
{
    public enum Column { Number, Task, Content, Units, Other }

    /// <param name="Value">The cell's text where <paramref name="Text"/> also holds the pipes around it (a row flattened onto a line).</param>
    internal sealed record Cell(string Text, SourceSpan Span, string? Value = null)
    {
        public string Trimmed { get; } = Value ?? PipeCells.WithoutPipe(TextScan.TrimAll(Text));
    }

    internal sealed class Row
    {
        public Cell? Number, Task, Category, Content, Units;
        public List<(string Header, Cell Cell)> Other { get; } = [];
        public bool Continues;
        public IEnumerable<Cell> Cells => new[] { Number, Task, Category, Content, Units }.Concat(Other.Select(o => o.Cell))
            .Where(c => c is not null).Select(c => c!).OrderBy(c => c.Span.Line).ThenBy(c => c.Span.Row).ThenBy(c => c.Span.Column);
        public bool IsEmpty => Content is null && Units is null && Other.Count == 0 && Category is null;
    }

    private static readonly Dictionary<string, Column> HeaderWords = new(StringComparer.Ordinal)
    {
        ["序号"] = Column.Number, ["编号"] = Column.Number,
        ["任务"] = Column.Task, ["重点任务"] = Column.Task, ["工作任务"] = Column.Task, ["主要任务"] = Column.Task, ["任务名称"] = Column.Task, ["项目"] = Column.Task,
        ["主要内容"] = Column.Content, ["工作内容"] = Column.Content, ["具体内容"] = Column.Content, ["任务内容"] = Column.Content,
        ["工作措施"] = Column.Content, ["具体措施"] = Column.Content, ["主要措施"] = Column.Content, ["具体任务"] = Column.Content, ["内容"] = Column.Content,
        ["责任单位"] = Column.Units, ["牵头单位"] = Column.Units, ["责任部门"] = Column.Units, ["牵头部门"] = Column.Units, ["牵头单位及责任单位"] = Column.Units,
        ["配合单位"] = Column.Other, ["完成时限"] = Column.Other, ["时间节点"] = Column.Other, ["完成时间"] = Column.Other,
        ["时限要求"] = Column.Other, ["备注"] = Column.Other, ["责任领导"] = Column.Other, ["分管领导"] = Column.Other,
    };

    public static Column? HeaderColumn(string text) =>
        HeaderWords.TryGetValue(Solid(text), out var c) ? c : null;

    // Header words by their last word, for the many a table may use (重点工作和要求, 专项整治行业名称, 完成进展).
    private static readonly (string Ending, Column Column)[] HeaderEndings =
        [("序号", Column.Number), ("任务", Column.Task), ("名称", Column.Task), ("内容", Column.Content), ("措施", Column.Content),
         ("要求", Column.Content), ("单位", Column.Units), ("部门", Column.Units), ("时限", Column.Other), ("时间", Column.Other),
         ("进展", Column.Other), ("进度", Column.Other), ("安排", Column.Other), ("备注", Column.Other), ("领导", Column.Other)];

    /// <summary>A header cell by its exact word, or by the word it ends with when it sits among other header cells.</summary>
    private static Column? HeaderColumnLoose(string text)
    {
        if (HeaderColumn(text) is { } exact) return exact;
        var w = Solid(text);
        if (w.Length is < 2 or > 10 || w.StartsWith('各') || w.AsSpan().IndexOfAny(TextScan.ClausePunctuation) >= 0 || OutlineMarker.Match(w) is not null) return null;
        foreach (var (ending, column) in HeaderEndings)
            if (w.EndsWith(ending, StringComparison.Ordinal)) return column;
        return null;
    }

    private static string Solid(string text) => PipeCells.WithoutPipe(TextScan.TrimAll(text)).Replace(" ", "").Replace("\u3000", "");

    /// <summary>How many consecutive texts from <paramref name="start"/> form a table header (0 if they do not: at least 3 header words, one of them content or task).</summary>
    public static int HeaderLength(IReadOnlyList<string> texts, int start)
    {
        var n = 0;
        var exact = 0;
        var columns = new HashSet<Column>();
        while (start + n < texts.Count && HeaderColumnLoose(texts[start + n]) is { } c)
        {
            columns.Add(c);
            if (HeaderColumn(texts[start + n]) is not null) exact++;
            n++;
        }
        return n >= 3 && exact >= 2 && (columns.Contains(Column.Content) || columns.Contains(Column.Task)) ? n : 0;
    }

    /// <summary>The columns a header row names; a table with neither 序号 nor 任务 column is keyed by its first column.</summary>
    internal static List<Column> ColumnsOf(IReadOnlyList<string> header)
    {
        var columns = header.Select(h => HeaderColumnLoose(h) ?? Column.Other).ToList();
        if (columns.Count > 1 && !columns.Contains(Column.Number) && !columns.Contains(Column.Task)) columns[0] = Column.Task;
        return columns;
    }

    /// <summary>
    /// Rows flattened onto lines between pipes (序号 | 重点任务 | 牵头单位 |), the first line the header unless it opens
    /// with a number. Each row is one line; its cells keep the pipes around them, so the row accounts for its whole line.
    /// </summary>
    internal static List<Row> ParsePipeRows(IReadOnlyList<(SourceSpan Line, string Text)> lines, out IReadOnlyList<Cell> headerCells)
    {
        var split = lines.Select(l => CellsOfLine(l.Line, l.Text)).ToList();
        var hasHeader = split[0].Count > 0 && !IsInteger(split[0][0].Trimmed, out _);
        headerCells = hasHeader ? split[0] : [];
        var columns = hasHeader ? ColumnsOf(split[0].Select(c => c.Trimmed).ToList()) : DefaultColumns(split.Max(r => r.Count));
        var names = hasHeader ? split[0].Select(c => c.Trimmed).ToList() : columns.Select(c => c.ToString()).ToList();
        var rows = new List<Row>();
        for (var r = hasHeader ? 1 : 0; r < split.Count; r++)
        {
            var row = new Row();
            for (var c = 0; c < split[r].Count; c++)
            {
                var cell = split[r][c];
                if (cell.Trimmed.Length == 0) { row.Other.Add(("", cell)); continue; }
                Assign(row, c < columns.Count ? columns[c] : Column.Other, c < names.Count ? names[c] : $"{c + 1}", cell);
            }
            row.Continues = row.Number is null && row.Task is null && rows.Count > 0;
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>A line's cells, each span running from the cell's start to the next one's, so pipes and spaces are covered.</summary>
    private static List<Cell> CellsOfLine(SourceSpan line, string text)
    {
        var cells = PipeCells.Split(text) ?? [new PipeCells.Cell(TextScan.TrimAll(text), 0)];
        var result = new List<Cell>(cells.Count);
        for (var k = 0; k < cells.Count; k++)
        {
            var from = k == 0 ? 0 : cells[k].Start;
            var to = k + 1 < cells.Count ? cells[k + 1].Start : text.Length;
            result.Add(new Cell(text[from..to], new SourceSpan(line.Line, line.Start + from, to - from), cells[k].Text));
        }
        return result;
    }

    internal static List<Row> ParseFlattened(IReadOnlyList<string> headers, IReadOnlyList<Cell> cells)
    {
        var columns = ColumnsOf(headers);
        var hasNumber = columns.Contains(Column.Number);
        var hasTask = columns.Contains(Column.Task);
        var rest = headers.Select((h, k) => (Header: h, Column: columns[k])).Where(c => c.Column is not (Column.Number or Column.Task)).ToList();
        if (rest.Count == 0) rest.Add(("主要内容", Column.Content));

        var rows = new List<Row>();
        Row? cur = null;
        var pos = 0;
        var lastNumber = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            var c = cells[i];
            if (hasNumber && IsInteger(c.Trimmed, out var number) && (pos == 0 || number == lastNumber + 1))
            {
                if (cur is not null && !cur.IsEmpty) rows.Add(cur);
                cur = new Row { Number = c };
                lastNumber = number;
                pos = 0;
                if (hasTask && i + 1 < cells.Count) cur.Task = cells[++i];
                continue;
            }
            cur ??= new Row { Continues = rows.Count > 0 };
            var (header, column) = rest[pos];
            if (column == Column.Content && cur.Content is null && cur.Category is null && IsCategory(c.Trimmed)
                && i + 1 < cells.Count && cells[i + 1].Trimmed.Length > 10 && !IsInteger(cells[i + 1].Trimmed, out _))
            {
                cur.Category = c;
                continue;
            }
            Assign(cur, column, header, c);
            if (++pos == rest.Count)
            {
                rows.Add(cur);
                cur = null;
                pos = 0;
            }
        }
        if (cur is not null && (!cur.IsEmpty || cur.Number is not null)) rows.Add(cur);
        return rows;
    }

    internal static List<Row> ParseTable(TableBlock table, out IReadOnlyList<Cell> headerCells)
    {
        var rows = new List<Row>();
        var header = table.Rows.Count > 0 ? table.Rows[0] : [];
        var hasHeader = header.Count(h => HeaderColumn(h) is not null) >= 2;
        var columns = hasHeader
            ? ColumnsOf(header)
            : DefaultColumns(table.Rows.Count > 0 ? table.Rows.Max(r => r.Count) : 0);
        var headerNames = hasHeader ? header.Select(TextScan.TrimAll).ToList() : columns.Select(c => c.ToString()).ToList();
        headerCells = hasHeader ? CellsOf(table, 0).ToList() : [];
        for (var r = hasHeader ? 1 : 0; r < table.Rows.Count; r++)
        {
            var row = new Row();
            foreach (var cell in CellsOf(table, r))
            {
                var col = cell.Span.Column!.Value;
                var column = col < columns.Count ? columns[col] : Column.Other;
                Assign(row, column, col < headerNames.Count ? headerNames[col] : $"{col + 1}", cell);
            }
            row.Continues = row.Number is null && row.Task is null && rows.Count > 0;
            if (row.Number is not null || row.Task is not null || !row.IsEmpty) rows.Add(row);
        }
        return rows;
    }

    private static List<Column> DefaultColumns(int count) => count switch
    {
        >= 4 => [Column.Number, Column.Task, Column.Content, Column.Units, .. Enumerable.Repeat(Column.Other, count - 4)],
        3 => [Column.Number, Column.Content, Column.Units],
        2 => [Column.Content, Column.Units],
        _ => [Column.Content],
    };

    private static IEnumerable<Cell> CellsOf(TableBlock table, int r)
    {
        var row = table.Rows[r];
        for (var c = 0; c < row.Count; c++)
            if (!TextScan.IsBlank(row[c]))
                yield return new Cell(row[c], new SourceSpan(table.Line, 0, row[c].Length) { Row = r, Column = c });
    }

    private static void Assign(Row row, Column column, string header, Cell cell)
    {
        switch (column)
        {
            case Column.Number when row.Number is null: row.Number = cell; break;
            case Column.Task when row.Task is null: row.Task = cell; break;
            case Column.Content when row.Content is null: row.Content = cell; break;
            case Column.Units when row.Units is null: row.Units = cell; break;
            default: row.Other.Add((header, cell)); break;
        }
    }

    private static bool IsInteger(string t, out int n)
    {
        n = 0;
        return t.Length is > 0 and <= 3 && t.All(char.IsAsciiDigit) && int.TryParse(t, out n) && n > 0;
    }

    private static bool IsCategory(string t) =>
        t.Length is > 0 and <= 8 && t.AsSpan().IndexOfAny(TextScan.ClausePunctuation) < 0 && !t.All(char.IsAsciiDigit);
}
