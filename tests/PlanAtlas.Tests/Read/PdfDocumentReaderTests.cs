using PlanAtlas.Model;
using PlanAtlas.Read;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Writer;
using PlanAtlas.Read.Pdf;

namespace PlanAtlas.Tests.Read;

public class PdfDocumentReaderTests
{
    private static readonly SourceDocument Fixture =
        new PdfDocumentReader().Read(ReadFixtures.Form("yichun-2023.pdf"), "yichun-2023.pdf");

    [Fact]
    public void Running_headers_and_page_numbers_are_removed()
    {
        Assert.DoesNotContain(Fixture.Lines, l => l.Contains("安全生产委员会文件"));
        Assert.DoesNotContain(Fixture.Lines, PageFurniture.IsPageNumber);
    }

    [Fact]
    public void The_document_information_is_container_metadata() =>
        Assert.StartsWith("宜春市安委会关于印发", Fixture.ContainerMetadata["dc:title"]);

    [Fact]
    public void Paragraphs_are_numbered_in_reading_order_across_pages()
    {
        // The parser's spans name their block by Line, so lines are unique: the paragraph's ordinal, not its page.
        var lines = Fixture.Blocks.Select(b => b.Line).ToList();
        Assert.Equal(Enumerable.Range(1, lines.Count), lines);
        Assert.True(lines.Count > 10, "the fixture spans several pages");
    }

    [Theory]
    [InlineData("— 3 —", true)]
    [InlineData("- 12 -", true)]
    [InlineData("第3页 共9页", true)]
    [InlineData("3/9", true)]
    [InlineData("Page 3 of 9", true)]
    [InlineData("3", true)]
    [InlineData("一、总体要求", false)]
    [InlineData("2023年", false)]
    [InlineData("—", false)]
    public void Page_numbers_are_recognised(string line, bool isPageNumber) =>
        Assert.Equal(isPageNumber, PageFurniture.IsPageNumber(line));

    [Theory]
    [InlineData("\u2F00、\u2F2F作要点", "一、工作要点")]         // Kangxi radicals (Word, WPS): NFKC would fold these too
    [InlineData("各有关部\u2ED4、\u2EDB险\u2ECB\u2EC5", "各有关部门、风险车见")] // CJK Radicals Supplement (Chromium): NFKC does not
    [InlineData("（一）压实责任：１２", "（一）压实责任：１２")] // full-width punctuation and digits stay
    [InlineData("\uF9F4业", "林业")]                           // a compatibility ideograph
    [InlineData("\uFB01re safety", "fire safety")]              // a Latin ligature
    public void Radical_compatibility_and_ligature_code_points_from_pdf_fonts_are_folded(string extracted, string expected) =>
        Assert.Equal(expected, IdeographFolding.Fold(extracted));

    // Two radicals stand for ideographs of Extension A (U+3400–4DBF), unified ideographs too.
    private static bool IsUnified(int c) => c is >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0x20000 and <= 0x3FFFF;

    [Fact]
    public void Every_radical_the_unicode_table_maps_folds_to_a_unified_ideograph()
    {
        var radicals = Enumerable.Range(0x2E80, 0x2FE0 - 0x2E80).Where(IdeographFolding.IsFolded).ToList();
        Assert.True(radicals.Count > 300, $"only {radicals.Count} radicals mapped");
        Assert.All(radicals, r => Assert.True(IsUnified(char.ConvertToUtf32(IdeographFolding.Fold(char.ConvertFromUtf32(r)), 0))));
    }

    [Fact]
    public void A_scan_without_a_text_recognition_engine_is_PA208_saying_what_to_install()
    {
        var noOcr = PdfTools.Default with { Tesseract = new ExternalTool("planatlas-test-no-tesseract", "tesseract-ocr tesseract-ocr-chi-sim") };
        var e = Assert.Throws<DocumentReadException>(() => new PdfDocumentReader(noOcr).Read(BlankPage(), "scan.pdf"));
        Assert.Equal("PA208", e.Code);
        Assert.Contains("apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils", e.Message);
    }

    [Fact]
    public void A_page_image_with_no_text_on_it_is_PA208_after_text_recognition()
    {
        var e = Assert.Throws<DocumentReadException>(() => new PdfDocumentReader().Read(BlankPage(), "scan.pdf"));
        Assert.Equal("PA208", e.Code);
        Assert.Contains("found no text", e.Message);
    }

    [Fact]
    public void Without_pdftotext_a_pdf_is_PA209_naming_the_tool_and_its_package()
    {
        var noPoppler = PdfTools.Default with { PdfToText = new ExternalTool("planatlas-test-no-pdftotext", "poppler-utils") };
        var e = Assert.Throws<DocumentReadException>(() => new PdfDocumentReader(noPoppler).Read(ReadFixtures.Form("yichun-2023.pdf"), "yichun-2023.pdf"));
        Assert.Equal("PA209", e.Code);
        Assert.Contains("planatlas-test-no-pdftotext", e.Message);
        Assert.Contains("apt-get install poppler-utils", e.Message);
    }

    /// <summary>A page with a drawing and no text: what a scanner's PDF looks like to a text extractor.</summary>
    private static byte[] BlankPage()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4).DrawRectangle(new UglyToad.PdfPig.Core.PdfPoint(50, 50), 100, 100);
        return builder.Build();
    }

    [Fact]
    public void An_error_page_saved_as_a_pdf_or_docx_is_named_for_what_it_is()
    {
        var page = System.Text.Encoding.UTF8.GetBytes("\n<!DOCTYPE html><html><head><title>404 Not Found</title></head><body>页面不存在</body></html>");
        var pdf = Assert.Throws<DocumentReadException>(() => new PdfDocumentReader().Read(page, "x.pdf"));
        var docx = Assert.Throws<DocumentReadException>(() => new DocxDocumentReader().Read(page, "x.docx"));
        Assert.Equal(("PA207", "PA206"), (pdf.Code, docx.Code));
        Assert.All(new[] { pdf.Message, docx.Message }, m => Assert.Contains("web page", m));
    }

    [Theory]
    [InlineData("truncated.pdf")]
    [InlineData("junk.txt")]
    [InlineData("truncated.docx")]
    public void Damaged_files_are_refused_with_a_code_or_read_as_far_as_they_go(string name)
    {
        try
        {
            var document = new PdfDocumentReader().Read(ReadFixtures.BadFile(name), name);
            Assert.Equal("truncated.pdf", name); // only a truncated PDF may still yield its first pages
            Assert.NotEmpty(document.Blocks);
        }
        catch (DocumentReadException e)
        {
            Assert.Contains(e.Code, new[] { "PA207", "PA208" });
        }
    }
}

public class PdfParagraphJoiningTests
{
    private const double Em = 16, Left = 90, Right = 505;

    private static PdfLine Line(int page, double top, double left, double right, string text) =>
        new(page, text, left, right, top, top - Em, Em, 842);

    [Fact]
    public void Indented_documents_break_at_indents_not_at_lines_that_end_a_little_early()
    {
        List<PdfLine> lines =
        [
            Line(1, 700, Left + 2 * Em, Right, "一、总体"),
            Line(1, 677, Left, Right - 3.5 * Em, "要求，牢记“国之大"), // kinsoku: 者” moved down together
            Line(1, 654, Left, Right - 10 * Em, "者”。"),
            Line(1, 631, Left + 2 * Em, Right, "（一）压实"),
            Line(2, 780, Left, Right - 20 * Em, "责任。"),  // continues across the page break
            Line(2, 757, Left + 2 * Em, Right - 15 * Em, "（二）强化执法。"),
            Line(2, 734, Left, Right - 15 * Em, "不缩进的下一段。"), // after a line that stops well short
        ];
        Assert.Equal([(1, "一、总体要求，牢记“国之大者”。"), (2, "（一）压实责任。"), (3, "（二）强化执法。"), (4, "不缩进的下一段。")],
            Paragraphs.Join(lines).OfType<ParagraphBlock>().Select(b => (b.Line, b.Text)));
    }

    [Fact]
    public void Documents_without_indents_break_after_lines_short_of_the_margin()
    {
        List<PdfLine> lines =
        [
            Line(1, 700, Left, Right, "Work safety"),
            Line(1, 677, Left, Right - 5 * Em, "plan."),
            Line(1, 654, Left, Right, "Second"),
            Line(1, 631, Left, Right - 8 * Em, "paragraph."),
        ];
        Assert.Equal(["Work safety plan.", "Second paragraph."], Paragraphs.Join(lines).OfType<ParagraphBlock>().Select(b => b.Text));
    }
}
