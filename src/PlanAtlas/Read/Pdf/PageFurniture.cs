using System.Text;
using System.Text.RegularExpressions;

namespace PlanAtlas.Read.Pdf;

/// <summary>
/// Running headers and footers: lines in the top or bottom two rows of a page that repeat (digits aside) on at least
/// half the pages, and lines there that are nothing but a page number ("— 3 —", "第3页 共9页", "3/9"), a web address
/// or a print time stamp — what a browser prints around every page (Chromium: the date and the title at the top, the
/// file's URL and "1/5" at the foot).
/// </summary>
internal static partial class PageFurniture
{
    private const int RowsPerEdge = 2;
    private const double EdgeBand = 0.15;

    public static void Remove(List<List<PdfLine>> pages)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in pages)
            foreach (var key in EdgeRows(page).SelectMany(e => e).SelectMany(r => r).Distinct().Select(Key).Distinct())
                counts[key] = counts.GetValueOrDefault(key) + 1;
        var threshold = Math.Max(2, (pages.Count + 1) / 2);
        foreach (var page in pages)
        {
            var furniture = new HashSet<PdfLine>(ReferenceEqualityComparer.Instance);
            // Furniture sits at the edge: a repeated line below a row of text is text (the same short line can end a
            // paragraph at the same height on both pages of a two-page plan).
            foreach (var edge in EdgeRows(page))
                foreach (var row in edge)
                {
                    var found = row.Where(l => IsPageNumber(l.Text) || IsBrowserStamp(l.Text) || (pages.Count >= 2 && counts[Key(l)] >= threshold)).ToList();
                    if (found.Count == 0) break;
                    furniture.UnionWith(found);
                }
            page.RemoveAll(furniture.Contains);
        }
    }

    /// <summary>
    /// The top and the bottom rows of a page (lines level with each other are one row) inside the edge bands, each
    /// edge's from the page's edge inwards.
    /// </summary>
    private static IEnumerable<IEnumerable<List<PdfLine>>> EdgeRows(List<PdfLine> page)
    {
        if (page.Count == 0) return [];
        var rows = new List<List<PdfLine>>();
        foreach (var line in page.OrderByDescending(l => l.Top))
        {
            if (rows.Count > 0 && Math.Abs(rows[^1][0].Top - line.Top) <= line.EmSize * 0.4) rows[^1].Add(line);
            else rows.Add([line]);
        }
        var height = page[0].PageHeight;
        return [rows.Take(RowsPerEdge).Select(r => r.Where(l => l.Top >= height * (1 - EdgeBand)).ToList()).TakeWhile(r => r.Count > 0),
            rows.TakeLast(RowsPerEdge).Reverse().Select(r => r.Where(l => l.Bottom <= height * EdgeBand).ToList()).TakeWhile(r => r.Count > 0)];
    }

    private static string Key(PdfLine line)
    {
        var sb = new StringBuilder(line.Text.Length);
        foreach (var c in line.Text)
            if (!char.IsWhiteSpace(c)) sb.Append(char.IsDigit(c) ? '#' : c);
        return (line.Top >= line.PageHeight / 2 ? "top:" : "bottom:") + sb;
    }

    internal static bool IsPageNumber(string text)
    {
        var digits = false;
        foreach (var c in text)
        {
            if (char.IsDigit(c)) digits = true;
            else if (!(char.IsWhiteSpace(c) || c is '-' or '—' or '–' or '/' or '第' or '页' or '共' or '·' or '.' or '(' or ')'
                       || "PpageofOF".Contains(c)))
                return false;
        }
        return digits;
    }

    /// <summary>A web or file address, or a date and time as browsers print them ("12/7/26, 2:32 AM", "2026/12/7 14:05").</summary>
    internal static bool IsBrowserStamp(string text) => BrowserStamp().IsMatch(text.Trim());

    [GeneratedRegex(@"^((file|https?)://\S+|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+\d{1,2}:\d{2}(:\d{2})?(\s*[AP]M)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex BrowserStamp();
}
