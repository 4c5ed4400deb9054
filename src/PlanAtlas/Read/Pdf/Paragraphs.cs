using System.Text;
using System.Text.RegularExpressions;
using PlanAtlas.Model;

namespace PlanAtlas.Read.Pdf;

/// <summary>
/// Joins wrapped lines back into paragraphs. Chinese official documents indent the first line of every paragraph
/// by two characters (GB/T 9704), and that indent is the reliable signal: where a document uses it, a line starts a
/// paragraph when it is indented or centred, after a clear vertical gap, or after a line that stops well short of
/// the column's margin. Line ends alone mislead, because line breaking keeps closing quotes and brackets with their word and
/// so ends lines a few characters early. Documents without indents (a web page printed from a browser: paragraphs
/// apart by their margins) break at the gaps and after lines short of the margin. Where the text goes on at the top
/// of the next page or column there is no gap to see: a line that opens with an outline marker (（十九）, 二、, 3.)
/// starts a paragraph there even when the last one ran to the margin.
/// </summary>
internal static partial class Paragraphs
{
    public static List<SourceBlock> Join(IReadOnlyList<PdfItem> items)
    {
        var blocks = new List<SourceBlock>();
        var lines = items.OfType<PdfLine>().ToList();
        var layout = lines.Count > 0 ? new Layout(lines) : null;
        var sb = new StringBuilder();
        PdfLine? previous = null;
        void Flush()
        {
            if (sb.Length > 0) blocks.Add(new ParagraphBlock(blocks.Count + 1, sb.ToString()));
            sb.Clear();
        }
        foreach (var item in items)
        {
            if (item is PdfTable table)
            {
                Flush();
                blocks.Add(new TableBlock(blocks.Count + 1, table.Rows.Select(r => (IReadOnlyList<string>)r).ToList()));
                previous = null;
                continue;
            }
            var line = (PdfLine)item;
            if (previous is not null && layout!.StartsParagraph(line, previous)) Flush();
            // Latin words broken across lines need their space back; Chinese ones must not get one.
            if (sb.Length > 0 && PdfLines.NeedsSpace(sb[^1], line.Text[0])) sb.Append(' ');
            sb.Append(line.Text);
            previous = line;
        }
        Flush();
        return blocks;
    }

    /// <summary>The margins of each column layout, the usual gap between lines and whether paragraphs are indented.</summary>
    private sealed class Layout
    {
        private readonly Dictionary<(int, int), (double Left, double Right)> _margins = [];
        private readonly double _gap;
        private readonly bool _indentMode;
        /// <summary>Paragraphs stand apart by a gap (a web page's paragraph margins).</summary>
        private readonly bool _spaced;

        public Layout(List<PdfLine> lines)
        {
            foreach (var group in lines.GroupBy(l => (l.Columns, l.Column)))
            {
                var lefts = group.Select(l => l.Left).Order().ToList();
                var rights = group.Select(l => l.Right).Order().ToList();
                _margins[group.Key] = (lefts[lefts.Count / 10], rights[rights.Count * 9 / 10]);
            }
            var gaps = new List<double>();
            for (var i = 1; i < lines.Count; i++)
                if (Flows(lines[i], lines[i - 1]) && Gap(lines[i], lines[i - 1]) is var g && g > -lines[i].EmSize && g < lines[i].EmSize * 3)
                    gaps.Add(g);
            _gap = gaps.Count > 0 ? gaps.Order().ElementAt(gaps.Count / 2) : 0;
            var wide = gaps.Count(g => g > _gap + lines[0].EmSize * 0.5);
            _spaced = wide >= 2 && wide >= lines.Count / 40;
            var indented = lines.Count(l => l.Left > Margins(l).Left + l.EmSize * 1.5 && l.Left < Margins(l).Left + l.EmSize * 2.5);
            _indentMode = indented >= 2 && indented >= lines.Count / 20;
        }

        public bool StartsParagraph(PdfLine line, PdfLine previous)
        {
            var (left, right) = Margins(line);
            var continues = !Flows(line, previous);
            var gap = !continues && Gap(line, previous) > _gap + line.EmSize * 0.5;
            // A title too long for its column wraps into a second centred line: one paragraph, as it was written.
            if (!continues && !gap && Centred(line) && WideCentred(previous)) return false;
            if (line.Left > left + line.EmSize * 0.5 || gap) return true;
            var (previousLeft, previousRight) = Margins(previous);
            if (_indentMode)
                return previous.Right < previousLeft + (previousRight - previousLeft) * 0.6 || (continues && OutlineMarker().IsMatch(line.Text));
            // Without indents, a line that ends short of the margin ends its paragraph when it ends a sentence or the
            // next line opens with an outline marker (a heading has no full stop): ragged lines end up to two characters
            // early where a closing quote or a comma may not start the next line.
            var shortBy = previousRight - previous.Right;
            var ended = shortBy > previous.EmSize * 4
                || (shortBy > previous.EmSize * 1.5 && (EndsSentence(previous.Text) || OutlineMarker().IsMatch(line.Text)));
            if (continues) return ended || OutlineMarker().IsMatch(line.Text);
            // Where paragraphs stand apart, the gap has had its say: a short line inside one is only line breaking.
            return !_spaced && ended;
        }

        private bool Centred(PdfLine line)
        {
            var (left, right) = Margins(line);
            return line.Left > left + line.EmSize * 0.5 && Math.Abs(line.Left - left - (right - line.Right)) <= line.EmSize * 1.5;
        }

        /// <summary>A centred line that nearly fills its column: a little in from both margins, by the same amount.</summary>
        private bool WideCentred(PdfLine line)
        {
            var (left, right) = Margins(line);
            var (before, after) = (line.Left - left, right - line.Right);
            return before >= line.EmSize * 0.25 && before < line.EmSize * 1.5 && Math.Abs(before - after) <= line.EmSize;
        }

        private (double Left, double Right) Margins(PdfLine line) => _margins[(line.Columns, line.Column)];

        /// <summary>Whether a line comes below the one before it on its page; otherwise the text goes on at the top of a page or column.</summary>
        private static bool Flows(PdfLine line, PdfLine previous) => line.Page == previous.Page && line.Top < previous.Top;

        /// <summary>The white space between a line and the one above it.</summary>
        private static double Gap(PdfLine line, PdfLine above) => above.Bottom - line.Top;
    }

    /// <summary>Whether a text ends a sentence or a clause that can end a paragraph (。！？；：, a closing bracket or quote).</summary>
    internal static bool EndsSentence(string text) => text.TrimEnd() is { Length: > 0 } t && t[^1] is '。' or '！' or '？' or '；' or '：' or '）' or ')' or '”' or '.' or '!' or '?' or ';' or ':';

    [GeneratedRegex(@"^\s*([一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)]|\d{1,3}[.．、]|[（(]\d{1,3}[）)]|第[一二三四五六七八九十百]+[章节条])")]
    private static partial Regex OutlineMarker();
}
