using PlanAtlas.Model;

namespace PlanAtlas.Read;

/// <summary>
/// Legacy Word .doc and Kingsoft WPS .wps plans. No .NET library served here reads the Word 97 binary format (NPOI
/// 2.4.1 ships without its HWPF part), so the file is converted by LibreOffice (<see cref="LibreOfficeConverter"/>)
/// and the .docx it makes is read as any .docx is: paragraphs, tables with their merged cells, list numbering written
/// out, core properties. Since WPS Office 2005 a .wps is a compound file in Word's binary format and converts the same
/// way. What portals serve under these names is checked first: a saved web page ("Word HTML") is read as HTML and a
/// .docx under the old name as .docx, without LibreOffice; RTF goes through LibreOffice too.
/// </summary>
public sealed class LegacyWordDocumentReader : IDocumentReader
{
    private readonly LibreOfficeConverter _converter;
    private readonly DocxDocumentReader _docx = new();
    private readonly HtmlDocumentReader _html = new();

    public LegacyWordDocumentReader(LibreOfficeConverter? converter = null) => _converter = converter ?? new LibreOfficeConverter();

    public IReadOnlyCollection<string> Extensions { get; } = [".doc", ".wps"];

    public SourceDocument Read(byte[] bytes, string sourceFile)
    {
        if (bytes.Length == 0) throw new DocumentReadException("PA201", "the file is empty");
        var extension = Path.GetExtension(sourceFile).ToLowerInvariant();
        var format = extension.TrimStart('.');
        SourceDocument document;
        if (BinarySignatures.IsZip(bytes)) document = _docx.Read(bytes, sourceFile);
        else if (BinarySignatures.LooksLikeHtml(bytes)) document = _html.Read(bytes, sourceFile);
        else if (BinarySignatures.IsCompoundFile(bytes) || BinarySignatures.IsRtf(bytes)) document = Converted(bytes, extension, sourceFile);
        else
            throw new DocumentReadException("PA220", BinarySignatures.Describe(bytes) is { } kind ? $"this is {kind}, not a Word document"
                : extension == ".wps" ? "not a Word-format document: an older Kingsoft WPS file (WPS 2000 and before) only WPS Office reads; open it there and save it as .docx"
                : "not a Word document: neither a Word 97-2003 compound file nor RTF, a web page or a .docx");
        return document with { Format = format, ContentHash = TextDocumentReader.ContentHash(bytes) };
    }

    private SourceDocument Converted(byte[] bytes, string extension, string sourceFile)
    {
        var docx = _converter.ConvertToDocx(bytes, extension);
        try
        {
            return _docx.Read(docx, sourceFile);
        }
        catch (DocumentReadException e) when (e.Code == "PA206")
        {
            throw new DocumentReadException("PA222", $"LibreOffice's conversion of the file cannot be read: {e.Message}");
        }
    }
}
