namespace PlanAtlas.Read;

/// <summary>
/// Reading order on one page: top to bottom, and on a two-column page the left column before the right one. A page
/// has two columns when a vertical gutter near its middle separates lines on both sides and only a few lines
/// (titles, centred headings, tables) cross it; those lines divide the page into bands, each read column by column.
/// </summary>
internal static class ColumnOrder
{
    /// <param name="gutter">The page's gutter (<see cref="Gutter"/>), or null for a single column.</param>
    public static List<PdfItem> Order(List<PdfItem> items, double? gutter)
    {
        var byTop = items.OrderByDescending(Top).ThenBy(i => i is PdfLine l ? l.Left : 0).ToList();
        if (gutter is not { } x) return byTop;

        var ordered = new List<PdfItem>();
        var left = new List<PdfItem>();
        var right = new List<PdfItem>();
        void Flush()
        {
            ordered.AddRange(left);
            ordered.AddRange(right);
            left.Clear();
            right.Clear();
        }
        foreach (var item in byTop)
        {
            if (item is PdfLine line && line.Right <= x) left.Add(line with { Columns = 2, Column = 0 });
            else if (item is PdfLine l && l.Left >= x) right.Add(l with { Columns = 2, Column = 1 });
            else
            {
                Flush();
                ordered.Add(item);
            }
        }
        Flush();
        return ordered;
    }

    private static double Top(PdfItem item) => item switch { PdfLine l => l.Top, PdfTable t => t.Top, _ => 0 };

    /// <summary>
    /// The x of a gutter between two columns, or null: the middle of the widest run of points in the page's middle
    /// third that the fewest lines cross, if at least a fifth of the lines (and three) lie on each side and at most a
    /// quarter cross it.
    /// </summary>
    internal static double? Gutter(List<PdfLine> lines, double pageWidth)
    {
        if (lines.Count < 6) return null;
        var bestCrossing = int.MaxValue;
        double start = 0, end = 0;
        for (var x = Math.Floor(pageWidth / 3); x <= pageWidth * 2 / 3; x += 1)
        {
            int crossing = 0, leftOf = 0, rightOf = 0;
            foreach (var l in lines)
            {
                if (l.Right <= x) leftOf++;
                else if (l.Left >= x) rightOf++;
                else crossing++;
            }
            var sides = Math.Min(leftOf, rightOf);
            if (sides < 3 || sides < lines.Count / 5 || crossing > lines.Count / 4) continue;
            if (crossing < bestCrossing) (bestCrossing, start, end) = (crossing, x, x);
            else if (crossing == bestCrossing && x == end + 1) end = x;
        }
        return bestCrossing == int.MaxValue ? null : (start + end) / 2;
    }

    /// <summary>
    /// Words that run across the gutter, split at it. A text layer can hold the last character of a left-column line
    /// and the first of the right column's as one word, with the gutter inside it: such a word is wider than its
    /// characters by at least an em, and is cut where its characters reach the gutter. A centred title across the
    /// page has no such excess width and stays whole.
    /// </summary>
    public static List<PageWord> SplitAtGutter(IEnumerable<PageWord> words, double gutter, double em)
    {
        var result = new List<PageWord>();
        foreach (var w in words)
        {
            var advances = w.Text.Select(c => PdfLines.IsWide(c) ? 1.0 : 0.5).ToList();
            var excess = w.Right - w.Left - advances.Sum() * em;
            if (w.Left >= gutter || w.Right <= gutter || excess < em)
            {
                result.Add(w);
                continue;
            }
            var (split, x) = (0, w.Left);
            while (split < advances.Count && x + advances[split] * em <= gutter + em / 2) x += advances[split++] * em;
            if (split < w.Text.Length && char.IsLowSurrogate(w.Text[split])) split++;
            if (split == 0 || split >= advances.Count)
            {
                result.Add(w);
                continue;
            }
            var rightWidth = advances.Skip(split).Sum() * em;
            result.Add(w with { Text = w.Text[..split], Right = x });
            result.Add(w with { Text = w.Text[split..], Left = w.Right - rightWidth });
        }
        return result;
    }
}
