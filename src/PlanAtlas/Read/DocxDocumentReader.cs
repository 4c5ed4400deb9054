using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PlanAtlas.Model;

namespace PlanAtlas.Read;

/// <summary>
/// Word .docx plans with DocumentFormat.OpenXml: body paragraphs and tables in document order. Headers, footers,
/// footnotes and comments are page furniture, not the plan, and are left out. A block's Line is its 1-based
/// position among the blocks (a .docx has no source lines); a soft line break (w:br) starts a new block, as a
/// line break would in a text file. Lines are unique because the parser's spans name their block by Line. Automatic list numbering is
/// written out in front of the text (<see cref="DocxNumbering"/>), as Word shows it.
/// </summary>
public sealed class DocxDocumentReader : IDocumentReader
{
    /// <summary>Uncompressed size beyond which a .docx is refused (<see cref="ZipContainer.DefaultMaxUncompressedBytes"/>).</summary>
    public const long DefaultMaxUncompressedBytes = ZipContainer.DefaultMaxUncompressedBytes;

    private readonly long _maxUncompressedBytes;

    public DocxDocumentReader(long maxUncompressedBytes = DefaultMaxUncompressedBytes) => _maxUncompressedBytes = maxUncompressedBytes;

    public IReadOnlyCollection<string> Extensions { get; } = [".docx"];

    public SourceDocument Read(byte[] bytes, string sourceFile)
    {
        if (bytes.Length == 0) throw new DocumentReadException("PA201", "the file is empty");
        CheckZip(bytes);
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var doc = WordprocessingDocument.Open(stream, false, new OpenSettings { AutoSave = false });
            var body = doc.MainDocumentPart?.Document?.Body
                ?? throw new DocumentReadException("PA206", "not a Word document: it has no main document part");
            var blocks = new List<SourceBlock>();
            var numbering = new DocxNumbering(doc.MainDocumentPart);
            foreach (var element in BodyElements(body))
            {
                if (element is Paragraph p)
                {
                    var lines = ParagraphLines(p);
                    lines[0] = numbering.Marker(p) + lines[0];
                    foreach (var line in lines) blocks.Add(new ParagraphBlock(blocks.Count + 1, line));
                }
                else if (element is Table t)
                {
                    blocks.Add(new TableBlock(blocks.Count + 1, TableRows(t)));
                }
            }
            return new SourceDocument(sourceFile, "docx", null, blocks, CoreProperties(doc), TextDocumentReader.ContentHash(bytes));
        }
        catch (DocumentReadException) { throw; }
        // OpenXml reports damage as OpenXmlPackageException, XmlException, InvalidDataException, InvalidOperationException
        // and more; on untrusted bytes any of them means only that this file cannot be read.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new DocumentReadException("PA206", $"not a readable .docx (damaged or truncated?): {ZipContainer.FirstLine(e.Message)}");
        }
    }

    /// <summary>Zip damage and zip bombs are cheaper to catch from the central directory than inside OpenXml.</summary>
    private void CheckZip(byte[] bytes)
    {
        if (BinarySignatures.Describe(bytes) is { } kind && !kind.StartsWith("a zip", StringComparison.Ordinal))
            throw new DocumentReadException("PA206", $"this is {kind}, not a .docx");
        if (BinarySignatures.LooksLikeHtml(bytes)) throw new DocumentReadException("PA206", BinarySignatures.HtmlInstead);
        using var zip = ZipContainer.Open(bytes, _maxUncompressedBytes, "PA206", ".docx");
        if (zip.GetEntry("word/document.xml") is null && !zip.Entries.Any(e => e.FullName.EndsWith("document.xml", StringComparison.OrdinalIgnoreCase)))
            throw new DocumentReadException("PA206", "not a Word document: the archive has no word/document.xml");
    }

    /// <summary>Paragraphs and tables of the body in order, looking through content controls and tracked insertions.</summary>
    private static IEnumerable<OpenXmlElement> BodyElements(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case Paragraph or Table:
                    yield return child;
                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                    foreach (var e in BodyElements(content)) yield return e;
                    break;
                case CustomXmlBlock or InsertedRun:
                    foreach (var e in BodyElements(child)) yield return e;
                    break;
            }
        }
    }

    /// <summary>The visible text of a paragraph, split at soft line breaks; deleted text (w:delText) is not visible.</summary>
    internal static List<string> ParagraphLines(OpenXmlElement paragraph)
    {
        var lines = new List<string>();
        var sb = new StringBuilder();
        foreach (var node in paragraph.Descendants())
        {
            switch (node)
            {
                case Text t: sb.Append(t.Text); break;
                case TabChar: sb.Append('\t'); break;
                case Break or CarriageReturn:
                    lines.Add(sb.ToString());
                    sb.Clear();
                    break;
                case NoBreakHyphen: sb.Append('-'); break;
            }
        }
        lines.Add(sb.ToString());
        return lines;
    }

    /// <summary>Cells hold their paragraphs joined by line breaks; a table nested in a cell contributes its text.</summary>
    private static IReadOnlyList<IReadOnlyList<string>> TableRows(Table table) =>
        table.Elements<TableRow>()
            .Select(row => (IReadOnlyList<string>)row.Elements<TableCell>()
                .Select(cell => string.Join('\n', cell.Descendants<Paragraph>().SelectMany(ParagraphLines)))
                .ToList())
            .ToList();

    /// <summary>The package's core properties, under their Dublin Core names, where the author filled them in.</summary>
    private static Dictionary<string, string> CoreProperties(WordprocessingDocument doc)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var p = doc.PackageProperties;
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) metadata[key] = value.Trim();
        }
        Add("dc:title", p.Title);
        Add("dc:creator", p.Creator);
        Add("dc:subject", p.Subject);
        Add("cp:keywords", p.Keywords);
        Add("dcterms:created", p.Created?.ToUniversalTime().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return metadata;
    }
}
