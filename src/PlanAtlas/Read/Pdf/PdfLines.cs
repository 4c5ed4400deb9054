using System.Text;

namespace PlanAtlas.Read.Pdf;

/// <summary>Something in a page's reading order: a line of text or a table.</summary>
internal abstract record PdfItem(int Page);

/// <summary>
/// One line of text on a page (one column's part of it, where a page has columns), with the geometry paragraph
/// joining and header removal need; y grows upwards from the page's foot, as in PDF. <see cref="Columns"/> and
/// <see cref="Column"/> place it in its page's layout (1 and 0 on a single-column page, or for a line across columns).
/// </summary>
internal sealed record PdfLine(int Page, string Text, double Left, double Right, double Top, double Bottom, double EmSize, double PageHeight)
    : PdfItem(Page)
{
    public int Columns { get; init; } = 1;
    public int Column { get; init; }
}

/// <summary>
/// A ruled table on a page: rows of cell texts, <see cref="Top"/> as for a line; <see cref="LastPage"/> where it runs on.
/// <see cref="Xs"/> are its grid's column borders and <see cref="Columns"/> the grid columns its cells are, by index.
/// </summary>
internal sealed record PdfTable(int Page, double Top, List<string[]> Rows, double[] Xs, int[] Columns) : PdfItem(Page)
{
    public int LastPage { get; init; } = Page;
}

/// <summary>Words into lines: words share a line when their centres are level; a wide gap between them is a column gap.</summary>
internal static class PdfLines
{
    /// <summary>Half the line's type size either side of its centre is the line: box heights mislead (a Type 3 font's box is 2.6 ems tall).</summary>
    private const double HalfHeight = 0.6;

    public static List<PdfLine> Build(int page, double pageHeight, IEnumerable<PageWord> words, double pageEm)
    {
        var lines = new List<PdfLine>();
        var level = new List<PageWord>();
        foreach (var word in words.OrderBy(w => w.CenterY).ThenBy(w => w.Left))
        {
            if (level.Count > 0 && word.CenterY - level[0].CenterY > pageEm * 0.4)
            {
                AddSegments(lines, level, page, pageHeight, pageEm);
                level = [];
            }
            level.Add(word);
        }
        if (level.Count > 0) AddSegments(lines, level, page, pageHeight, pageEm);
        return lines;
    }

    /// <summary>
    /// The type size of a page: the median of its words' widths per character, a Chinese character being one em and
    /// anything else about half. Word boxes' heights are no guide (they come from the font's declared bounding box).
    /// </summary>
    public static double PageEm(IReadOnlyList<PageWord> words)
    {
        var estimates = words.Select(WordEm).Where(e => e > 0).Order().ToList();
        if (estimates.Count > 0) return estimates[estimates.Count / 2];
        var heights = words.Select(w => w.Bottom - w.Top).Where(h => h > 0).Order().ToList();
        return heights.Count > 0 ? heights[heights.Count / 2] / 1.2 : 12;
    }

    /// <summary>A word's type size from its width, or 0 when it has too few Chinese characters to tell.</summary>
    internal static double WordEm(PageWord word)
    {
        double wide = 0, narrow = 0;
        foreach (var c in word.Text)
            if (IsWide(c)) wide++;
            else narrow++;
        return wide >= 2 ? (word.Right - word.Left) / (wide + narrow * 0.5) : 0;
    }

    /// <summary>
    /// A level of words split at gaps of 0.8 em or more: the columns of a two-column page stay apart. A full-width
    /// comma or full stop that ends a word inks only the left half of its em (and may hang into the margin,
    /// as LibreOffice lets it): the gap is measured from its ink.
    /// </summary>
    private static void AddSegments(List<PdfLine> lines, List<PageWord> level, int page, double pageHeight, double pageEm)
    {
        level.Sort((a, b) => a.Left.CompareTo(b.Left));
        var start = 0;
        for (var i = 1; i <= level.Count; i++)
            if (i == level.Count || level[i].Left - InkRight(level[i - 1], pageEm) >= pageEm * 0.8)
            {
                lines.Add(Line(level.GetRange(start, i - start), page, pageHeight, pageEm));
                start = i;
            }
    }

    private static double InkRight(PageWord word, double em) => word.Text[^1] is '、' or '。' or '，' or '；' or '：' or '！' or '？' or '）' or '”' or '」' or '》'
        ? word.Right - em / 2 : word.Right;

    private static PdfLine Line(List<PageWord> words, int page, double pageHeight, double pageEm)
    {
        var ems = words.Select(WordEm).Where(e => e > 0).Order().ToList();
        var em = ems.Count > 0 ? ems[ems.Count / 2] : pageEm;
        var center = words.Average(w => w.CenterY);
        return new PdfLine(page, Join(words), words.Min(w => w.Left), words.Max(w => w.Right),
            pageHeight - (center - em * HalfHeight), pageHeight - (center + em * HalfHeight), em, pageHeight);
    }

    /// <summary>The words of a line as text: Chinese has no spaces between words; Latin words and numbers keep theirs.</summary>
    public static string Join(IEnumerable<PageWord> words)
    {
        var sb = new StringBuilder();
        foreach (var word in words)
        {
            if (sb.Length > 0 && NeedsSpace(sb[^1], word.Text[0])) sb.Append(' ');
            sb.Append(word.Text);
        }
        return IdeographFolding.Fold(sb.ToString().Trim());
    }

    /// <summary>
    /// Whether two runs of text that a gap separates need a space between them: Latin words and numbers do; Chinese
    /// characters, full-width forms and the quotes and dashes Chinese text uses (“”‘’—…) never do.
    /// </summary>
    public static bool NeedsSpace(char before, char after) => !InChineseText(before) && !InChineseText(after);

    private static bool InChineseText(char c) => IsWide(c) || c is >= '\u2010' and <= '\u206F' or '\u00B7';

    /// <summary>Chinese characters and full-width forms: no spaces around them, however wide the justified gap.</summary>
    internal static bool IsWide(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF'
        || char.IsSurrogate(c);

    internal static bool IsWide(string s) => s.Length > 0 && IsWide(s[0]);
}
