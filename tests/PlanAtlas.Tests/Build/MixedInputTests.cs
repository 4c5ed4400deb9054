using PlanAtlas.Build;
using PlanAtlas.Model;
using PlanAtlas.Tests.Read;
using PlanAtlas.Tests.Site;

namespace PlanAtlas.Tests.Build;

/// <summary>
/// Issue 8's acceptance folder: the sample plans, the Yichun and Liulin plans in all their other forms, and every kind of
/// bad input, built together. Good plans all appear; each bad file gets its own message; the build succeeds.
/// </summary>
public sealed class MixedInputTests : IClassFixture<MixedInputTests.Built>
{
    public sealed class Built : IDisposable
    {
        private readonly RepoPaths.TempFolder _temp = RepoPaths.NewTemp();
        public string Output => _temp["out"];
        public BuildResult Result { get; }

        public Built()
        {
            var input = _temp["in"];
            RepoPaths.CopyTree(RepoPaths.SampleInput, input);
            var plans = Path.Combine(input, "plans");
            foreach (var form in Directory.GetFiles(ReadFixtures.Forms)) File.Copy(form, Path.Combine(plans, "forms " + Path.GetFileName(form)));
            foreach (var bad in Directory.GetFiles(ReadFixtures.Bad)) File.Copy(bad, Path.Combine(plans, "bad-" + Path.GetFileName(bad)));
            // The same plan twice under two names, one of them with spaces and Unicode.
            File.Copy(Path.Combine(plans, ReadFixtures.YichunSample), Path.Combine(plans, "宜春 副本 (2).txt"));
            File.AppendAllText(Path.Combine(input, "plans.csv"), "no-such-file.txt,不存在的文件,,,,,,,,,\n");
            Result = new SiteBuilder(IBuildProgress.None).Build(new BuildOptions(input, Output, ThemeDirectory: RepoPaths.Theme));
        }

        public void Dispose() => _temp.Dispose();
    }

    private readonly Built _built;
    public MixedInputTests(Built built) => _built = built;

    [Fact]
    public void The_site_builds_with_every_good_plan()
    {
        Assert.Equal(BuildOutcome.Built, _built.Result.Outcome);
        var planPages = Directory.GetDirectories(Path.Combine(_built.Output, "plans")).Length;
        // 5 samples + docx + html + pdf (the GBK text, the .ofd and the copy are the sample's duplicates, built once) + the
        // no-structure text + the 柳林 .doc (its .wps has the same text) + the 柳林 task table (its .xlsx the same as its .xls).
        Assert.Equal(11, planPages);
    }

    [Theory]
    [InlineData("plans/bad-empty.txt", "PA201")]
    [InlineData("plans/bad-junk.txt", null)]
    [InlineData("plans/bad-truncated.docx", "PA206")]
    [InlineData("plans/bad-truncated.pdf", null)]
    [InlineData("plans/bad-truncated.doc", "PA222")]
    [InlineData("plans/bad-truncated.xlsx", "PA223")]
    [InlineData("plans/bad-truncated.ofd", "PA224")]
    [InlineData("plans/forms liulin-2023.wps", "PA21")]    // the .doc's bytes under another name
    [InlineData("plans/forms liulin-2023.xlsx", "PA212")]
    [InlineData("plans/forms yichun-2023.ofd", "PA212")]
    [InlineData("plans/bad-no-structure.txt", "PA301")]
    [InlineData("plans/宜春 副本 (2).txt", "PA21")]   // PA211 same bytes or PA212 same text: built once
    [InlineData("plans/" + ReadFixtures.YichunSample, "PA21")]
    [InlineData("plans.csv", "PA125")]
    public void Every_bad_input_gets_a_message_naming_its_file(string file, string? code)
    {
        var messages = _built.Result.Diagnostics.Where(d => d.File == file || d.Message.Contains(Path.GetFileName(file))).ToList();
        Assert.NotEmpty(messages);
        if (code is not null) Assert.Contains(messages, d => d.Code.StartsWith(code, StringComparison.Ordinal));
    }

    [Fact]
    public void No_script_from_any_input_reaches_the_site()
    {
        foreach (var file in Directory.EnumerateFiles(_built.Output, "*.html", SearchOption.AllDirectories))
        {
            var page = SampleSite.Parse(File.ReadAllText(file));
            Assert.All(page.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src") || s.GetAttribute("type") == "application/json", file));
            Assert.Empty(page.QuerySelectorAll("[onerror], [onclick], [onload], a[href^='javascript']"));
        }
    }
}
