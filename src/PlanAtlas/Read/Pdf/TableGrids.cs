namespace PlanAtlas.Read.Pdf;

/// <summary>
/// Ruled tables: ruling lines that meet make a grid; its column borders and row borders cut it into cells, and a
/// border missing inside the grid is a merged cell (柳林's 序号 and 任务 span every row of their task). Each word goes
/// to the cell under its centre, so a cell of many lines is one cell, and a task's row holds its number, name,
/// content and units side by side — a PDF has no table, only text placed in boxes. Tables without rules are read
/// as lines of text.
/// </summary>
internal static class TableGrids
{
    /// <summary>How far apart two rules may be and still meet or be one border (a border is up to 1 pt thick).</summary>
    private const double Tolerance = 2;

    internal sealed record Grid(double[] Xs, double[] Ys, List<PageRule> Horizontal, List<PageRule> Vertical)
    {
        public bool Contains(PageWord w) => w.CenterX > Xs[0] && w.CenterX < Xs[^1] && w.CenterY > Ys[0] && w.CenterY < Ys[^1];
    }

    /// <summary>More rules than this on a page is a drawing (a map, a chart), not tables: pairing them all would take long.</summary>
    private const int MaxRules = 4000;

    /// <summary>The grids of a page: groups of rules that meet, with at least two columns and one row of cells.</summary>
    public static List<Grid> Find(IReadOnlyList<PageRule> rules)
    {
        if (rules.Count > MaxRules) return [];
        var parent = Enumerable.Range(0, rules.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        for (var i = 0; i < rules.Count; i++)
            for (var j = i + 1; j < rules.Count; j++)
                if (Meet(rules[i], rules[j])) parent[Root(i)] = Root(j);
        var grids = new List<Grid>();
        foreach (var group in Enumerable.Range(0, rules.Count).GroupBy(Root))
        {
            var horizontal = group.Select(i => rules[i]).Where(r => r.IsHorizontal).ToList();
            var vertical = group.Select(i => rules[i]).Where(r => !r.IsHorizontal).ToList();
            var xs = Distinct(vertical.Select(r => r.Left));
            // A row cut by a page break may have no border at the cut (Chromium): the column borders still reach it.
            var ys = Distinct(horizontal.Select(r => r.Top).Concat(vertical.Select(r => r.Top)).Concat(vertical.Select(r => r.Bottom)));
            if (xs.Length >= 3 && ys.Length >= 2) grids.Add(new Grid(xs, ys, horizontal, vertical));
        }
        return grids.OrderBy(g => g.Ys[0]).ToList();
    }

    /// <summary>The grid's rows of cell texts, a cell for each column; a merged cell's text is in its first row and column, the rest are empty.</summary>
    public static List<string[]> Rows(Grid grid, IEnumerable<PageWord> words, double pageEm)
    {
        var columns = grid.Xs.Length - 1;
        var bands = grid.Ys.Length - 1;
        var cells = new Dictionary<(int Band, int Column), List<PageWord>>();
        foreach (var word in words)
        {
            var (band, column) = (Index(grid.Ys, word.CenterY), Index(grid.Xs, word.CenterX));
            while (band > 0 && !RuledAbove(grid, band, column)) band--;
            while (column > 0 && !RuledLeft(grid, column, band)) column--;
            if (!cells.TryGetValue((band, column), out var list)) cells[(band, column)] = list = [];
            list.Add(word);
        }
        var rows = new List<string[]>();
        for (var b = 0; b < bands; b++)
        {
            var row = new string[columns];
            for (var c = 0; c < columns; c++) row[c] = cells.TryGetValue((b, c), out var list) ? CellText(list, pageEm) : "";
            if (row.Any(t => t.Length > 0)) rows.Add(row);
        }
        return rows;
    }

    /// <summary>
    /// The columns some cell of the rows uses: a column no cell uses (a gap between two borders) is no column. The
    /// rows keep every column until a table cut by a page break is joined up, where one part may leave a column empty.
    /// </summary>
    public static int[] UsedColumns(IReadOnlyList<string[]> rows) =>
        rows.Count == 0 ? [] : [.. Enumerable.Range(0, rows[0].Length).Where(c => rows.Any(r => r[c].Length > 0))];

    /// <summary>Whether two grids have the same column borders: the parts of one table on two pages.</summary>
    public static bool SameColumns(double[] xs, double[] others) =>
        xs.Length == others.Length && xs.Zip(others).All(p => Math.Abs(p.First - p.Second) <= Tolerance);

    /// <summary>A cell's words as lines top to bottom, the lines run together as the paragraph they wrap.</summary>
    private static string CellText(List<PageWord> words, double pageEm)
    {
        var lines = new List<List<PageWord>>();
        foreach (var word in words.OrderBy(w => w.CenterY))
        {
            if (lines.Count == 0 || word.CenterY - lines[^1][0].CenterY > pageEm * 0.4) lines.Add([]);
            lines[^1].Add(word);
        }
        var text = "";
        foreach (var line in lines)
        {
            var part = PdfLines.Join(line.OrderBy(w => w.Left));
            text = text.Length > 0 && part.Length > 0 && PdfLines.NeedsSpace(text[^1], part[0]) ? text + " " + part : text + part;
        }
        return text;
    }

    private static bool RuledAbove(Grid grid, int band, int column)
    {
        var (y, x) = (grid.Ys[band], (grid.Xs[column] + grid.Xs[column + 1]) / 2);
        return grid.Horizontal.Any(r => Math.Abs(r.Top - y) <= Tolerance && r.Left <= x && r.Right >= x);
    }

    private static bool RuledLeft(Grid grid, int column, int band)
    {
        var (x, y) = (grid.Xs[column], (grid.Ys[band] + grid.Ys[band + 1]) / 2);
        return grid.Vertical.Any(r => Math.Abs(r.Left - x) <= Tolerance && r.Top <= y && r.Bottom >= y);
    }

    private static int Index(double[] borders, double value)
    {
        var i = 0;
        while (i < borders.Length - 2 && value >= borders[i + 1]) i++;
        return i;
    }

    private static bool Meet(PageRule a, PageRule b)
    {
        if (a.IsHorizontal == b.IsHorizontal)
            return a.IsHorizontal
                ? Math.Abs(a.Top - b.Top) <= Tolerance && a.Left <= b.Right + Tolerance && b.Left <= a.Right + Tolerance
                : Math.Abs(a.Left - b.Left) <= Tolerance && a.Top <= b.Bottom + Tolerance && b.Top <= a.Bottom + Tolerance;
        var (h, v) = a.IsHorizontal ? (a, b) : (b, a);
        return v.Left >= h.Left - Tolerance && v.Left <= h.Right + Tolerance && h.Top >= v.Top - Tolerance && h.Top <= v.Bottom + Tolerance;
    }

    /// <summary>Positions closer than the tolerance are one border (both edges of a thick line, a cell's and its neighbour's).</summary>
    private static double[] Distinct(IEnumerable<double> values)
    {
        var result = new List<double>();
        foreach (var v in values.Order())
            if (result.Count == 0 || v - result[^1] > Tolerance) result.Add(v);
        return [.. result];
    }
}
