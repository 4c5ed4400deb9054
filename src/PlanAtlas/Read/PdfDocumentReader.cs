using System.Text;
using PlanAtlas.Model;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace PlanAtlas.Read;

/// <summary>
/// PDF plans with PdfPig: the text layer in reading order (one column, top to bottom), lines that wrap joined
/// back into paragraphs, and running headers, footers and page numbers removed. A paragraph's Line is the
/// 1-based page it starts on: a PDF has no source lines, and the page is what a researcher can look up.
/// Tables arrive as lines of text (a PDF does not say what is a table); scans without a text layer are refused.
/// </summary>
public sealed class PdfDocumentReader : IDocumentReader
{
    public IReadOnlyCollection<string> Extensions { get; } = [".pdf"];

    public SourceDocument Read(byte[] bytes, string sourceFile)
    {
        if (bytes.Length == 0) throw new DocumentReadException("PA201", "the file is empty");
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) < 0)
            throw new DocumentReadException("PA207",
                BinarySignatures.Describe(bytes) is { } kind ? $"this is {kind}, not a PDF"
                : BinarySignatures.LooksLikeHtml(bytes) ? BinarySignatures.HtmlInstead
                : "not a PDF: the file does not start with %PDF-");
        List<PdfLine> lines;
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var pdf = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            // The document information dictionary, under the Dublin Core names the .docx reader uses too.
            if (!string.IsNullOrWhiteSpace(pdf.Information.Title)) metadata["dc:title"] = pdf.Information.Title.Trim();
            if (!string.IsNullOrWhiteSpace(pdf.Information.Author)) metadata["dc:creator"] = pdf.Information.Author.Trim();
            lines = [];
            var pages = new List<List<PdfLine>>();
            foreach (var page in pdf.GetPages()) pages.Add(PdfLines.FromPage(page));
            PageFurniture.Remove(pages);
            foreach (var page in pages) lines.AddRange(page);
        }
        // PdfPig reports damage through many exception types; any of them means this file cannot be read.
        catch (Exception e) when (e is not (OutOfMemoryException or DocumentReadException))
        {
            var why = e.GetType().Name.Contains("Encrypt", StringComparison.Ordinal)
                ? "the PDF is encrypted (password-protected); save an unprotected copy"
                : $"not a readable PDF (damaged or truncated?): {e.Message.Split('\n')[0].Trim()}";
            throw new DocumentReadException("PA207", why);
        }
        if (lines.Count == 0)
            throw new DocumentReadException("PA208", "the PDF has no text layer (a scan?); text recognition (OCR) is not supported");
        return new SourceDocument(sourceFile, "pdf", null, Paragraphs.Join(lines), metadata,
            TextDocumentReader.ContentHash(bytes));
    }
}

/// <summary>One line of text on a page, with the geometry paragraph joining and header removal need.</summary>
internal sealed record PdfLine(int Page, string Text, double Left, double Right, double Top, double Bottom, double EmSize, double PageHeight);

internal static class PdfLines
{
    public static List<PdfLine> FromPage(Page page)
    {
        var letters = page.Letters
            .Where(l => l.TextOrientation == TextOrientation.Horizontal && l.Value.Length > 0)
            .OrderByDescending(l => l.StartBaseLine.Y).ThenBy(l => l.StartBaseLine.X)
            .ToList();
        var lines = new List<PdfLine>();
        var current = new List<Letter>();
        foreach (var letter in letters)
        {
            // Letters of one line share a baseline; a tolerance of a third of the type size absorbs sub-pixel jitter.
            if (current.Count > 0 && Math.Abs(current[0].StartBaseLine.Y - letter.StartBaseLine.Y) > Em(current[0]) / 3)
            {
                AddLine(lines, current, page);
                current = [];
            }
            current.Add(letter);
        }
        if (current.Count > 0) AddLine(lines, current, page);
        return lines;
    }

    private static double Em(Letter l) => l.PointSize > 0 ? l.PointSize : Math.Max(l.BoundingBox.Height, 1);

    private static void AddLine(List<PdfLine> lines, List<Letter> letters, Page page)
    {
        letters.Sort((a, b) => a.StartBaseLine.X.CompareTo(b.StartBaseLine.X));
        var sb = new StringBuilder();
        Letter? previous = null;
        foreach (var l in letters)
        {
            if (previous is not null && !string.IsNullOrWhiteSpace(l.Value) && sb.Length > 0 && sb[^1] != ' '
                && l.StartBaseLine.X - previous.EndBaseLine.X > Em(l) * 0.3 && !(IsWide(previous.Value) || IsWide(l.Value)))
                sb.Append(' ');
            sb.Append(string.IsNullOrWhiteSpace(l.Value) ? " " : l.Value);
            previous = l;
        }
        var text = FoldRadicals(sb.ToString().Trim());
        if (text.Length == 0) return;
        var ink = letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        lines.Add(new PdfLine(page.Number, text,
            ink.Min(l => l.StartBaseLine.X), ink.Max(l => l.EndBaseLine.X),
            ink.Max(l => l.BoundingBox.Top), ink.Min(l => l.BoundingBox.Bottom),
            ink.Select(Em).Order().ElementAt(ink.Count / 2), page.Height));
    }

    /// <summary>
    /// Fonts in Word-made PDFs often map common characters to their Kangxi radical or compatibility code points
    /// (⼀ U+2F00 for 一, ⼯ for 工): they look the same but match nothing, and "⼀、" is no outline marker. Only those
    /// blocks are folded (NFKC per character); full-width punctuation and digits stay as they are.
    /// </summary>
    internal static string FoldRadicals(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\u2E80', '\u2FDF') && !text.AsSpan().ContainsAnyInRange('\uF900', '\uFAFF')) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            sb.Append(c is >= '\u2E80' and <= '\u2FDF' or >= '\uF900' and <= '\uFAFF' ? c.ToString().Normalize(NormalizationForm.FormKC) : c);
        return sb.ToString();
    }

    /// <summary>Chinese text has no spaces between characters, however wide the justified gap.</summary>
    internal static bool IsWide(string s) => s.Length > 0 && s[0] is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF';
}

/// <summary>
/// Running headers and footers: lines at the top or bottom of a page that repeat (digits aside) on at least
/// half the pages, and lines there that are nothing but a page number ("— 3 —", "第3页 共9页", "3/9").
/// </summary>
internal static class PageFurniture
{
    private const int LinesPerEdge = 2;
    private const double EdgeBand = 0.15;

    public static void Remove(List<List<PdfLine>> pages)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in pages)
            foreach (var key in EdgeLines(page).Select(Key).Distinct()) counts[key] = counts.GetValueOrDefault(key) + 1;
        var threshold = Math.Max(2, (pages.Count + 1) / 2);
        foreach (var page in pages)
        {
            var furniture = EdgeLines(page)
                .Where(l => IsPageNumber(l.Text) || (pages.Count >= 2 && counts[Key(l)] >= threshold))
                .ToHashSet();
            page.RemoveAll(furniture.Contains);
        }
    }

    private static IEnumerable<PdfLine> EdgeLines(List<PdfLine> page) =>
        page.Take(LinesPerEdge).Where(l => l.Top >= l.PageHeight * (1 - EdgeBand))
            .Concat(page.TakeLast(LinesPerEdge).Where(l => l.Bottom <= l.PageHeight * EdgeBand))
            .Distinct();

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
}

/// <summary>
/// Joins wrapped lines back into paragraphs. Chinese official documents indent the first line of every paragraph
/// by two characters (GB/T 9704), and that indent is the reliable signal: where a document uses it, a line starts a
/// paragraph when it is indented or centred, after a clear vertical gap, or after a line that stops well short of
/// the margin. Line ends alone mislead, because line breaking keeps closing quotes and brackets with their word and
/// so ends lines a few characters early. Documents without indents fall back to "the previous line ran to the margin".
/// </summary>
internal static class Paragraphs
{
    public static List<SourceBlock> Join(List<PdfLine> lines)
    {
        var blocks = new List<SourceBlock>();
        var left = lines.Select(l => l.Left).Order().ElementAt(lines.Count / 10);
        var right = lines.Select(l => l.Right).Order().ElementAt(lines.Count * 9 / 10);
        var indented = lines.Count(l => l.Left > left + l.EmSize * 1.5 && l.Left < left + l.EmSize * 2.5);
        var indentMode = indented >= 2 && indented >= lines.Count / 20;
        var sb = new StringBuilder();
        PdfLine? start = null, previous = null;
        foreach (var line in lines)
        {
            if (previous is not null && StartsParagraph(line, previous, left, right, indentMode) && start is not null)
            {
                blocks.Add(new ParagraphBlock(blocks.Count + 1, sb.ToString()));
                sb.Clear();
                start = null;
            }
            start ??= line;
            // Latin words broken across lines need their space back; Chinese ones must not get one.
            if (sb.Length > 0 && !PdfLines.IsWide(sb[^1].ToString()) && !PdfLines.IsWide(line.Text)) sb.Append(' ');
            sb.Append(line.Text);
            previous = line;
        }
        if (start is not null) blocks.Add(new ParagraphBlock(blocks.Count + 1, sb.ToString()));
        return blocks;
    }

    private static bool StartsParagraph(PdfLine line, PdfLine previous, double left, double right, bool indentMode)
    {
        if (line.Left > left + line.EmSize * 0.5) return true;
        if (line.Page == previous.Page && previous.Bottom - line.Top >= previous.EmSize * 1.5) return true;
        return indentMode
            ? previous.Right < left + (right - left) * 0.6
            : previous.Right < right - previous.EmSize * 1.5;
    }
}
