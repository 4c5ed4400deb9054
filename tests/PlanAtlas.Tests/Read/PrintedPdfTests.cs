using System.Collections.Concurrent;
using PlanAtlas.Model;
using PlanAtlas.Parse;
using PlanAtlas.Parse.Regions;
using PlanAtlas.Read;
using PlanAtlas.Read.Pdf;

namespace PlanAtlas.Tests.Read;

/// <summary>
/// Issue 22's criterion: every sample plan, printed to PDF by Chromium (with its running header and footer) and by
/// LibreOffice (running header, page numbers; one two-column layout each, 柳林's attachment as a ruled table),
/// builds like its .txt — the same item count (±2%), region, year and 发文字号, no radical or ligature code points,
/// and 部门 wherever the text has it.
/// </summary>
public sealed class PrintedPdfTests
{
    private static readonly PlanParser Parser = new(Gazetteer.Default);
    private static readonly ConcurrentDictionary<string, (SourceDocument Document, Plan Plan)> Read = new();

    public static TheoryData<string> Printed => new(ReadFixtures.PdfSamples.Keys.SelectMany(s => new[] { s + ".chromium.pdf", s + ".libreoffice.pdf" }));

    private static (SourceDocument Document, Plan Plan) Pdf(string name) => Read.GetOrAdd(name, n =>
    {
        var diagnostics = new List<Diagnostic>();
        var document = InputReader.CreateDefault().ReadPlan(ReadFixtures.Pdf, n, diagnostics)
            ?? throw new InvalidOperationException($"{n}: {string.Join("; ", diagnostics)}");
        return (document, Parser.Parse(document));
    });

    private static (SourceDocument Document, Plan Plan) Sample(string pdfName) => Read.GetOrAdd(pdfName.Split('.')[0] + ".txt", _ =>
    {
        var file = ReadFixtures.PdfSamples[pdfName.Split('.')[0]];
        var document = new TextDocumentReader().Read(File.ReadAllBytes(Path.Combine(ReadFixtures.SamplePlans, file)), file);
        return (document, Parser.Parse(document));
    });

    private static string Text(SourceDocument d) => string.Concat(d.Blocks.SelectMany(b => b switch
    {
        ParagraphBlock p => [p.Text],
        TableBlock t => t.Rows.SelectMany(r => r),
        _ => [],
    }).SelectMany(t => t.Where(c => !char.IsWhiteSpace(c))));

    [Theory]
    [MemberData(nameof(Printed))]
    public void The_pdf_gives_the_items_region_year_and_document_number_of_its_sample(string name)
    {
        var (_, pdf) = Pdf(name);
        var (_, txt) = Sample(name);
        Assert.InRange(pdf.Items.Count, txt.Items.Count * 0.98, txt.Items.Count * 1.02);
        Assert.Equal(txt.Region?.Code, pdf.Region?.Code);
        Assert.Equal(txt.Year, pdf.Year);
        Assert.Equal(txt.Metadata.DocNumber?.Value, pdf.Metadata.DocNumber?.Value);
    }

    [Theory]
    [MemberData(nameof(Printed))]
    public void No_radical_compatibility_or_ligature_code_point_survives_and_every_部门_is_found(string name)
    {
        var text = Text(Pdf(name).Document);
        Assert.DoesNotContain(text.EnumerateRunes(), r => r.Value is >= 0x2E80 and <= 0x2FDF or >= 0xF900 and <= 0xFAFF or >= 0xFB00 and <= 0xFB06);
        var sample = Text(Sample(name).Document);
        Assert.Equal(Occurrences(sample, "部门"), Occurrences(text, "部门"));
    }

    [Theory]
    [InlineData("pingtan-2023.chromium.pdf")]
    [InlineData("liulin-2023.chromium.pdf")]
    public void Chromiums_running_header_and_footer_are_gone(string name)
    {
        var lines = Pdf(name).Document.Lines.ToList();
        // A line of digits the sample itself has (柳林's garbled date 2023227) is text, not a page number.
        var own = Sample(name).Document.Lines.ToHashSet();
        Assert.DoesNotContain(lines, l => l.Contains("file://", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => (PageFurniture.IsPageNumber(l) || PageFurniture.IsBrowserStamp(l)) && !own.Contains(l));
        Assert.DoesNotContain(lines, l => l.Contains(" AM", StringComparison.Ordinal) || l.Contains(" PM", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("zhejiang-2015.libreoffice.pdf")]
    [InlineData("ezhou-2018.chromium.pdf")]
    [InlineData("yichun-2023.libreoffice.pdf")]
    [InlineData("pingtan-2023.chromium.pdf")]
    public void Paragraphs_come_back_as_the_sample_wrote_them_in_one_or_two_columns(string name) =>
        Assert.Equal(ReadFixtures.NormalizedParagraphs(Sample(name).Document).Where(p => !IsFooterOfTheSample(p)),
            ReadFixtures.NormalizedParagraphs(Pdf(name).Document).Where(p => !IsFooterOfTheSample(p)));

    /// <summary>鄂州's saved page ends in the portal's footer, which a two-column print breaks after its e-mail address.</summary>
    private static bool IsFooterOfTheSample(string paragraph) => paragraph.StartsWith("版权所有", StringComparison.Ordinal) || paragraph.StartsWith("E_Mail", StringComparison.Ordinal);

    [Theory]
    [InlineData("liulin-2023.chromium.pdf")]
    [InlineData("liulin-2023.libreoffice.pdf")]
    public void The_attachment_table_is_one_table_with_a_row_per_task_part(string name)
    {
        var table = Assert.Single(Pdf(name).Document.Blocks.OfType<TableBlock>());
        Assert.Equal(["序号", "任务", "主要内容", "责任单位"], table.Rows[0]);
        // 37 tasks, numbered in order, each number in a row of its own; the other rows are parts of a task.
        Assert.Equal(Enumerable.Range(1, 37).Select(n => n.ToString()), table.Rows.Skip(1).Select(r => r[0]).Where(c => c.Length > 0));
        Assert.All(table.Rows.Skip(1), r => Assert.NotEqual("", r[2]));
        var txtRows = Sample(name).Plan.Items.Count(i => i.Kind == ItemKind.TableRow);
        Assert.Equal(txtRows, Pdf(name).Plan.Items.Count(i => i.Kind == ItemKind.TableRow));
    }

    private static int Occurrences(string text, string term)
    {
        var n = 0;
        for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + term.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
