using PlanAtlas.Model;
using PlanAtlas.Parse;
using PlanAtlas.Parse.Regions;
using PlanAtlas.Read;
using PlanAtlas.Read.Pdf;

namespace PlanAtlas.Tests.Read;

/// <summary>
/// A scanned plan: 平潭's pages as grey images only (tools/fixtures/pdfs.cs), read with Tesseract. Recognition
/// misreads a character here and there, so an item counts as found when an item of the scan has nearly its text.
/// The scan is recognised once for all the tests here (about ten seconds).
/// </summary>
public sealed class ScannedPdfTests
{
    private const string Scan = "pingtan-2023.scan.pdf";
    private const string SampleFile = "fujian-pingtan-2023-work-safety-key-points-fragment.txt";
    private static readonly PlanParser Parser = new(Gazetteer.Default);

    // Every recognition is reported as uncertain here (a threshold no engine reaches), to see the warning.
    private static readonly PdfTools Strict = PdfTools.Default with { LowConfidence = 101 };
    private static readonly Lazy<SourceDocument> Document = new(() =>
        new PdfDocumentReader(Strict).Read(File.ReadAllBytes(Path.Combine(ReadFixtures.Pdf, "scan", Scan)), Scan));
    private static readonly Lazy<Plan> Sample = new(() =>
        Parser.Parse(new TextDocumentReader().Read(File.ReadAllBytes(Path.Combine(ReadFixtures.SamplePlans, SampleFile)), SampleFile)));

    [Fact]
    public void The_scan_is_marked_as_recognised_text_with_the_engines_confidence()
    {
        var recognition = Document.Value.Recognition;
        Assert.NotNull(recognition);
        Assert.Equal("Tesseract", recognition.Engine);
        Assert.Equal([1, 2, 3, 4], recognition.Pages);
        // Clear 150 dpi pages: above the default threshold, so a normal build gives no PA227.
        Assert.InRange(recognition.MeanConfidence, PdfTools.Default.LowConfidence, 100);
        var plan = Parser.Parse(Document.Value);
        Assert.Same(recognition, plan.Metadata.Recognition);
    }

    [Fact]
    public void Uncertain_recognition_is_a_warning_with_the_confidence()
    {
        var note = Assert.Single(Document.Value.Notes, n => n.Code == "PA227");
        Assert.Contains($"mean confidence {Document.Value.Recognition!.MeanConfidence:0}%", note.Message);
    }

    [Fact]
    public void The_scan_gives_nine_in_ten_of_the_samples_items_and_its_region_and_year()
    {
        var plan = Parser.Parse(Document.Value);
        var found = Sample.Value.Items.Count(item => plan.Items.Any(i => Similarity(i.Text, item.Text) >= 0.8));
        Assert.True(found >= Sample.Value.Items.Count * 0.9, $"{found} of {Sample.Value.Items.Count} items found");
        Assert.Equal((Sample.Value.Region?.Code, Sample.Value.Year, Sample.Value.Metadata.DocNumber?.Value),
            (plan.Region?.Code, plan.Year, plan.Metadata.DocNumber?.Value));
    }

    [Fact]
    public void The_scans_running_header_and_page_numbers_are_gone()
    {
        Assert.DoesNotContain(Document.Value.Lines, PageFurniture.IsPageNumber);
        // The header is the title, which the fragment itself does not hold.
        Assert.DoesNotContain(Document.Value.Lines, l => l.Contains("年安全生产工作要点", StringComparison.Ordinal));
    }

    /// <summary>Dice similarity of character pairs, ignoring white space and the width of punctuation.</summary>
    private static double Similarity(string a, string b)
    {
        static List<string> Pairs(string s)
        {
            var t = string.Concat(s.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)));
            return Enumerable.Range(0, Math.Max(0, t.Length - 1)).Select(i => t.Substring(i, 2)).ToList();
        }
        var (pa, pb) = (Pairs(a), Pairs(b));
        if (pa.Count == 0 || pb.Count == 0) return a.Trim() == b.Trim() ? 1 : 0;
        var counts = pb.GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        var shared = 0;
        foreach (var p in pa)
            if (counts.TryGetValue(p, out var n) && n > 0) { shared++; counts[p] = n - 1; }
        return 2.0 * shared / (pa.Count + pb.Count);
    }
}
