using PlanAtlas.Fetch;

namespace PlanAtlas.Tests.Fetch;

/// <summary>Fetched files get readable names inside input/plans, and nothing from a page or an input file can name a path outside it.</summary>
public sealed class FileNamesTests
{
    [Theory]
    [InlineData("关于印发《2023年安全生产工作要点》的通知", "关于印发-2023年安全生产工作要点-的通知.html")]
    [InlineData("../../etc/passwd", "etc-passwd.html")]
    [InlineData("CON", "con-file.html")]
    public void A_title_becomes_a_safe_name(string title, string expected)
    {
        var names = new FileNames(_ => false);
        Assert.Equal(expected, names.ForPage(FileNames.PageStem(title, new Uri("http://127.0.0.1/a.html"))));
    }

    [Fact]
    public void Without_a_title_the_address_names_the_page_and_a_taken_name_gets_a_number()
    {
        var names = new FileNames(n => n == "127-0-0-1-art-2023-3-1-art-12.html");
        Assert.Equal("127-0-0-1-art-2023-3-1-art-12-2.html", names.ForPage(FileNames.PageStem(null, new Uri("http://127.0.0.1/art/2023/3/1/art_12.html"))));
        Assert.Equal("127-0-0-1-art-2023-3-1-art-12-3.html", names.ForPage(FileNames.PageStem(null, new Uri("http://127.0.0.1/art/2023/3/1/art_12.html"))));
    }

    [Fact]
    public void A_long_title_is_cut()
    {
        var stem = FileNames.PageStem(new string('安', 200), new Uri("http://127.0.0.1/a.html"));
        Assert.Equal(60, stem.Length);
    }

    [Theory]
    [InlineData("../outside.html")]
    [InlineData("/etc/x.html")]
    [InlineData("sub/x.html")]
    [InlineData(".hidden.html")]
    [InlineData("C:x.html")]
    [InlineData("")]
    public void The_plans_folder_refuses_names_that_leave_it(string name)
    {
        using var temp = RepoPaths.NewTemp();
        var folder = new PlanFolder(temp["plans"]);
        Assert.False(folder.IsSafeName(name));
        Assert.Throws<FetchFailure>(() => folder.Write(name, [1], null, force: true));
    }

    [Fact]
    public void A_link_in_the_plans_folder_is_not_written_through()
    {
        using var temp = RepoPaths.NewTemp();
        Directory.CreateDirectory(temp["plans"]);
        File.WriteAllText(temp["outside.txt"], "outside");
        File.CreateSymbolicLink(Path.Combine(temp["plans"], "x.html"), temp["outside.txt"]);
        var folder = new PlanFolder(temp["plans"]);
        Assert.Throws<FetchFailure>(() => folder.Write("x.html", [1, 2, 3], null, force: false));
        folder.Write("x.html", [1, 2, 3], null, force: true);
        Assert.Equal("outside", File.ReadAllText(temp["outside.txt"]));
        Assert.Equal([1, 2, 3], File.ReadAllBytes(Path.Combine(temp["plans"], "x.html")));
    }
}
