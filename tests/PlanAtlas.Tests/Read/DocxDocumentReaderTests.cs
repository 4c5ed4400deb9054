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
        Assert.Equal([(1, "标题"), (2, "一、总体要求"), (3, "（一）目标")],
            document.Blocks.OfType<ParagraphBlock>().Select(b => (b.Line, b.Text)));
    }

    [Fact]
    public void Automatic_numbering_is_written_out_as_word_shows_it()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            static Level Level(int index, NumberFormatValues format, string text) => new(
                new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text },
                new LevelSuffix { Val = LevelSuffixValues.Nothing }) { LevelIndex = index };
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
                new AbstractNum(
                    Level(0, NumberFormatValues.ChineseCounting, "%1、"),
                    Level(1, NumberFormatValues.ChineseCounting, "（%2）"),
                    Level(2, NumberFormatValues.Decimal, "%3.")) { AbstractNumberId = 7 },
                new NumberingInstance(new AbstractNumId { Val = 7 }) { NumberID = 3 });
            Paragraph Numbered(int level, string text) => new(
                new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = 3 })),
                new Run(new Text(text)));
            main.Document = new Document(new Body(
                new Paragraph(new Run(new Text("标题"))),
                Numbered(0, "总体要求"), Numbered(1, "目标"), Numbered(1, "原则"), Numbered(2, "坚持人民至上"),
                Numbered(0, "重点任务"), Numbered(1, "压实责任")));
        }
        var document = new DocxDocumentReader().Read(stream.ToArray(), "numbered.docx");
        Assert.Equal(["标题", "一、总体要求", "（一）目标", "（二）原则", "1.坚持人民至上", "二、重点任务", "（一）压实责任"], document.Lines);
    }

    [Theory]
    [InlineData(1, "一")]
    [InlineData(10, "十")]
    [InlineData(11, "十一")]
    [InlineData(20, "二十")]
    [InlineData(36, "三十六")]
    [InlineData(120, "120")]
    public void Chinese_counting_matches_word(int n, string expected) => Assert.Equal(expected, DocxNumbering.Chinese(n));

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
