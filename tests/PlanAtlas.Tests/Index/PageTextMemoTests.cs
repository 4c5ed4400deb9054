using PlanAtlas.Index;
using PlanAtlas.Render;

namespace PlanAtlas.Tests.Index;

/// <summary>
/// The index takes an unchanged page's text from the previous build's memo instead of reading the page again; a page
/// file that changed (another length or write time) is read.
/// </summary>
public sealed class PageTextMemoTests
{
    private static string Page(string heading, string text) =>
        $"<!doctype html><html><head><title>{heading}</title></head><body><main data-search-body><h1>{heading}</h1><p>{text}</p></main></body></html>";

    private static (OutputFolder Output, string File) Site(RepoPaths.TempFolder temp, string html)
    {
        var output = new OutputFolder(temp["site"]);
        output.WritePage("regions/140000/", html);
        return (output, output.FullPath("regions/140000/"));
    }

    [Fact]
    public void A_page_whose_file_is_unchanged_is_taken_from_the_memo_without_reading_it()
    {
        using var temp = RepoPaths.NewTemp();
        var (output, file) = Site(temp, Page("山西省", "燃气安全专项整治"));
        var memo = new PageTextMemo();
        // The memo says something else than the file: only a page that was not read can show it.
        memo.Add("regions/140000/", PageTextMemo.Stamp.Of(file), ("山西省", "山西省\n自建房安全专项整治"));

        var documents = new SearchIndexer(SampleIndex.Strings) { PreviousPages = memo }.Documents([], output);

        Assert.Equal("山西省\n自建房安全专项整治", Assert.Single(documents).Body);
    }

    [Fact]
    public void A_page_written_again_is_read_and_the_new_memo_holds_what_it_says()
    {
        using var temp = RepoPaths.NewTemp();
        var (output, file) = Site(temp, Page("山西省", "燃气安全专项整治"));
        var memo = new PageTextMemo();
        memo.Add("regions/140000/", PageTextMemo.Stamp.Of(file) with { WriteTicks = 1 }, ("山西省", "旧的文字"));
        var indexer = new SearchIndexer(SampleIndex.Strings) { PreviousPages = memo };

        var document = Assert.Single(indexer.Documents([], output));

        Assert.Equal("山西省\n燃气安全专项整治", document.Body);
        Assert.True(indexer.Pages!.TryGet("regions/140000/", PageTextMemo.Stamp.Of(file), out var page));
        Assert.Equal(("山西省", "山西省\n燃气安全专项整治"), page);
    }

    [Fact]
    public void The_memo_reads_back_what_it_wrote_and_refuses_damaged_bytes()
    {
        var memo = new PageTextMemo();
        var stamp = new PageTextMemo.Stamp(1234, 638_000_000_000_000_000);
        memo.Add("regions/140000/", stamp, ("山西省", "燃气"));
        memo.Add("about/", stamp, null);
        using var bytes = new MemoryStream();
        memo.Write(bytes);

        var read = PageTextMemo.Read(new MemoryStream(bytes.ToArray()))!;
        Assert.True(read.TryGet("regions/140000/", stamp, out var page));
        Assert.Equal(("山西省", "燃气"), page);
        Assert.True(read.TryGet("about/", stamp, out var unmarked));
        Assert.Null(unmarked);
        Assert.False(read.TryGet("regions/140000/", stamp with { Length = 1235 }, out _));
        Assert.Null(PageTextMemo.Read(new MemoryStream(bytes.ToArray()[..^3])));
    }
}
