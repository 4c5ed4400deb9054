using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PlanAtlas.Model;
using PlanAtlas.Read;

namespace PlanAtlas.Tests.Read;

public class DocxDocumentReaderTests
{
    private static readonly SourceDocument Fixture =
        new DocxDocumentReader().Read(ReadFixtures.Form("yichun-2023.docx"), "yichun-2023.docx");

    [Fact]
    public void Tables_arrive_as_tables_after_the_paragraphs()
    {
        var table = Assert.IsType<TableBlock>(Fixture.Blocks[^1]);
        Assert.Equal(["序号", "任务", "责任单位"], table.Rows[0]);
        Assert.Equal(4, table.Rows.Count);
        Assert.Equal("扎实开展系列宣传活动", table.Rows[2][1]);
    }

    [Fact]
    public void Headers_and_footers_are_not_part_of_the_plan()
    {
        Assert.DoesNotContain(Fixture.Lines, l => l.Contains("安全生产委员会文件"));
        Assert.DoesNotContain(Fixture.Lines, l => l.Trim().StartsWith('—'));
    }

    [Fact]
    public void Core_properties_are_container_metadata()
    {
        Assert.Equal("宜春市安全生产委员会", Fixture.ContainerMetadata["dc:creator"]);
        Assert.StartsWith("宜春市安委会关于印发", Fixture.ContainerMetadata["dc:title"]);
        Assert.Equal("docx", Fixture.Format);
    }

    [Fact]
    public void A_soft_line_break_splits_a_paragraph_into_lines()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            doc.AddMainDocumentPart().Document = new Document(new Body(
                new Paragraph(new Run(new Text("标题"))),
                new Paragraph(new Run(new Text("一、总体要求"), new Break(), new Text("（一）目标")))));
        }
        var document = new DocxDocumentReader().Read(stream.ToArray(), "x.docx");
        Assert.Equal([(1, "标题"), (2, "一、总体要求"), (2, "（一）目标")],
            document.Blocks.OfType<ParagraphBlock>().Select(b => (b.Line, b.Text)));
    }

    [Fact]
    public void A_docx_that_unpacks_to_more_than_the_limit_is_refused_unread()
    {
        // The fixture unpacks to some tens of KB; a 10 KB limit stands in for the 200 MB default.
        var e = Assert.Throws<DocumentReadException>(() =>
            new DocxDocumentReader(maxUncompressedBytes: 10 * 1024).Read(ReadFixtures.Form("yichun-2023.docx"), "bomb.docx"));
        Assert.Equal("PA206", e.Code);
        Assert.Contains("zip bomb", e.Message);
    }

    [Theory]
    [InlineData("truncated.docx")]
    [InlineData("junk.txt")]
    [InlineData("empty.txt")]
    public void Damaged_files_are_refused_with_a_code(string name)
    {
        var e = Assert.Throws<DocumentReadException>(() => new DocxDocumentReader().Read(ReadFixtures.BadFile(name), name));
        Assert.Contains(e.Code, new[] { "PA201", "PA206" });
    }
}
