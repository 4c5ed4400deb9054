using PlanAtlas.Model;

namespace PlanAtlas.Tests.Read;

/// <summary>Paths to tests/fixtures/read and the sample plans, and the comparison the same-items tests use.</summary>
internal static class ReadFixtures
{
    public static readonly string RepoRoot = RepoPaths.Root;
    public static string Forms => Path.Combine(RepoRoot, "tests", "fixtures", "read", "forms");
    public static string Bad => Path.Combine(RepoRoot, "tests", "fixtures", "read", "bad");
    public static string SamplePlans => Path.Combine(RepoRoot, "input", "plans");
    /// <summary>The sample plans printed to PDF by Chromium and LibreOffice, scanned, and made unreadable (tools/fixtures/pdfs.cs).</summary>
    public static string Pdf => Path.Combine(RepoRoot, "tests", "fixtures", "read", "pdf");

    /// <summary>Each PDF fixture's stem and the sample plan it was printed from.</summary>
    public static readonly IReadOnlyDictionary<string, string> PdfSamples = new Dictionary<string, string>
    {
        ["pingtan-2023"] = "fujian-pingtan-2023-work-safety-key-points-fragment.txt",
        ["ezhou-2018"] = "hubei-ezhou-2018-work-safety-key-points.txt",
        ["yichun-2023"] = YichunSample,
        ["liulin-2023"] = "shanxi-liulin-2023-work-safety-notice.txt",
        ["zhejiang-2015"] = "zhejiang-2015-work-safety-review-news.txt",
    };
    public const string YichunSample = "jiangxi-yichun-2023-work-safety-key-points-notice.txt";
    public const string LiulinSample = "shanxi-liulin-2023-work-safety-notice.txt";

    /// <summary>The sample plan a form fixture was made from, by the stem its name starts with.</summary>
    public static string SampleOf(string form) =>
        form.StartsWith("liulin-2023.", StringComparison.Ordinal) ? LiulinSample
        : form.StartsWith("yichun-2023.", StringComparison.Ordinal) ? YichunSample
        : throw new ArgumentException($"no sample plan for the fixture {form}");

    /// <summary>Forms that hold only a plan's attachment (a 任务分工表 spreadsheet), not its body.</summary>
    public static bool IsAttachmentOnly(string form) => form.EndsWith(".xlsx", StringComparison.Ordinal) || form.EndsWith(".xls", StringComparison.Ordinal);

    /// <summary>The PDF fixture holds only the first lines of the sample (tools/fixtures/generate.cs, PdfLineCount).</summary>
    public const int PdfLineCount = 20;

    public static byte[] Form(string name) => File.ReadAllBytes(Path.Combine(Forms, name));
    public static byte[] BadFile(string name) => File.ReadAllBytes(Path.Combine(Bad, name));

    /// <summary>
    /// Paragraph texts with all whitespace removed and empty ones dropped: Chinese has no spaces between words,
    /// and formats differ in the spacing and blank lines they keep.
    /// </summary>
    public static List<string> NormalizedParagraphs(SourceDocument document) =>
        document.Blocks.OfType<ParagraphBlock>().Select(b => Normalize(b.Text)).Where(t => t.Length > 0).ToList();

    public static string Normalize(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    public static string NewTempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "planatlas-read-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return path;
    }

}
