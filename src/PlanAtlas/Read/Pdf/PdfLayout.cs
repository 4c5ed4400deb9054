using PlanAtlas.Model;

namespace PlanAtlas.Read.Pdf;

/// <summary>
/// From the words and rules of each page to the document's blocks: ruled tables are cut out first, the other words
/// make lines, running headers and footers go, each page is put in reading order (columns), a table that runs on
/// over a page break is joined up again, and the lines are joined into paragraphs.
/// </summary>
internal static class PdfLayout
{
    public static List<SourceBlock> Blocks(IReadOnlyList<PageText> pages)
    {
        var lines = new List<List<PdfLine>>();
        var tables = new List<List<PdfTable>>();
        var gutters = new List<double?>();
        foreach (var page in pages)
        {
            var em = PdfLines.PageEm(page.Words);
            var free = new HashSet<PageWord>(page.Words, ReferenceEqualityComparer.Instance);
            var pageTables = new List<PdfTable>();
            foreach (var grid in TableGrids.Find(page.Rules))
            {
                var inside = free.Where(grid.Contains).ToList();
                var rows = TableGrids.Rows(grid, inside, em);
                var used = TableGrids.UsedColumns(rows);
                // A box around one column of text (a framed title) is not a table: its words stay text. A grid with the
                // column borders of a table on the page before is that table's rest, though, even with one cell of text:
                // a row the page break cut whose text went on in one column.
                if (used.Length == 0 || (used.Length < 2 && !(tables.Count > 0 && tables[^1].Any(t => TableGrids.SameColumns(t.Xs, grid.Xs)))))
                    continue;
                free.ExceptWith(inside);
                pageTables.Add(new PdfTable(page.Number, page.Height - grid.Ys[0], [.. rows.Select(r => used.Select(c => r[c]).ToArray())], grid.Xs, used));
            }
            var words = page.Words.Where(free.Contains).ToList();
            var pageLines = PdfLines.Build(page.Number, page.Height, words, em);
            var gutter = ColumnOrder.Gutter(pageLines, page.Width);
            if (gutter is { } x) pageLines = PdfLines.Build(page.Number, page.Height, ColumnOrder.SplitAtGutter(words, x, em), em);
            lines.Add(pageLines);
            tables.Add(pageTables);
            gutters.Add(gutter);
        }
        PageFurniture.Remove(lines);
        var documentGutter = DocumentGutter(gutters);
        var items = new List<PdfItem>();
        for (var i = 0; i < pages.Count; i++)
        {
            // A page of a two-column document with text in one column only (the last page) is still in columns.
            var gutter = gutters[i] ?? (documentGutter is { } g && lines[i].All(l => l.Right <= g || l.Left >= g) ? g : null);
            var ordered = ColumnOrder.Order([.. lines[i], .. tables[i]], gutter);
            if (ordered.Count > 0 && ordered[0] is PdfTable next && items.Count > 0 && items[^1] is PdfTable last
                && last.LastPage == next.Page - 1 && (TableGrids.SameColumns(last.Xs, next.Xs) || last.Columns.Length == next.Columns.Length))
            {
                items[^1] = Continue(last, next);
                ordered.RemoveAt(0);
            }
            items.AddRange(ordered);
        }
        return Paragraphs.Join(items);
    }

    /// <summary>The gutter most pages share, when at least half of them have one.</summary>
    private static double? DocumentGutter(List<double?> gutters)
    {
        var found = gutters.Where(g => g is not null).Select(g => g!.Value).Order().ToList();
        return found.Count > 0 && found.Count * 2 >= gutters.Count ? found[found.Count / 2] : null;
    }

    /// <summary>
    /// A table's part on the next page joins its rows; a header row repeated there is left out, and a row the page
    /// break cut in two (LibreOffice, Word and Chromium all let a row break across pages) is joined again.
    /// </summary>
    private static PdfTable Continue(PdfTable table, PdfTable next)
    {
        // On the same grid the parts line up by grid column, and a column only one part uses (the cut row's rest in
        // one cell) is still the table's; grids that differ a little line up column by column.
        var sameGrid = TableGrids.SameColumns(table.Xs, next.Xs);
        var columns = sameGrid ? [.. table.Columns.Union(next.Columns).Order()] : table.Columns;
        string[] Spread(string[] row, int[] from) =>
            sameGrid ? [.. columns.Select(c => Array.IndexOf(from, c) is var i && i >= 0 ? row[i] : "")] : row;
        var merged = table.Rows.Select(r => Spread(r, table.Columns)).ToList();
        var rows = next.Rows.Select(r => Spread(r, next.Columns)).SkipWhile((r, i) => i == 0 && r.SequenceEqual(merged[0])).ToList();
        var main = Enumerable.Range(0, merged[0].Length).MaxBy(c => merged.Sum(r => r[c].Length) + rows.Sum(r => r[c].Length));
        if (rows.Count > 0 && CutRow(merged[^1], rows[0], main))
        {
            var (above, below) = (merged[^1], rows[0]);
            merged[^1] = [.. above.Select((cell, c) => cell.Length > 0 && below[c].Length > 0 && PdfLines.NeedsSpace(cell[^1], below[c][0])
                ? cell + " " + below[c] : cell + below[c])];
            rows.RemoveAt(0);
        }
        return table with { Rows = [.. merged, .. rows], LastPage = next.Page, Columns = columns };
    }

    /// <summary>
    /// Whether <paramref name="below"/> is the rest of <paramref name="above"/>: no first cell, and either its main
    /// cell goes on with a sentence the one above left unfinished, or it has no main cell (only a side cell, such as
    /// the responsible units, went on) — a row of its own always has text in the main column.
    /// </summary>
    private static bool CutRow(string[] above, string[] below, int main) =>
        below[0].Length == 0 && (below[main].Length > 0
            ? above[main].Length > 0 && !Paragraphs.EndsSentence(above[main])
            : below.Any(cell => cell.Length > 0) && Enumerable.Range(0, below.Length).All(c => below[c].Length == 0 || above[c].Length > 0));
}
