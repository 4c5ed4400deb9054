using PlanAtlas.Render;

namespace PlanAtlas.Tests.Render;

/// <summary>An incremental build keeps unchanged pages in the previous output: it neither renders nor copies them, yet sees the whole site.</summary>
public sealed class OutputFolderTests
{
    private sealed class ReuseOnly(string sitePath) : IPageReuse
    {
        public List<string> Rendered { get; } = [];
        public bool TryReuse(string path, string fingerprint, out IReadOnlyCollection<string> companions)
        {
            companions = [];
            return path == sitePath && fingerprint == "same";
        }

        void IPageReuse.Rendered(string path, string fingerprint, long length, IReadOnlyList<(string SitePath, long Length)> companions) => Rendered.Add(path);
    }

    [Fact]
    public void A_kept_page_stays_in_the_previous_output_and_is_listed_with_the_written_ones()
    {
        using var temp = RepoPaths.NewTemp();
        Directory.CreateDirectory(temp["previous/plans/a"]);
        File.WriteAllText(temp["previous/plans/a/index.html"], "kept");
        var reuse = new ReuseOnly("plans/a/");
        var output = new OutputFolder(temp["staging"]) { Reuse = reuse, Previous = temp["previous"] };

        output.WritePage("plans/a/", "same", _ => throw new InvalidOperationException("a kept page is not rendered"));
        output.WritePage("plans/b/", "new", writer => writer.Write("written"));
        output.WriteText("data/plans.csv", "id");

        Assert.Equal(["plans/a/index.html"], output.Kept);
        Assert.Equal(["plans/b/"], reuse.Rendered);
        Assert.False(File.Exists(temp["staging/plans/a/index.html"]));
        Assert.Equal((2, 1), (output.PagesWritten, output.PagesReused));
        Assert.Equal([("plans/a/index.html", "kept"), ("plans/b/index.html", "written")],
            output.SiteFiles("*.html").Select(f => (f.Relative, File.ReadAllText(f.File))));
    }

    [Fact]
    public void In_an_incremental_build_a_file_equal_to_the_previous_one_is_kept_and_a_changed_one_written()
    {
        using var temp = RepoPaths.NewTemp();
        Directory.CreateDirectory(temp["previous/search"]);
        File.WriteAllBytes(temp["previous/search/same.bin"], [1, 2, 3]);
        File.WriteAllBytes(temp["previous/search/changed.bin"], [1, 2, 3]);
        var output = new OutputFolder(temp["staging"]) { Reuse = new ReuseOnly("none"), Previous = temp["previous"] };

        output.WriteBytes("search/same.bin", [1, 2, 3]);
        output.WriteBytes("search/changed.bin", [1, 2, 4]);
        output.WriteBytes("search/new.bin", [5]);

        Assert.Equal(["search/same.bin"], output.Kept);
        Assert.Equal(["changed.bin", "new.bin"], Directory.EnumerateFiles(temp["staging/search"]).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        // Without a page cache (a --no-cache build) nothing of the previous output is used.
        var full = new OutputFolder(temp["full"]) { Previous = temp["previous"] };
        full.WriteBytes("search/same.bin", [1, 2, 3]);
        Assert.Empty(full.Kept);
        Assert.True(File.Exists(temp["full/search/same.bin"]));
    }

    [Fact]
    public void A_file_written_from_the_same_content_as_before_is_neither_made_nor_written_again()
    {
        using var temp = RepoPaths.NewTemp();
        Directory.CreateDirectory(temp["previous/search/t"]);
        File.WriteAllBytes(temp["previous/search/t/0.bin"], [9, 9]);
        var reuse = new ReuseOnly("search/t/0.bin");
        var output = new OutputFolder(temp["staging"]) { Reuse = reuse, Previous = temp["previous"] };

        output.WriteBytes("search/t/0.bin", "same", () => throw new InvalidOperationException("an unchanged file is not compressed again"));
        output.WriteBytes("search/t/1.bin", "other", () => [1]);

        Assert.Equal(["search/t/0.bin"], output.Kept);
        Assert.Equal(["search/t/1.bin"], reuse.Rendered);
        Assert.Equal([1], File.ReadAllBytes(temp["staging/search/t/1.bin"]));
        Assert.Equal((0, 0), (output.PagesWritten, output.PagesReused));
    }
}
