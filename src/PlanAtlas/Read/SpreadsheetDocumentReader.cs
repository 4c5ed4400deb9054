using System.Globalization;
using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using PlanAtlas.Model;

namespace PlanAtlas.Read;

/// <summary>
/// Excel .xlsx and legacy .xls files with ExcelDataReader: the attachments that hold a 任务分工表. Every visible sheet
/// in order becomes its title lines (rows with a single cell above the table, 附件 / 柳林县2023年度重点任务分工), one
/// table (the rows from the first with two cells on, the header row first) and the notes under it (single cells
/// merged across the table). A merged cell's text stays in its top-left cell, as a merged cell in a .docx table
/// does, so a row under a merged 序号 continues the task above it. Cells read as Excel shows them (dates, numbers
/// in their format). A block's Line is its position among the blocks, as for .docx.
/// </summary>
public sealed class SpreadsheetDocumentReader : IDocumentReader
{
    private readonly long _maxUncompressedBytes;

    static SpreadsheetDocumentReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public SpreadsheetDocumentReader(long maxUncompressedBytes = ZipContainer.DefaultMaxUncompressedBytes) =>
        _maxUncompressedBytes = maxUncompressedBytes;

    public IReadOnlyCollection<string> Extensions { get; } = [".xlsx", ".xls"];

    public SourceDocument Read(byte[] bytes, string sourceFile)
    {
        if (bytes.Length == 0) throw new DocumentReadException("PA201", "the file is empty");
        var format = Path.GetExtension(sourceFile).ToLowerInvariant() == ".xls" ? "xls" : "xlsx";
        CheckContainer(bytes, format);
        var sheets = ReadSheets(bytes, format);
        var blocks = new List<SourceBlock>();
        foreach (var sheet in sheets) AddSheet(blocks, sheet);
        return new SourceDocument(sourceFile, format, null, blocks, new Dictionary<string, string>(), TextDocumentReader.ContentHash(bytes));
    }

    /// <summary>Either form under either name is read (portals often serve an .xlsx as .xls); anything else is refused here.</summary>
    private void CheckContainer(byte[] bytes, string format)
    {
        if (BinarySignatures.IsZip(bytes))
        {
            using var zip = ZipContainer.Open(bytes, _maxUncompressedBytes, "PA223", "." + format);
            if (zip.GetEntry("xl/workbook.xml") is null)
                throw new DocumentReadException("PA223", "not an Excel workbook: the archive has no xl/workbook.xml");
            return;
        }
        if (BinarySignatures.IsCompoundFile(bytes)) return;
        throw new DocumentReadException("PA223",
            BinarySignatures.Describe(bytes) is { } kind ? $"this is {kind}, not an Excel workbook"
            : BinarySignatures.LooksLikeHtml(bytes) ? BinarySignatures.HtmlInstead + "; a table exported as a web page can be saved as .html"
            : "not an Excel workbook: neither an .xlsx archive nor a legacy .xls file");
    }

    private static List<Sheet> ReadSheets(byte[] bytes, string format)
    {
        var sheets = new List<Sheet>();
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            // BIFF5 files (Excel 95) without a code page record hold Chinese in the ANSI code page of Chinese Windows.
            using var reader = ExcelReaderFactory.CreateReader(stream, new ExcelReaderConfiguration { FallbackEncoding = Encoding.GetEncoding("GB18030") });
            do
            {
                var rows = new List<string[]>();
                while (reader.Read())
                {
                    var cells = new string[reader.FieldCount];
                    for (var i = 0; i < cells.Length; i++) cells[i] = CellText(reader, i);
                    rows.Add(cells);
                }
                // Merged ranges come after the cells in the file, so they are known only once the sheet has been read.
                if (string.Equals(reader.VisibleState, "visible", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(reader.VisibleState))
                    sheets.Add(new Sheet(rows, reader.MergeCells ?? []));
            } while (reader.NextResult());
        }
        catch (InvalidPasswordException)
        {
            throw new DocumentReadException("PA223", "the workbook is encrypted (password-protected); save an unprotected copy");
        }
        // ExcelDataReader reports damage as HeaderException, InvalidDataException, XmlException, IndexOutOfRangeException
        // and more; on untrusted bytes any of them means only that this file cannot be read.
        catch (Exception e) when (e is not (OutOfMemoryException or DocumentReadException))
        {
            throw new DocumentReadException("PA223", $"not a readable .{format} (damaged or truncated?): {ZipContainer.FirstLine(e.Message)}");
        }
        return sheets;
    }

    private static string CellText(IExcelDataReader reader, int i)
    {
        var value = reader.GetValue(i);
        if (value is null) return "";
        if (value is string s) return s;
        var formatString = reader.GetNumberFormatString(i);
        if (!string.IsNullOrEmpty(formatString))
        {
            var numberFormat = new ExcelNumberFormat.NumberFormat(formatString);
            if (numberFormat.IsValid && numberFormat.Format(value, CultureInfo.InvariantCulture) is { Length: > 0 } shown) return shown;
        }
        return value switch
        {
            double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
            DateTime t => t.TimeOfDay == TimeSpan.Zero ? $"{t.Year}年{t.Month}月{t.Day}日" : t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            bool b => b ? "TRUE" : "FALSE",
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
    }

    private static void AddSheet(List<SourceBlock> blocks, Sheet sheet)
    {
        var rows = sheet.Rows;
        if (rows.Count == 0) return;
        void Paragraph(Row row) => blocks.Add(new ParagraphBlock(blocks.Count + 1, row.Cells.First(c => !IsBlank(c))));
        var first = rows.FindIndex(r => r.Cells.Count(c => !IsBlank(c)) >= 2);
        if (first < 0)
        {
            // A sheet of single cells is text, one paragraph a row (a notice pasted into column A).
            rows.ForEach(Paragraph);
            return;
        }
        var last = rows.Count - 1;
        while (last > first && sheet.IsNote(rows[last])) last--;
        rows.Take(first).ToList().ForEach(Paragraph);
        var table = rows.Skip(first).Take(last - first + 1).ToList();
        blocks.Add(new TableBlock(blocks.Count + 1, sheet.FoldUnderMergedHeaders(table).Select(r => (IReadOnlyList<string>)r).ToList()));
        rows.Skip(last + 1).ToList().ForEach(Paragraph);
    }

    private static bool IsBlank(string s) => string.IsNullOrWhiteSpace(s);

    /// <param name="Index">The row's 0-based index in the sheet, as merged ranges count them.</param>
    private sealed record Row(int Index, string[] Cells);

    /// <summary>A sheet's rows with any text, cut to the columns that have any: a table often starts at B2.</summary>
    private sealed class Sheet
    {
        private readonly CellRange[] _merges;
        private readonly int _from, _width;

        public Sheet(List<string[]> rows, CellRange[] merges)
        {
            _merges = merges;
            var width = rows.Count == 0 ? 0 : rows.Max(r => r.Length);
            var used = Enumerable.Range(0, width).Where(c => rows.Any(r => c < r.Length && !IsBlank(r[c]))).ToList();
            if (used.Count == 0) return;
            _from = used[0];
            _width = used[^1] - _from + 1;
            Rows = rows.Select((r, i) => new Row(i, Enumerable.Range(_from, _width).Select(c => c < r.Length ? r[c] : "").ToArray()))
                .Where(r => r.Cells.Any(c => !IsBlank(c)))
                .ToList();
        }

        public List<Row> Rows { get; } = [];

        /// <summary>
        /// Columns under one merged header cell are one column (主要内容 over a category label and its text): their
        /// cells are joined by line breaks, so that every column of the table has its own header, as the parser expects.
        /// </summary>
        public List<string[]> FoldUnderMergedHeaders(List<Row> table)
        {
            var header = table[0].Index;
            var groups = _merges
                .Where(m => m.FromRow <= header && header <= m.ToRow && m.ToColumn > m.FromColumn && m.FromColumn >= _from && m.ToColumn < _from + _width)
                .Select(m => (From: m.FromColumn - _from, To: m.ToColumn - _from))
                .OrderBy(g => g.From)
                .ToList();
            return table.Select(row =>
            {
                var cells = new List<string>();
                for (var c = 0; c < row.Cells.Length; c++)
                {
                    var group = groups.FirstOrDefault(g => g.From == c);
                    if (group.To > group.From)
                    {
                        cells.Add(string.Join('\n', row.Cells[group.From..(group.To + 1)].Where(t => !IsBlank(t))));
                        c = group.To;
                    }
                    else cells.Add(row.Cells[c]);
                }
                return cells.ToArray();
            }).ToList();
        }

        /// <summary>A note under the table: its one cell merged across the table's width.</summary>
        public bool IsNote(Row row)
        {
            var filled = Enumerable.Range(0, row.Cells.Length).Where(c => !IsBlank(row.Cells[c])).ToList();
            if (filled.Count != 1) return false;
            var column = filled[0] + _from;
            return _merges.Any(m => m.FromRow <= row.Index && row.Index <= m.ToRow && m.FromColumn == column
                                    && m.ToColumn - m.FromColumn + 1 >= _width);
        }
    }
}
