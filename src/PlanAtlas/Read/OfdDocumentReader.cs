using System.Xml.Linq;
using PlanAtlas.Model;
using PlanAtlas.Read.Pdf;

namespace PlanAtlas.Read;

/// <summary>
/// OFD plans (GB/T 33190-2016, the national fixed-layout format of electronic official documents): the text of the
/// first document's pages in reading order (<see cref="OfdPageText"/>), page numbers and running lines removed and
/// wrapped lines joined into paragraphs as for a PDF, and DocInfo's title, author and dates as container metadata.
/// Template pages, annotations and seals are not the document's text and are left out; a table arrives as lines of
/// text. No NuGet package reads OFD, so the package is read here with System.IO.Compression and System.Xml.
/// A paragraph's Line is its position in reading order.
/// </summary>
public sealed class OfdDocumentReader : IDocumentReader
{
    /// <summary>A4 portrait, the height of an official document's page when the file gives none.</summary>
    private const double DefaultPageHeight = 297;

    private readonly long _maxUncompressedBytes;

    public OfdDocumentReader(long maxUncompressedBytes = ZipContainer.DefaultMaxUncompressedBytes) => _maxUncompressedBytes = maxUncompressedBytes;

    public IReadOnlyCollection<string> Extensions { get; } = [".ofd"];

    public SourceDocument Read(byte[] bytes, string sourceFile)
    {
        if (bytes.Length == 0) throw new DocumentReadException("PA201", "the file is empty");
        if (!BinarySignatures.IsZip(bytes))
            throw new DocumentReadException("PA224",
                BinarySignatures.Describe(bytes) is { } kind ? $"this is {kind}, not an OFD file"
                : BinarySignatures.LooksLikeHtml(bytes) ? BinarySignatures.HtmlInstead
                : "not an OFD file: it is not a zip archive");

        try
        {
            using var package = new OfdPackage(bytes, _maxUncompressedBytes);
            var (docInfo, documentPath) = package.DocumentRoot();
            var (pagePaths, pageBox) = package.Pages(documentPath);
            var lines = PageLines(package, pagePaths, OfdPageText.BoxHeight(pageBox) ?? DefaultPageHeight);
            if (lines.Count == 0)
                throw new DocumentReadException("PA225",
                    pagePaths.Count == 0 ? "the OFD has no pages" : "the OFD's pages hold no text (a scan?); text recognition (OCR) is not supported for OFD");
            return new SourceDocument(sourceFile, "ofd", null, Paragraphs.Join(lines), Metadata(docInfo), TextDocumentReader.ContentHash(bytes));
        }
        catch (DocumentReadException) { throw; }
        // The zip and XML layers report damage through several exception types; any of them means this file cannot be read.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new DocumentReadException("PA224", $"not a readable .ofd (damaged or truncated?): {ZipContainer.FirstLine(e.Message)}");
        }
    }

    /// <summary>Every page's lines in reading order, page numbers and running lines removed.</summary>
    private static List<PdfLine> PageLines(OfdPackage package, List<string> pagePaths, double defaultHeight)
    {
        var pages = new List<List<PdfLine>>();
        for (var i = 0; i < pagePaths.Count; i++)
        {
            var page = package.Page(pagePaths[i]);
            var height = OfdPageText.BoxHeight(OfdPackage.Child(OfdPackage.Child(page, "Area"), "PhysicalBox")?.Value) ?? defaultHeight;
            pages.Add(OfdPageText.Lines(page, i + 1, height));
        }
        PageFurniture.Remove(pages);
        return pages.SelectMany(p => p).ToList();
    }

    /// <summary>DocInfo under the Dublin Core names the .docx and .pdf readers use.</summary>
    private static Dictionary<string, string> Metadata(XElement? docInfo)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string key, string name)
        {
            if (OfdPackage.Child(docInfo, name)?.Value is { } value && !string.IsNullOrWhiteSpace(value)) metadata[key] = value.Trim();
        }
        Add("dc:title", "Title");
        Add("dc:creator", "Author");
        Add("dc:subject", "Subject");
        Add("dcterms:created", "CreationDate");
        Add("dcterms:modified", "ModDate");
        var keywords = OfdPackage.Child(docInfo, "Keywords")?.Elements().Select(k => k.Value.Trim()).Where(k => k.Length > 0).ToList();
        if (keywords is { Count: > 0 }) metadata["cp:keywords"] = string.Join("; ", keywords);
        return metadata;
    }
}
