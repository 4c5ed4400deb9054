using PlanAtlas.Read;
using PlanAtlas.Read.Pdf;

namespace PlanAtlas.Tests.Read;

/// <summary>Issue 8's criterion at the read level: one plan in every form gives the same paragraphs as the UTF-8 original.</summary>
public class SameItemsAcrossFormsTests
{
    private static readonly List<string> Original = ReadFixtures.NormalizedParagraphs(
        new TextDocumentReader().Read(File.ReadAllBytes(Path.Combine(ReadFixtures.SamplePlans, ReadFixtures.YichunSample)),
            ReadFixtures.YichunSample));

    [Fact]
    public void Gbk_text_reads_as_the_original()
    {
        var document = new TextDocumentReader().Read(ReadFixtures.Form("yichun-2023.gbk.txt"), "yichun-2023.gbk.txt");
        Assert.Equal("gb18030", document.Encoding);
        Assert.Equal(Original, ReadFixtures.NormalizedParagraphs(document));
    }

    [Fact]
    public void Docx_reads_as_the_original_plus_its_attachment()
    {
        var document = new DocxDocumentReader().Read(ReadFixtures.Form("yichun-2023.docx"), "yichun-2023.docx");
        Assert.Equal([.. Original, "附件：重点任务分工"], ReadFixtures.NormalizedParagraphs(document));
    }

    [Fact]
    public void Html_reads_as_the_original_plus_its_attachment()
    {
        var document = new HtmlDocumentReader().Read(ReadFixtures.Form("yichun-2023.html"), "yichun-2023.html");
        Assert.Equal([.. Original, "附件：重点任务分工"], ReadFixtures.NormalizedParagraphs(document));
    }

    [Fact]
    public void Pdf_reads_as_the_original_without_headers_footers_or_page_numbers()
    {
        var document = new PdfDocumentReader().Read(ReadFixtures.Form("yichun-2023.pdf"), "yichun-2023.pdf");
        Assert.Equal(Original.Take(ReadFixtures.PdfLineCount).ToList(), ReadFixtures.NormalizedParagraphs(document));
    }
}
