using PlanAtlas.Index;
using PlanAtlas.Render;

namespace PlanAtlas.Tests.Index;

/// <summary>An index updated for a few changed documents equals the index built afresh from the new texts.</summary>
public class TermIndexUpdateTests
{
    private const string Alphabet = "安全生产燃气自建房打非治违隐患排查整治消防ａＢc 12";

    private static List<string> RandomTexts(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => RandomText(random)).ToList();

    private static string RandomText(Random random) =>
        new(Enumerable.Range(0, random.Next(0, 60)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());

    private static IReadOnlyList<TermIndex.Entry> Build(IReadOnlyList<string> texts) =>
        TermIndex.Build(texts.Select(t => t.Length).ToList(), d => SearchText.Normalize(texts[d]));

    private static TermSnapshot Snapshot(IReadOnlyList<string> texts) => new()
    {
        TextHashes = texts.Select(TermSnapshot.HashOf).ToArray(),
        Lengths = texts.Select(t => SearchText.Normalize(t).Length).ToArray(),
        Entries = Build(texts),
    };

    private static void AssertSame(IReadOnlyList<TermIndex.Entry> expected, IReadOnlyList<TermIndex.Entry> actual)
    {
        Assert.Equal(expected.Select(e => e.Key), actual.Select(e => e.Key));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Hash, actual[i].Hash);
            Assert.Equal(expected[i].Bytes, actual[i].Bytes);
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(3, 5)]
    [InlineData(4, 8)]
    public void Updating_the_changed_documents_gives_the_index_built_afresh(int seed, int changes)
    {
        // 64 documents: the bitmap form (common keys) and the gap form (rare ones) both occur, and entries appear and vanish.
        var random = new Random(seed);
        var before = RandomTexts(random, 64);
        var after = before.ToList();
        var changed = Enumerable.Range(0, after.Count).OrderBy(_ => random.Next()).Take(changes).Order().ToList();
        foreach (var d in changed) after[d] = changes % 2 == 0 && d == changed[0] ? "" : RandomText(random) + "新词" + d;

        var updated = TermIndex.Update(Snapshot(before), after.Count, changed, d => SearchText.Normalize(after[d]));

        Assert.NotNull(updated);
        AssertSame(Build(after), updated);
    }

    [Fact]
    public void A_document_whose_text_is_unchanged_may_be_listed_as_changed()
    {
        var texts = RandomTexts(new Random(7), 20);
        var updated = TermIndex.Update(Snapshot(texts), texts.Count, [3], d => SearchText.Normalize(texts[d]));
        Assert.NotNull(updated);
        AssertSame(Build(texts), updated);
    }

    [Fact]
    public void Another_document_count_or_many_changes_are_left_to_a_fresh_build()
    {
        var texts = RandomTexts(new Random(9), 40);
        var snapshot = Snapshot(texts);
        Assert.Null(TermIndex.Update(snapshot, 41, [40], d => texts[d % 40]));
        Assert.NotNull(TermIndex.Update(snapshot, 40, Enumerable.Range(0, TermIndex.UpdateAlways).ToList(), d => texts[d]));
        Assert.Null(TermIndex.Update(snapshot, 40, Enumerable.Range(0, TermIndex.UpdateAlways + 1).ToList(), d => texts[d]));
    }

    [Fact]
    public void A_snapshot_reads_back_as_written_and_damaged_bytes_read_as_none()
    {
        var snapshot = Snapshot(RandomTexts(new Random(11), 30));
        using var stream = new MemoryStream();
        snapshot.Write(stream);
        var bytes = stream.ToArray();

        var read = TermSnapshot.Read(bytes);

        Assert.NotNull(read);
        Assert.Equal(snapshot.TextHashes, read.TextHashes);
        Assert.Equal(snapshot.Lengths, read.Lengths);
        AssertSame(snapshot.Entries, read.Entries);
        Assert.Null(TermSnapshot.Read(bytes[..^1]));
        Assert.Null(TermSnapshot.Read(bytes[..10]));
        Assert.Null(TermSnapshot.Read([1, 2, 3]));
    }
}

/// <summary>The index stage given the previous build's snapshot writes the same files as without it.</summary>
public sealed class SearchIndexerSnapshotTests(SampleIndex sample) : IClassFixture<SampleIndex>
{
    [Fact]
    public void A_page_changed_since_the_snapshot_gives_the_files_of_a_fresh_index()
    {
        using var temp = RepoPaths.NewTemp();
        var before = sample.Indexer;
        SampleIndex.WritePages(temp["before"]);
        before.Write(sample.Plans, new OutputFolder(temp["before"]));
        var after = temp["after"];
        SampleIndex.WritePages(after);
        new OutputFolder(after).WritePage("about/", "<html><body><main data-search-body><h1>关于</h1><p>本站收录安全生产工作要点和通知。</p></main></body></html>");
        var fresh = temp["fresh"];
        SampleIndex.WritePages(fresh);
        new OutputFolder(fresh).WritePage("about/", "<html><body><main data-search-body><h1>关于</h1><p>本站收录安全生产工作要点和通知。</p></main></body></html>");

        var updating = new SearchIndexer(SampleIndex.Strings) { Analysis = sample.Analysis, Previous = before.Snapshot };
        updating.Write(sample.Plans, new OutputFolder(after));
        sample.Indexer.Write(sample.Plans, new OutputFolder(fresh));

        Assert.NotNull(before.Snapshot);
        Assert.Equal(before.Snapshot.DocumentCount, updating.Snapshot!.DocumentCount);
        Assert.Equal(1, updating.Updated);
        Assert.Null(before.Updated);
        Assert.Equal(RepoPaths.Snapshot(Path.Combine(fresh, "search")), RepoPaths.Snapshot(Path.Combine(after, "search")));
    }
}
