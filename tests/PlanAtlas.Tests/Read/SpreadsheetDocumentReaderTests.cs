using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PlanAtlas.Model;
using PlanAtlas.Read;

namespace PlanAtlas.Tests.Read;

public class SpreadsheetDocumentReaderTests
{
    private static readonly SourceDocument Fixture =
        new SpreadsheetDocumentReader().Read(ReadFixtures.Form("liulin-2023.xlsx"), "liulin-2023.xlsx");

    private static TableBlock Table(SourceDocument document) => Assert.Single(document.Blocks.OfType<TableBlock>());

    [Fact]
    public void Title_rows_above_the_table_are_paragraphs_and_the_blank_row_is_dropped()
    {
        Assert.Equal(["附件", "柳林县2023年度重点任务分工"], Fixture.Lines);
        Assert.Equal([1, 2, 3], Fixture.Blocks.Select(b => b.Line));
        Assert.Equal("xlsx", Fixture.Format);
    }

    [Fact]
    public void Columns_under_a_merged_header_are_one_column_and_merged_cells_keep_their_text_in_the_first()
    {
        var rows = Table(Fixture).Rows;
        Assert.Equal(["序号", "任务", "主要内容", "责任单位"], rows[0]);
        Assert.Equal(71, rows.Count);
        // Task 2 spans three rows: 序号 and 任务 are merged down, so the rows under the first hold only content and units.
        Assert.Equal(["2", "强化党政领导责任"], rows[2].Take(2));
        Assert.Equal(["", "", "县政府、县安委办"], [rows[3][0], rows[3][1], rows[3][3]]);
        // Task 23's category labels stand in the left half of 主要内容: they join their text, a line apart.
        var forest = rows.Single(r => r[0] == "23");
        Assert.StartsWith("森林火灾\n严格落实林长制", forest[2]);
    }

    [Fact]
    public void A_legacy_xls_reads_as_its_xlsx()
    {
        var xls = new SpreadsheetDocumentReader().Read(ReadFixtures.Form("liulin-2023.xls"), "liulin-2023.xls");
        Assert.Equal("xls", xls.Format);
        Assert.Equal(Fixture.Lines, xls.Lines);
        Assert.Equal(Table(Fixture).Rows, Table(xls).Rows);
    }

    [Fact]
    public void Visible_sheets_are_read_in_order_from_the_used_columns_with_notes_under_the_table()
    {
        var bytes = Workbook(
            new SheetSpec("说明", Hidden: true, [("A1", "隐藏的说明")], []),
            new SheetSpec("任务分工", Hidden: false,
            [
                ("B2", "重点任务分工表"),
                ("B4", "序号"), ("C4", "工作任务"), ("D4", "牵头单位"), ("E4", "完成时限"),
                ("B5", 1.0), ("C5", "开展隐患排查"), ("D5", "县应急管理局"), ("E5", new DateTime(2023, 6, 30)),
                ("B7", 2.0), ("C7", "强化执法检查"), ("D7", "县应急管理局"), ("E7", "12月底前"),
                ("B8", "注：各单位每季度报送进展。"),
            ], ["B2:E2", "B8:E8"]),
            new SheetSpec("正文", Hidden: false, [("A1", "一、总体要求"), ("A3", "（一）压实责任")], []));

        var document = new SpreadsheetDocumentReader().Read(bytes, "tasks.xlsx");

        Assert.Collection(document.Blocks,
            b => Assert.Equal("重点任务分工表", Assert.IsType<ParagraphBlock>(b).Text),
            b => Assert.Equal<IReadOnlyList<string>>(
            [
                ["序号", "工作任务", "牵头单位", "完成时限"],
                ["1", "开展隐患排查", "县应急管理局", "2023年6月30日"],
                ["2", "强化执法检查", "县应急管理局", "12月底前"],
            ], Assert.IsType<TableBlock>(b).Rows),
            b => Assert.Equal("注：各单位每季度报送进展。", Assert.IsType<ParagraphBlock>(b).Text),
            b => Assert.Equal("一、总体要求", Assert.IsType<ParagraphBlock>(b).Text),
            b => Assert.Equal("（一）压实责任", Assert.IsType<ParagraphBlock>(b).Text));
        Assert.DoesNotContain(document.Lines, l => l.Contains("隐藏"));
    }

    private sealed record SheetSpec(string Name, bool Hidden, (string Reference, object Value)[] Cells, string[] Merges);

    /// <summary>An .xlsx written with the Open XML SDK: inline strings, numbers, and dates in a Chinese date format.</summary>
    private static byte[] Workbook(params SheetSpec[] sheets)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook(new Sheets());
            book.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 176, FormatCode = "yyyy\"年\"m\"月\"d\"日\"" }),
                new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 176, ApplyNumberFormat = true }));
            uint id = 1;
            foreach (var spec in sheets)
            {
                var part = book.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                foreach (var row in spec.Cells.GroupBy(c => uint.Parse(string.Concat(c.Reference.Where(char.IsDigit)))).OrderBy(g => g.Key))
                    data.Append(new Row(row.Select(c => Cell(c.Reference, c.Value))) { RowIndex = row.Key });
                part.Worksheet = spec.Merges.Length == 0 ? new Worksheet(data)
                    : new Worksheet(data, new MergeCells(spec.Merges.Select(m => new MergeCell { Reference = m })));
                book.Workbook.Sheets!.Append(new Sheet
                {
                    Id = book.GetIdOfPart(part), SheetId = id++, Name = spec.Name,
                    State = spec.Hidden ? SheetStateValues.Hidden : null,
                });
            }
        }
        return stream.ToArray();
    }

    private static Cell Cell(string reference, object value) => value switch
    {
        string s => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(s)) },
        DateTime d => new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(d.ToOADate()) },
        double n => new Cell { CellReference = reference, CellValue = new CellValue(n) },
        _ => throw new ArgumentException(value.GetType().Name),
    };
}
