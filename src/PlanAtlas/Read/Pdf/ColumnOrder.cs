namespace PlanAtlas.Read.Pdf;

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
    /// Words that run across the gutter, split at it. A text layer can hold the end of a left-column line and the
    /// start of the right column's as one word, with the gutter inside it: such a word is wider than its characters
    /// by at least an em. Its characters are an em apart (Chinese characters are equal width), the left line's from
    /// the word's left edge and the right line's back from its right edge, so each cut places both pieces; of the cuts
    /// that leave the gutter between them, the word is cut where the right piece starts at the right column's margin
    /// (or a paragraph's indent in from it), else after the left piece's last sentence end (a short last line of a
    /// paragraph), else where the left piece reaches the gutter (the left line ran to its margin). A centred title
    /// across the page has no such excess width and stays whole.
    /// </summary>
    public static List<PageWord> SplitAtGutter(IEnumerable<PageWord> words, double gutter, double em)
    {
        var all = words.ToList();
        var rightLefts = all.Where(w => w.Left >= gutter).Select(w => w.Left).Order().ToList();
        double? margin = rightLefts.Count > 0 ? rightLefts[rightLefts.Count / 10] : null;
        var result = new List<PageWord>();
        foreach (var w in all)
        {
            var advances = w.Text.Select(c => PdfLines.IsWide(c) ? em : em / 2).ToList();
            if (w.Text.Length < 2 || w.Left >= gutter || w.Right <= gutter || w.Right - w.Left - advances.Sum() < em)
            {
                result.Add(w);
                continue;
            }
            // A full stop or comma at the left line's end inks only the left half of its em and may hang past the gutter.
            var cuts = Enumerable.Range(1, w.Text.Length - 1).Where(k => !char.IsLowSurrogate(w.Text[k]))
                .Select(k => (At: k, LeftEnd: w.Left + advances.Take(k).Sum(), RightStart: w.Right - advances.Skip(k).Sum()))
                .Where(c => c.LeftEnd <= gutter + em / 2 && c.RightStart >= gutter)
                .ToList();
            var atMargin = margin is { } m
                ? cuts.Where(c => Math.Min(Math.Abs(c.RightStart - m), Math.Abs(c.RightStart - m - 2 * em)) <= em / 2).ToList()
                : [];
            var ended = cuts.Where(c => Paragraphs.EndsSentence(w.Text[..c.At])).ToList();
            var reaching = cuts.Where(c => c.LeftEnd + advances[c.At] > gutter + em / 2).ToList();
            // A word with none of these (a title spaced out across the gutter) is one word.
            if (atMargin.Count + ended.Count + reaching.Count == 0)
            {
                result.Add(w);
                continue;
            }
            var cut = atMargin.Count > 0 ? atMargin.MinBy(c => Math.Abs(c.RightStart - margin!.Value)) : ended.Count > 0 ? ended[^1] : reaching[0];
            result.Add(w with { Text = w.Text[..cut.At], Right = cut.LeftEnd });
            result.Add(w with { Text = w.Text[cut.At..], Left = cut.RightStart });
        }
        return result;
    }
}
