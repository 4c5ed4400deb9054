using System.Globalization;
using System.Xml;

namespace PlanAtlas.Read.Pdf;

/// <summary>
/// The text layer of a PDF as poppler reads it (`pdftotext -bbox`: every word with its box, page by page). Poppler,
/// not PdfPig, decodes the glyphs: PdfPig 0.1.16 maps a character code to text only through the font's ToUnicode
/// map (and predefined CMaps); for an Identity-H CID font without one it returns the code itself cast to a char
/// (BaseStreamProcessor: "Try casting directly to string as in PDFBox 1.8"), so the Chinese of such a file becomes
/// invisible control characters while Latin text in simple WinAnsi fonts survives; and with SkipMissingFonts, which
/// lenient reading needs, the glyphs of a font it cannot parse are dropped without a word. Poppler falls back on the
/// encoding and the embedded font's own tables. Reading order, columns and tables are left to the layout steps.
/// </summary>
internal static class PopplerText
{
    public sealed record Result(List<PageText> Pages, Dictionary<string, string> Metadata);

    /// <exception cref="DocumentReadException">PA207 when poppler cannot read the file, PA209 when it is not installed.</exception>
    public static Result Read(ExternalTool pdftotext, string pdfPath, TimeSpan timeout)
    {
        var run = pdftotext.Run(["-bbox", "-enc", "UTF-8", "-q", pdfPath, "-"], timeout);
        if (run.NotFound) throw new DocumentReadException("PA209", $"{run.Error}; it reads the text of PDF files");
        if (run.Error is not null)
            throw new DocumentReadException("PA207", run.Error.Contains("password", StringComparison.OrdinalIgnoreCase)
                ? "the PDF is encrypted (password-protected); save an unprotected copy"
                : $"not a readable PDF (damaged or truncated?): pdftotext {run.Error.Split('\n')[0].Trim()}");
        return Parse(run.Output);
    }

    /// <summary>pdftotext's XHTML: &lt;title&gt; and &lt;meta&gt; in the head, then &lt;page&gt; elements holding &lt;word&gt;s.</summary>
    internal static Result Parse(string xhtml)
    {
        var pages = new List<PageText>();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        // The output names the XHTML DTD: it is never fetched (DtdProcessing.Ignore, no resolver).
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreWhitespace = true };
        using var reader = XmlReader.Create(new StringReader(WithoutControlCharacters(xhtml)), settings);
        List<PageWord>? words = null;
        double width = 0, height = 0;
        // ReadElementContentAsString leaves the reader on the next node already: it must not be skipped.
        var advance = true;
        while (!advance || reader.Read())
        {
            advance = true;
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "page" && words is not null)
            {
                pages.Add(new PageText(pages.Count + 1, width, height, words, []));
                words = null;
                continue;
            }
            if (reader.NodeType != XmlNodeType.Element) continue;
            switch (reader.LocalName)
            {
                case "title":
                    AddMetadata(metadata, "dc:title", reader.ReadElementContentAsString());
                    advance = false;
                    break;
                case "meta" when reader.GetAttribute("name") == "Author":
                    AddMetadata(metadata, "dc:creator", reader.GetAttribute("content"));
                    break;
                case "page":
                    width = Number(reader, "width");
                    height = Number(reader, "height");
                    words = [];
                    if (reader.IsEmptyElement)
                    {
                        pages.Add(new PageText(pages.Count + 1, width, height, words, []));
                        words = null;
                    }
                    break;
                case "word" when words is not null:
                    double left = Number(reader, "xMin"), top = Number(reader, "yMin"), right = Number(reader, "xMax"), bottom = Number(reader, "yMax");
                    var text = reader.ReadElementContentAsString();
                    advance = false;
                    if (!string.IsNullOrWhiteSpace(text)) words.Add(new PageWord(text, left, top, right, bottom));
                    break;
            }
        }
        return new Result(pages, metadata);
    }

    /// <summary>
    /// A text layer without ToUnicode maps yields control characters, which XML forbids: they become U+FFFD, so the
    /// document is still read and the quality gate (<see cref="TextQuality"/>) sees how much of it is unreadable.
    /// </summary>
    private static string WithoutControlCharacters(string xhtml)
    {
        if (!xhtml.AsSpan().ContainsAnyInRange('\u0000', '\u0008') && !xhtml.AsSpan().ContainsAnyInRange('\u000B', '\u001F')) return xhtml;
        var chars = xhtml.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (chars[i] < ' ' && chars[i] is not ('\t' or '\n' or '\r')) chars[i] = '\uFFFD';
        return new string(chars);
    }

    private static void AddMetadata(Dictionary<string, string> metadata, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) metadata[key] = value.Trim();
    }

    private static double Number(XmlReader reader, string attribute) =>
        double.TryParse(reader.GetAttribute(attribute), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;
}
