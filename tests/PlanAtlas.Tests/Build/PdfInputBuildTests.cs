using PlanAtlas.Build;
using PlanAtlas.Model;
using PlanAtlas.Tests.Index;
using PlanAtlas.Tests.Read;
using PlanAtlas.Tests.Render.Data;
using PlanAtlas.Tests.Site;

namespace PlanAtlas.Tests.Build;

/// <summary>
/// A site built from PDFs only: two printed plans, a scan and two PDFs whose text layer cannot be read. The unreadable
/// ones are reported (PA226) and left out, the others are built; the scan's page says its text was recognised; the
/// search finds 部门 in the plan Chromium printed with radicals.
/// </summary>
public sealed class PdfInputBuildTests : IClassFixture<PdfInputBuildTests.Built>
{
    public sealed class Built : IDisposable
    {
        private readonly RepoPaths.TempFolder _temp = RepoPaths.NewTemp();
        public string Output => _temp["out"];
        public BuildResult Result { get; }

        public Built()
        {
            var input = _temp["in"];
            Directory.CreateDirectory(Path.Combine(input, "plans"));
            foreach (var file in new[] { "site.yml", "themes.yml" }) File.Copy(Path.Combine(RepoPaths.SampleInput, file), Path.Combine(input, file));
            foreach (var (from, name) in new[]
            {
                ("liulin-2023.chromium.pdf", "柳林 2023.pdf"), ("yichun-2023.libreoffice.pdf", "宜春 2023.pdf"),
                ("scan/pingtan-2023.scan.pdf", "平潭 扫描件.pdf"),
                ("bad/yichun-2023.no-tounicode.pdf", "无法读取 1.pdf"), ("bad/pingtan-2023.no-tounicode.pdf", "无法读取 2.pdf"),
            })
                File.Copy(Path.Combine(ReadFixtures.Pdf, from), Path.Combine(input, "plans", name));
            Result = new SiteBuilder(IBuildProgress.None).Build(new BuildOptions(input, Output, ThemeDirectory: RepoPaths.Theme));
        }

        public void Dispose() => _temp.Dispose();
    }

    private readonly Built _built;
    public PdfInputBuildTests(Built built) => _built = built;

    [Fact]
    public void Unreadable_pdfs_are_PA226_errors_and_the_others_are_built()
    {
        Assert.Equal(BuildOutcome.Built, _built.Result.Outcome);
        Assert.Equal(["plans/无法读取 1.pdf", "plans/无法读取 2.pdf"],
            _built.Result.Diagnostics.Where(d => d.Code == "PA226").Select(d => d.File).Order(StringComparer.Ordinal));
        Assert.All(_built.Result.Diagnostics.Where(d => d.Code == "PA226"), d => Assert.Equal(Severity.Error, d.Severity));
        Assert.Equal(["141125-2023", "350128-2023", "360900-2023"],
            Directory.GetDirectories(Path.Combine(_built.Output, "plans")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_scanned_plans_page_says_its_text_was_recognised_and_how_sure_the_engine_was()
    {
        var page = SampleSite.Parse(File.ReadAllText(Path.Combine(_built.Output, "plans", "350128-2023", "index.html")));
        var note = page.QuerySelector(".plan-text .ocr-note")?.TextContent ?? "";
        Assert.Matches(@"^本文由文字识别（OCR）得到，平均置信度 \d{2,3}%", note);
        Assert.Contains(page.QuerySelectorAll("table.meta td"), td => td.TextContent.StartsWith("文字识别（Tesseract）", StringComparison.Ordinal));
        var printed = SampleSite.Parse(File.ReadAllText(Path.Combine(_built.Output, "plans", "141125-2023", "index.html")));
        Assert.Null(printed.QuerySelector(".ocr-note"));
    }

    [Fact]
    public void The_downloads_mark_the_scans_plan_and_items_as_recognised_text()
    {
        var plans = DataExportTests.ReadCsv(Path.Combine(_built.Output, "data", "plans.csv"), out _);
        var scan = plans.Single(r => r["plan_id"] == "350128-2023");
        Assert.Equal("ocr", scan["text_source"]);
        Assert.InRange(double.Parse(scan["ocr_confidence"], System.Globalization.CultureInfo.InvariantCulture), 75, 100);
        Assert.Equal(("text", ""), (plans.Single(r => r["plan_id"] == "141125-2023")["text_source"], plans.Single(r => r["plan_id"] == "141125-2023")["ocr_confidence"]));
        var items = DataExportTests.ReadCsv(Path.Combine(_built.Output, "data", "items.csv"), out _);
        Assert.All(items.Where(r => r["plan_id"] == "350128-2023"), r => Assert.Equal("ocr", r["text_source"]));
        Assert.Contains(items, r => r["plan_id"] == "350128-2023");
        var json = File.ReadAllText(Path.Combine(_built.Output, "data", "plans", "350128-2023.json"));
        Assert.Contains("\"text_recognition\":{\"engine\":\"Tesseract\"", json);
    }

    [Fact]
    public void A_search_for_部门_finds_the_plan_chromium_printed_with_radicals()
    {
        var index = new IndexReader(Path.Combine(_built.Output, "search", "index"));
        var found = index.Candidates("部门").Select(n => index.Document(n))
            .Where(d => d.GetProperty("url").GetString()!.Contains("141125-2023", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(found);
    }
}
