using System.Globalization;
using System.Text;
using System.Xml.Linq;
using PlanAtlas.Read.Pdf;

namespace PlanAtlas.Read;

/// <summary>
/// The text of one OFD page in reading order. Every TextCode of the page's layers (through nested PageBlocks) is
/// split into glyphs placed as the format places them: the TextObject's Boundary origin, its CTM, the TextCode's X/Y
/// baseline start and the DeltaX/DeltaY advances (with their "g count value" shorthand). Glyphs are then grouped
/// into lines by baseline, top to bottom, and ordered left to right within a line, whatever order the objects come
/// in. Lengths are millimetres with y growing downwards; the lines handed on use the PDF reader's y-up geometry so
/// that its header removal and paragraph joining apply unchanged.
/// </summary>
internal static class OfdPageText
{
    private readonly record struct Glyph(string Value, double X, double Baseline, double Size)
    {
        public double Width => IsFullWidth(Value) ? Size : Size / 2;
    }

    /// <summary>CJK characters, and the dashes, quotes and ellipses that Chinese fonts set as wide as them.</summary>
    private static bool IsFullWidth(string s) => PdfLines.IsWide(s) || s.Length > 0 && s[0] is >= '\u2010' and <= '\u206F';

    /// <summary>Glyphs a page may hold: a dense A4 page has about 2,000; this bounds what damaged input can cost.</summary>
    private const int MaxGlyphsPerPage = 200_000;

    public static List<PdfLine> Lines(XElement page, int pageNumber, double pageHeight)
    {
        var glyphs = new List<Glyph>();
        foreach (var layer in OfdPackage.Child(page, "Content")?.Elements().Where(e => e.Name.LocalName == "Layer") ?? [])
            CollectBlock(layer, glyphs);
        return GroupLines(glyphs, pageNumber, pageHeight);
    }

    private static void CollectBlock(XElement block, List<Glyph> glyphs)
    {
        foreach (var element in block.Elements())
        {
            switch (element.Name.LocalName)
            {
                case "TextObject": CollectText(element, glyphs); break;
                case "PageBlock": CollectBlock(element, glyphs); break;
            }
        }
    }

    private static void CollectText(XElement text, List<Glyph> glyphs)
    {
        var boundary = Numbers((string?)text.Attribute("Boundary"));
        var (ox, oy) = boundary.Count >= 2 ? (boundary[0], boundary[1]) : (0, 0);
        var ctm = Numbers((string?)text.Attribute("CTM"));
        var (a, b, c, d, e, f) = ctm.Count == 6 ? (ctm[0], ctm[1], ctm[2], ctm[3], ctm[4], ctm[5]) : (1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        var size = Number((string?)text.Attribute("Size")) is > 0 and var s ? s : 3.5;
        var scaled = size * Math.Sqrt(Math.Abs(a * d - b * c));
        if (!(scaled > 0)) return;
        double penX = 0, penY = 0;
        foreach (var code in text.Elements().Where(x => x.Name.LocalName == "TextCode"))
        {
            penX = Number((string?)code.Attribute("X")) ?? penX;
            penY = Number((string?)code.Attribute("Y")) ?? penY;
            var dx = Deltas((string?)code.Attribute("DeltaX"));
            var dy = Deltas((string?)code.Attribute("DeltaY"));
            var i = 0;
            foreach (var rune in code.Value.EnumerateRunes())
            {
                if (glyphs.Count >= MaxGlyphsPerPage) throw OfdPackage.Refused($"a page holds more than {MaxGlyphsPerPage:N0} characters");
                var value = rune.ToString();
                if (!Rune.IsWhiteSpace(rune) && !Rune.IsControl(rune))
                    glyphs.Add(new Glyph(value, ox + a * penX + c * penY + e, oy + b * penX + d * penY + f, scaled));
                // Without DeltaX the advance is the font's; a CJK glyph is as wide as its size, a Latin one about half.
                penX += i < dx.Count ? dx[i] : IsFullWidth(value) ? size : size / 2;
                penY += i < dy.Count ? dy[i] : 0;
                i++;
            }
        }
    }

    private static List<PdfLine> GroupLines(List<Glyph> glyphs, int pageNumber, double pageHeight)
    {
        glyphs.Sort((p, q) => p.Baseline != q.Baseline ? p.Baseline.CompareTo(q.Baseline) : p.X.CompareTo(q.X));
        var lines = new List<PdfLine>();
        var current = new List<Glyph>();
        foreach (var glyph in glyphs)
        {
            // Glyphs of one line share a baseline; a third of the type size absorbs rounding and superscripts.
            if (current.Count > 0 && glyph.Baseline - current[0].Baseline > current[0].Size / 3)
            {
                lines.Add(Line(current, pageNumber, pageHeight));
                current = [];
            }
            current.Add(glyph);
        }
        if (current.Count > 0) lines.Add(Line(current, pageNumber, pageHeight));
        return lines;
    }

    private static PdfLine Line(List<Glyph> glyphs, int pageNumber, double pageHeight)
    {
        glyphs.Sort((p, q) => p.X.CompareTo(q.X));
        var sb = new StringBuilder();
        Glyph? previous = null;
        foreach (var g in glyphs)
        {
            if (previous is { } p)
            {
                // Producers fake bold by drawing a glyph twice a hair apart: the copy is not text.
                if (p.Value == g.Value && g.X - p.X < g.Size * 0.3) continue;
                if (g.X - (p.X + p.Width) > g.Size * 0.3 && !IsFullWidth(p.Value) && !IsFullWidth(g.Value)) sb.Append(' ');
            }
            sb.Append(g.Value);
            previous = g;
        }
        var sizes = glyphs.Select(g => g.Size).Order().ToList();
        var top = glyphs.Min(g => g.Baseline - g.Size * 0.88);
        var bottom = glyphs.Max(g => g.Baseline + g.Size * 0.12);
        return new PdfLine(pageNumber, IdeographFolding.Fold(sb.ToString()), glyphs[0].X, glyphs.Max(g => g.X + g.Width),
            pageHeight - top, pageHeight - bottom, sizes[sizes.Count / 2], pageHeight);
    }

    /// <summary>The page's height from a PhysicalBox ("x y width height").</summary>
    public static double? BoxHeight(string? box) => Numbers(box) is { Count: 4 } n && n[3] > 0 ? n[3] : null;

    /// <summary>DeltaX/DeltaY: numbers, where "g 3 5.6" stands for 5.6 three times.</summary>
    internal static List<double> Deltas(string? text)
    {
        var result = new List<double>();
        if (string.IsNullOrWhiteSpace(text)) return result;
        var tokens = text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i] == "g" && i + 2 < tokens.Length && int.TryParse(tokens[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                && Number(tokens[i + 2]) is { } repeated)
            {
                // A count larger than any line of text is damage, not text.
                for (var k = 0; k < Math.Min(count, 10_000); k++) result.Add(repeated);
                i += 2;
            }
            else if (Number(tokens[i]) is { } value) result.Add(value);
        }
        return result;
    }

    private static List<double> Numbers(string? text) =>
        string.IsNullOrWhiteSpace(text) ? []
        : text.Split((char[])[' ', '\t', '\r', '\n', ','], StringSplitOptions.RemoveEmptyEntries).Select(Number).OfType<double>().ToList();

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
}
