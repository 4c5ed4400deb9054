using PlanAtlas.Model;
using PlanAtlas.Read;

namespace PlanAtlas.Tests.Read;

/// <summary>The columns fetch writes (fetched_at, sha256, role): accepted by the build, and a page or attachment is not built.</summary>
public sealed class ManifestRoleTests
{
    private const string Plan = "示例县2023年安全生产工作要点\n一、总体要求\n坚持人民至上、生命至上，统筹发展和安全。\n二、重点任务\n深化专项整治，强化隐患排查治理。\n";

    private static InputSet ReadInput(string manifest, params (string Name, string Text)[] files)
    {
        using var temp = RepoPaths.NewTemp();
        Directory.CreateDirectory(temp["plans"]);
        foreach (var (name, text) in files) File.WriteAllText(Path.Combine(temp["plans"], name), text);
        File.WriteAllText(temp["plans.csv"], manifest);
        return InputReader.CreateDefault().Read(temp.Path);
    }

    [Fact]
    public void The_fetch_columns_are_known_columns()
    {
        var input = ReadInput("file,title,source_url,fetched_at,sha256,role\nplan.txt,,https://example.org/a.html,2024-03-01T08:00:00Z,abc,plan\n", ("plan.txt", Plan));
        Assert.DoesNotContain(input.Diagnostics, d => d.Code == "PA121");
        Assert.Equal(ManifestRole.Plan, input.Manifest["plan.txt"].Role);
        Assert.Single(input.Documents);
    }

    [Fact]
    public void A_page_and_an_attachment_are_kept_but_not_built()
    {
        var input = ReadInput("file,role\npage.html,page\nplan.txt,plan\ntable.xls,attachment\n",
            ("page.html", "<html><body><p>现将《示例县2023年安全生产工作要点》印发给你们，请认真贯彻落实。</p></body></html>"),
            ("plan.txt", Plan), ("table.xls", "not a spreadsheet"));
        Assert.Equal(["plan.txt"], input.Documents.Select(d => d.SourceFile));
        Assert.Empty(input.Diagnostics.Where(d => d.Code != "PA400")); // PA400: the folder has no themes.yml
        Assert.Equal(["plan.txt"], input.Manifest.Keys);
    }

    [Fact]
    public void A_page_row_whose_file_is_gone_is_reported()
    {
        var input = ReadInput("file,role\ngone.html,page\n", ("plan.txt", Plan));
        Assert.Contains(input.Diagnostics, d => d.Code == "PA125" && d.Line == 2);
    }

    [Theory]
    [InlineData("wrapper")]
    [InlineData("1")]
    public void An_unknown_role_is_reported_and_the_file_built(string role)
    {
        var input = ReadInput($"file,role\nplan.txt,{role}\n", ("plan.txt", Plan));
        Assert.Contains(input.Diagnostics, d => d.Code == "PA129" && d.Line == 2);
        Assert.Single(input.Documents);
    }
}
