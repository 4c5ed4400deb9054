using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;

namespace PlanAtlas.Read.Pdf;

/// <summary>
/// The ruling lines of each page (table borders), read with PdfPig, which gives a page's drawn paths with their
/// geometry: LibreOffice strokes each border as a line, Chromium and Word fill thin rectangles, some writers stroke a
/// rectangle per cell. Text comes from poppler (<see cref="PopplerText"/>); the two agree on page coordinates.
/// </summary>
internal static class PdfRules
{
    /// <summary>Thicker than this is a shape, not a line.</summary>
    private const double MaxThickness = 2.5;
    private const double MinLength = 4;

    /// <summary>Rules per page number; empty when PdfPig cannot read the file (its tables are then read as text).</summary>
    public static Dictionary<int, List<PageRule>> Read(byte[] bytes)
    {
        var rules = new Dictionary<int, List<PageRule>>();
        try
        {
            using var pdf = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            for (var n = 1; n <= pdf.NumberOfPages; n++)
            {
                var page = pdf.GetPage(n);
                var list = new List<PageRule>();
                foreach (var path in page.Paths)
                {
                    if (path.IsClipping || !(path.IsFilled || path.IsStroked)) continue;
                    foreach (var sub in path)
                        if (sub.GetBoundingRectangle() is { } box) AddRules(list, box, path.IsStroked && !path.IsFilled, page.Height);
                }
                rules[n] = list;
            }
        }
        // Rules only refine the layout: a file PdfPig cannot take is still read, without them.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            rules.Clear();
        }
        return rules;
    }

    private static void AddRules(List<PageRule> list, PdfRectangle box, bool outline, double pageHeight)
    {
        double left = box.Left, right = box.Right, top = pageHeight - box.Top, bottom = pageHeight - box.Bottom;
        if (box.Height <= MaxThickness && box.Width >= MinLength) list.Add(new PageRule(left, (top + bottom) / 2, right, (top + bottom) / 2));
        else if (box.Width <= MaxThickness && box.Height >= MinLength) list.Add(new PageRule((left + right) / 2, top, (left + right) / 2, bottom));
        else if (outline && box.Width >= MinLength && box.Height >= MinLength)
        {
            // A stroked rectangle is four rules (a cell's border).
            list.Add(new PageRule(left, top, right, top));
            list.Add(new PageRule(left, bottom, right, bottom));
            list.Add(new PageRule(left, top, left, bottom));
            list.Add(new PageRule(right, top, right, bottom));
        }
    }
}
