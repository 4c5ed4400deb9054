using PlanAtlas.Model;

namespace PlanAtlas.Read.Pdf;

/// <summary>
/// PDF plans: the text layer as poppler's pdftotext reads it, the ruling lines of tables as PdfPig reads them, and
/// scanned pages recognised with Tesseract where it is installed (<see cref="PdfLayout"/> makes the blocks). A
/// paragraph's Line is its ordinal in reading order: a PDF has no source lines.
/// </summary>
public sealed class PdfDocumentReader(PdfTools? tools = null) : IDocumentReader
{
    private readonly PdfTools _tools = tools ?? PdfTools.Default;

    public IReadOnlyCollection<string> Extensions { get; } = [".pdf"];

    public SourceDocument Read(byte[] bytes, string sourceFile)
    {
        if (bytes.Length == 0) throw new DocumentReadException("PA201", "the file is empty");
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) < 0)
            throw new DocumentReadException("PA207",
                BinarySignatures.Describe(bytes) is { } kind ? $"this is {kind}, not a PDF"
                : BinarySignatures.LooksLikeHtml(bytes) ? BinarySignatures.HtmlInstead
                : "not a PDF: the file does not start with %PDF-");
        // The tools read files: the bytes go to a folder of this run's own, removed afterwards.
        var folder = Directory.CreateTempSubdirectory("planatlas-pdf-");
        try
        {
            var path = Path.Combine(folder.FullName, "document.pdf");
            File.WriteAllBytes(path, bytes);
            var text = PopplerText.Read(_tools.PdfToText, path, _tools.Timeout);
            if (text.Pages.Count == 0) throw new DocumentReadException("PA207", "the PDF has no pages");
            var rules = PdfRules.Read(bytes);
            var pages = text.Pages.Select(p => p with { Rules = rules.GetValueOrDefault(p.Number) ?? [] }).ToList();
            var (recognition, notes) = RecognizeScannedPages(pages, path, folder.FullName);
            var blocks = PdfLayout.Blocks(pages);
            if (blocks.Count == 0 && recognition is not null)
                throw new DocumentReadException("PA208", "the PDF has no text layer, and text recognition (OCR) found no text on its pages");
            return new SourceDocument(sourceFile, "pdf", null, blocks, text.Metadata, TextDocumentReader.ContentHash(bytes))
            {
                Notes = notes,
                Recognition = recognition,
            };
        }
        finally
        {
            try { folder.Delete(recursive: true); }
            catch (IOException) { }
        }
    }

    /// <summary>
    /// Pages without a word in their text layer are images (a scan); they are recognised when Tesseract is installed.
    /// A document of such pages alone without it is PA208; a few such pages in a text document are a warning.
    /// </summary>
    private (TextRecognition?, List<ReadNote>) RecognizeScannedPages(List<PageText> pages, string path, string folder)
    {
        var notes = new List<ReadNote>();
        var scanned = pages.Where(p => p.Words.Count == 0).Select(p => p.Number).ToList();
        if (scanned.Count == 0) return (null, notes);
        var ocr = new TesseractOcr(_tools.PdfToPpm, _tools.Tesseract, _tools.OcrDpi);
        if (!ocr.IsAvailable)
        {
            if (scanned.Count == pages.Count)
                throw new DocumentReadException("PA208", $"the PDF has no text layer (a scan?); {ocr.InstallHint}");
            notes.Add(new ReadNote("PA228", null, $"pages {Pages(scanned)} have no text layer (scanned?) and are left out; {ocr.InstallHint}"));
            return (null, notes);
        }
        var recognized = ocr.Recognize(path, scanned, folder, _tools.Timeout).ToDictionary(p => p.Number);
        for (var i = 0; i < pages.Count; i++)
            if (recognized.TryGetValue(pages[i].Number, out var page)) pages[i] = page;
        var words = recognized.Values.SelectMany(p => p.Words).ToList();
        var characters = words.Sum(w => w.Text.Length);
        var confidence = characters == 0 ? 0 : words.Sum(w => w.Confidence!.Value * w.Text.Length) / characters;
        if (characters > 0 && confidence < _tools.LowConfidence)
            notes.Add(new ReadNote("PA227", null,
                $"text recognition (OCR) of pages {Pages(scanned)} is uncertain (mean confidence {confidence:0}%, below {_tools.LowConfidence:0}%): expect misread characters; a sharper scan (300 dpi) or the original file reads better"));
        return (new TextRecognition(TesseractOcr.Engine, Math.Round(confidence, 1), scanned), notes);
    }

    /// <summary>Page numbers as ranges: "1–3, 7".</summary>
    private static string Pages(List<int> numbers)
    {
        var parts = new List<string>();
        for (var i = 0; i < numbers.Count; i++)
        {
            var start = numbers[i];
            while (i + 1 < numbers.Count && numbers[i + 1] == numbers[i] + 1) i++;
            parts.Add(start == numbers[i] ? $"{start}" : $"{start}–{numbers[i]}");
        }
        return string.Join(", ", parts);
    }
}

/// <summary>
/// The programs the PDF reader runs, found on PATH: poppler's pdftotext (the text layer) and pdftoppm (page images
/// for OCR), and Tesseract. Only pdftotext is required; without the other two a scanned PDF is PA208.
/// </summary>
public sealed record PdfTools(ExternalTool PdfToText, ExternalTool PdfToPpm, ExternalTool Tesseract)
{
    public static PdfTools Default { get; } = new(
        new ExternalTool("pdftotext", "poppler-utils"),
        new ExternalTool("pdftoppm", "poppler-utils"),
        new ExternalTool("tesseract", "tesseract-ocr tesseract-ocr-chi-sim"));

    /// <summary>The resolution pages are rendered at for OCR: enough for 10.5 pt text (characters about 30 pixels tall).</summary>
    public int OcrDpi { get; init; } = 200;

    /// <summary>How long one run of a tool may take (one file's text, or one page's recognition).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>A mean OCR confidence below this (0–100) is reported as uncertain (PA227).</summary>
    public double LowConfidence { get; init; } = 75;
}
