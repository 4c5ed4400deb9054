using System.Text;
using PlanAtlas.Model;
using PlanAtlas.Read;

namespace PlanAtlas.Tests.Read;

/// <summary>The read stage over whole input folders: every good plan read, every bad file its own message.</summary>
public sealed class InputReaderTests : IDisposable
{
    private readonly string _input = ReadFixtures.NewTempFolder();
    private string Plans => Path.Combine(_input, InputReader.PlansFolder);

    public InputReaderTests() => Directory.CreateDirectory(Plans);

    public void Dispose() => Directory.Delete(_input, recursive: true);

    private void CopyIn(string from, string name) => File.Copy(from, Path.Combine(Plans, name));

    /// <summary>What the read stage said about the input, apart from the note that the folder has no themes.yml.</summary>
    private static List<Diagnostic> Problems(InputSet set) => set.Diagnostics.Where(d => d.Code != "PA400").ToList();

    private static Diagnostic Single(InputSet set, string file) => Assert.Single(set.Diagnostics, d => d.File == "plans/" + file);

    [Fact]
    public void The_read_stage_reads_the_taxonomy_and_reports_its_problems_by_line()
    {
        CopyIn(Path.Combine(ReadFixtures.SamplePlans, "hubei-ezhou-2018-work-safety-key-points.txt"), "ezhou.txt");
        File.WriteAllText(Path.Combine(_input, ThemeTaxonomyLoader.FileName),
            "themes:\n  - id: gas\n    zh: 燃气安全\n    signals: [燃气]\n  - id: gas\n    zh: 重复\n");

        var set = InputReader.CreateDefault().Read(_input);

        Assert.Equal(["gas"], set.Taxonomy.Themes.Select(t => t.Id));
        var duplicate = Assert.Single(set.Diagnostics, d => d.Code == "PA405");
        Assert.Equal(5, duplicate.Line);
    }

    [Fact]
    public void Every_form_and_every_bad_input_in_one_folder()
    {
        CopyIn(Path.Combine(ReadFixtures.SamplePlans, "hubei-ezhou-2018-work-safety-key-points.txt"), "hubei ezhou 2018.txt");
        CopyIn(Path.Combine(ReadFixtures.Forms, "yichun-2023.gbk.txt"), "宜春 2023.txt");
        CopyIn(Path.Combine(ReadFixtures.Forms, "yichun-2023.docx"), "yichun.docx");
        CopyIn(Path.Combine(ReadFixtures.Forms, "yichun-2023.pdf"), "yichun.pdf");
        File.WriteAllText(Path.Combine(Plans, "liulin.html"), "<html><body><p>一、总体要求</p><p>二、重点任务</p></body></html>");
        foreach (var bad in new[] { "empty.txt", "junk.txt", "truncated.docx", "hostile.html", "no-structure.txt" })
            CopyIn(Path.Combine(ReadFixtures.Bad, bad), bad);
        CopyIn(Path.Combine(ReadFixtures.Bad, "truncated.pdf"), "truncated.pdf");

        var set = InputReader.CreateDefault().Read(_input);

        Assert.Equal(["hostile.html", "hubei ezhou 2018.txt", "liulin.html", "no-structure.txt", "yichun.docx", "yichun.pdf", "宜春 2023.txt"],
            set.Documents.Select(d => d.SourceFile).Order(StringComparer.Ordinal));
        Assert.Equal("PA201", Single(set, "empty.txt").Code);
        Assert.Contains(Single(set, "junk.txt").Code, new[] { "PA203", "PA204" });
        Assert.Equal("PA206", Single(set, "truncated.docx").Code);
        Assert.Equal("PA207", Single(set, "truncated.pdf").Code);
        // The two tiny pages are not articles: read whole, with a warning; nothing else is reported.
        Assert.Equal(["plans/hostile.html", "plans/liulin.html"],
            set.Diagnostics.Where(d => d.Severity == Severity.Warning).Select(d => d.File).Order(StringComparer.Ordinal));
        Assert.All(set.Diagnostics.Where(d => d.Severity == Severity.Warning), d => Assert.Equal("PA216", d.Code));
        Assert.Equal(4, set.Diagnostics.Count(d => d.Severity == Severity.Error));
    }

    [Fact]
    public void A_100_MB_file_is_refused_unread_and_the_others_are_read()
    {
        CopyIn(Path.Combine(ReadFixtures.Forms, "yichun-2023.gbk.txt"), "a.txt");
        using (var huge = File.Create(Path.Combine(Plans, "huge.txt"))) huge.SetLength(100L * 1024 * 1024);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var set = InputReader.CreateDefault().Read(_input);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var d = Single(set, "huge.txt");
        Assert.Equal("PA205", d.Code);
        Assert.Contains("100 MB", d.Message);
        Assert.Contains("50 MB", d.Message);
        Assert.Equal("a.txt", Assert.Single(set.Documents).SourceFile);
        Assert.True(allocated < 20L * 1024 * 1024, $"reading allocated {allocated / 1024 / 1024} MB");
    }

    [Fact]
    public void The_same_plan_twice_is_built_once_and_both_names_are_reported()
    {
        var sample = Path.Combine(ReadFixtures.SamplePlans, ReadFixtures.YichunSample);
        CopyIn(sample, "a.txt");
        CopyIn(sample, "b copy.txt");
        CopyIn(Path.Combine(ReadFixtures.Forms, "yichun-2023.gbk.txt"), "c-gbk.txt");

        var set = InputReader.CreateDefault().Read(_input);

        Assert.Equal("a.txt", Assert.Single(set.Documents).SourceFile);
        var sameBytes = Single(set, "b copy.txt");
        Assert.Equal(("PA211", Severity.Warning), (sameBytes.Code, sameBytes.Severity));
        Assert.Contains("plans/a.txt", sameBytes.Message);
        var sameText = Single(set, "c-gbk.txt");
        Assert.Equal("PA212", sameText.Code);
        Assert.Contains("plans/a.txt", sameText.Message);
    }

    [Fact]
    public void Names_with_spaces_unicode_and_dots_are_read_and_matched_to_manifest_rows()
    {
        var decomposed = "规划 二〇二三 Café".Normalize(NormalizationForm.FormD) + ".txt";
        File.WriteAllText(Path.Combine(Plans, decomposed), "一、总体要求\n");
        Directory.CreateDirectory(Path.Combine(Plans, "sub dir"));
        File.WriteAllText(Path.Combine(Plans, "sub dir", "a..b.txt"), "二、重点任务\n");
        File.WriteAllText(Path.Combine(_input, InputReader.ManifestFile),
            "file,title\n\"规划 二〇二三 Café.txt\",甲\n\"plans/sub dir/a..b.txt\",乙\n");

        var set = InputReader.CreateDefault().Read(_input);

        Assert.Empty(Problems(set));
        Assert.Equal(["sub dir/a..b.txt", decomposed], set.Documents.Select(d => d.SourceFile).Order(StringComparer.Ordinal));
        Assert.Equal("甲", set.Manifest[decomposed].Title);
        Assert.Equal("乙", set.Manifest["sub dir/a..b.txt"].Title);
    }

    [Fact]
    public void Manifest_rows_naming_missing_escaping_or_contradictory_files_are_reported_by_row()
    {
        File.WriteAllText(Path.Combine(Plans, "a.txt"), "一、总体要求\n");
        File.WriteAllText(Path.Combine(_input, InputReader.ManifestFile), string.Join('\n',
            "file,title,year",
            "a.txt,甲,2023",
            "missing.txt,乙,2023",
            "../secret.txt,丙,2023",
            "/etc/passwd,丁,2023",
            "a.txt,戊,2022",
            "a.txt,甲,2023",
            ""));

        var set = InputReader.CreateDefault().Read(_input);

        Assert.Equal([(3, "PA125"), (4, "PA126"), (5, "PA126"), (6, "PA127"), (7, "PA123")],
            Problems(set).Select(d => (d.Line ?? 0, d.Code)).Order());
        Assert.All(Problems(set), d => Assert.Equal(InputReader.ManifestFile, d.File));
        Assert.Contains("title: '甲' vs '戊'", set.Diagnostics.Single(d => d.Code == "PA127").Message);
        Assert.Equal("甲", Assert.Single(set.Manifest).Value.Title);
    }

    [Fact]
    public void A_manifest_saved_as_gbk_by_excel_keeps_its_chinese()
    {
        TextDecoding.EnsureCodePages();
        File.WriteAllText(Path.Combine(Plans, "a.txt"), "一、总体要求\n");
        File.WriteAllBytes(Path.Combine(_input, InputReader.ManifestFile),
            Encoding.GetEncoding("GBK").GetBytes("file,title,issuer\r\na.txt,宜春市2023年安全生产工作要点,宜春市安全生产委员会\r\n"));

        var set = InputReader.CreateDefault().Read(_input);

        Assert.Empty(Problems(set));
        Assert.Equal("宜春市安全生产委员会", set.Manifest["a.txt"].Issuer);
    }

    [Fact]
    public void Malformed_yaml_and_csv_are_reported_with_their_line()
    {
        File.WriteAllText(Path.Combine(Plans, "a.txt"), "一、总体要求\n");
        File.WriteAllText(Path.Combine(_input, InputReader.SettingsFile), "title: [unclosed\nbase_path: x\n");
        File.WriteAllText(Path.Combine(_input, InputReader.ManifestFile), "title,year\n甲,2023\n");

        var set = InputReader.CreateDefault().Read(_input);

        Assert.Contains(set.Diagnostics, d => d.Code == "PA110" && d.File == InputReader.SettingsFile && d.Line is not null);
        Assert.Contains(set.Diagnostics, d => d.Code == "PA120" && d.File == InputReader.ManifestFile && d.Line == 1);
        Assert.Single(set.Documents);
    }

    [Fact]
    public void An_oversized_manifest_is_ignored_unread()
    {
        File.WriteAllText(Path.Combine(Plans, "a.txt"), "一、总体要求\n");
        using (var csv = File.Create(Path.Combine(_input, InputReader.ManifestFile))) csv.SetLength(InputReader.DefaultMaxFileBytes + 1);

        var set = InputReader.CreateDefault().Read(_input);

        var d = Assert.Single(Problems(set));
        Assert.Equal(("PA124", InputReader.ManifestFile), (d.Code, d.File));
        Assert.Contains("50 MB", d.Message);
        Assert.Single(set.Documents);
    }

    [Fact]
    public void A_broken_quote_in_the_manifest_is_reported_with_its_row()
    {
        File.WriteAllText(Path.Combine(Plans, "a.txt"), "一、总体要求\n");
        File.WriteAllText(Path.Combine(_input, InputReader.ManifestFile), "file,title\na.txt,甲\nb.txt,\"乙 \"丙\" 丁\n");

        var set = InputReader.CreateDefault().Read(_input);

        var d = Assert.Single(set.Diagnostics, d => d.Code == "PA128");
        Assert.Equal((InputReader.ManifestFile, 3), (d.File, d.Line));
        Assert.Equal("甲", set.Manifest["a.txt"].Title);
    }

    [Fact]
    public void A_link_to_a_file_outside_the_plans_folder_is_refused()
    {
        var outside = Path.Combine(_input, "secret.txt");
        File.WriteAllText(outside, "一、不应发布的内容\n");
        File.WriteAllText(Path.Combine(Plans, "a.txt"), "一、总体要求\n");
        File.CreateSymbolicLink(Path.Combine(Plans, "leak.txt"), outside);
        File.CreateSymbolicLink(Path.Combine(Plans, "alias.txt"), Path.Combine(Plans, "a.txt"));
        Directory.CreateSymbolicLink(Path.Combine(Plans, "loop"), _input);

        var set = InputReader.CreateDefault().Read(_input);

        Assert.Equal("a.txt", Assert.Single(set.Documents).SourceFile);
        Assert.Equal("PA213", Single(set, "leak.txt").Code);
        Assert.Equal("PA211", Single(set, "alias.txt").Code);
        Assert.Equal("PA214", Single(set, "loop").Code);
    }

    [Fact]
    public void A_plans_folder_reached_through_a_link_still_reads_its_own_files()
    {
        var real = ReadFixtures.NewTempFolder();
        try
        {
            File.WriteAllText(Path.Combine(real, "a.txt"), "一、总体要求\n");
            File.CreateSymbolicLink(Path.Combine(real, "b.txt"), Path.Combine(real, "a.txt"));
            Directory.Delete(Plans);
            Directory.CreateSymbolicLink(Plans, real);

            var set = InputReader.CreateDefault().Read(_input);

            Assert.Equal("a.txt", Assert.Single(set.Documents).SourceFile);
            Assert.Equal("PA211", Single(set, "b.txt").Code);
        }
        finally
        {
            Directory.Delete(real, recursive: true);
        }
    }

    [Fact]
    public void Files_no_reader_takes_are_reported_and_hidden_files_skipped()
    {
        File.WriteAllText(Path.Combine(Plans, "a.txt"), "一、总体要求\n");
        File.WriteAllText(Path.Combine(Plans, "old.rtf"), @"{\rtf1 x}");
        File.WriteAllText(Path.Combine(Plans, ".DS_Store"), "x");
        File.WriteAllText(Path.Combine(Plans, "~$yichun.docx"), "x");

        var set = InputReader.CreateDefault().Read(_input);

        var d = Assert.Single(Problems(set));
        Assert.Equal(("PA215", "plans/old.rtf"), (d.Code, d.File));
        Assert.Contains(".docx", d.Message);
        Assert.Equal(["a.txt"], InputReader.CreateDefault().ListPlanFiles(Plans));
    }

    [Fact]
    public void A_file_with_only_white_space_has_no_text()
    {
        File.WriteAllText(Path.Combine(Plans, "blank.txt"), " \n\u3000\n\t\n");
        var set = InputReader.CreateDefault().Read(_input);
        Assert.Equal("PA201", Single(set, "blank.txt").Code);
        Assert.Empty(set.Documents);
    }

    [Fact]
    public void A_reader_that_crashes_costs_only_its_own_file()
    {
        File.WriteAllText(Path.Combine(Plans, "a.txt"), "一、总体要求\n");
        File.WriteAllText(Path.Combine(Plans, "b.crash"), "x");
        var set = new InputReader([new TextDocumentReader(), new CrashingReader()]).Read(_input);
        Assert.Equal("PA299", Single(set, "b.crash").Code);
        Assert.Single(set.Documents);
    }

    [Fact]
    public void Reader_notes_become_warnings_naming_the_file()
    {
        // Readability drops blocks whose class says "footer"; the reader falls back to the whole page and says so.
        File.WriteAllText(Path.Combine(Plans, "bare.html"), "<html><body><div class=\"footer\">一、总体要求</div></body></html>");
        var set = InputReader.CreateDefault().Read(_input);
        var d = Assert.Single(Problems(set));
        Assert.Equal((Severity.Warning, "PA216", "plans/bare.html"), (d.Severity, d.Code, d.File));
        Assert.Equal(["一、总体要求"], Assert.Single(set.Documents).Lines);
    }

    private sealed class CrashingReader : IDocumentReader
    {
        public IReadOnlyCollection<string> Extensions { get; } = [".crash"];
        public SourceDocument Read(byte[] bytes, string sourceFile) => throw new NullReferenceException("a bug");
    }
}

public class DiagnosticsDocumentationTests
{
    /// <summary>Every PA code the read stage can emit is explained in docs/diagnostics.md.</summary>
    [Fact]
    public void Every_read_stage_code_is_documented()
    {
        var documented = System.Text.RegularExpressions.Regex.Matches(
            File.ReadAllText(Path.Combine(ReadFixtures.RepoRoot, "docs", "diagnostics.md")), @"\| (PA\d{3}) \|")
            .Select(m => m.Groups[1].Value).ToHashSet();
        var emitted = Directory.EnumerateFiles(Path.Combine(ReadFixtures.RepoRoot, "src", "PlanAtlas", "Read"), "*.cs")
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "\"(PA\\d{3})\"").Select(m => m.Groups[1].Value))
            .ToHashSet();
        Assert.NotEmpty(emitted);
        Assert.Empty(emitted.Except(documented).Order());
    }
}
