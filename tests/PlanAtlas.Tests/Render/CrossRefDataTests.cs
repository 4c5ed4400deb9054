using PlanAtlas.Build.Cache;
using PlanAtlas.Model;
using PlanAtlas.Render;
using PlanAtlas.Render.CrossRefs;

namespace PlanAtlas.Tests.Render;

/// <summary>
/// The cross-reference CSVs (reuse, citations, units, slogans) are kept from the previous build, without being written,
/// when what their rows are made from is unchanged, and written again (with the new rows) when it changed.
/// </summary>
public sealed class CrossRefDataTests
{
    private static PeerAnalysis Analysis(double score, string asWritten) =>
        PeerAnalysis.Empty with
        {
            Links = [new ReuseLink(new ItemKey("p1", "1"), new ItemKey("p2", "3"), score, 40)],
            Citations = [new CrossReference("《安全生产法》", [new Mention(new ItemKey("p1", "2"), 2023, asWritten)])],
        };

    /// <summary>One build into a staging folder that the commit puts in place; returns the files it kept rather than wrote.</summary>
    private static IReadOnlyCollection<string> Build(RepoPaths.TempFolder temp, PeerAnalysis analysis)
    {
        using var swap = new PlanAtlas.Build.OutputSwap(temp["out"]);
        var cache = new PageCache(CacheFolder.Open(temp["cache"]), temp["out"], ignorePrevious: false);
        var output = new OutputFolder(swap.StagingDirectory) { Reuse = cache, Previous = swap.OutputDirectory };
        CrossRefPages.WriteData(analysis, output);
        var kept = output.Kept.ToList();
        cache.Invalidate();
        swap.Commit(output.Kept);
        cache.Save();
        return kept;
    }

    [Fact]
    public void Unchanged_rows_keep_the_previous_files_and_a_changed_row_writes_its_file_again()
    {
        using var temp = RepoPaths.NewTemp();
        Assert.Empty(Build(temp, Analysis(0.8, "安全生产法")));
        Assert.Equal(["data/citations.csv", "data/reuse.csv", "data/slogans.csv", "data/units.csv"], Build(temp, Analysis(0.8, "安全生产法")).Order(StringComparer.Ordinal));

        Assert.DoesNotContain("data/reuse.csv", Build(temp, Analysis(0.75, "安全生产法")));
        Assert.Contains(",0.75,40,0", File.ReadAllText(temp["out/data/reuse.csv"]));

        var kept = Build(temp, Analysis(0.75, "《安全生产法》"));
        Assert.Contains("data/reuse.csv", kept);
        Assert.DoesNotContain("data/citations.csv", kept);
        Assert.Contains("《安全生产法》", File.ReadAllText(temp["out/data/citations.csv"]).Split("\r\n")[1]);
    }

    [Fact]
    public void A_changed_plans_links_and_reference_are_written_and_the_others_copied_into_the_same_bytes_as_a_full_write()
    {
        using var temp = RepoPaths.NewTemp();
        ReuseLink Link(string a, string b, double score) => new(new ItemKey(a, "1"), new ItemKey(b, "2"), score, 30);
        CrossReference Reference(string key, params string[] plans) => new(key, plans.Select(p => new Mention(new ItemKey(p, "1"), 2020, key)).ToList());
        var before = PeerAnalysis.Empty with
        {
            Links = [Link("p1", "p2", 0.9), Link("p1", "p3", 0.8), Link("p2", "p3", 0.7), Link("p3", "p4", 0.6)],
            Citations = [Reference("《甲法》", "p1", "p2"), Reference("《乙法》", "p3")],
        };
        Build(temp, before);
        var after = before with
        {
            Links = [Link("p1", "p2", 0.9), Link("p1", "p3", 0.8), Link("p2", "p3", 0.75), Link("p2", "p4", 0.5), Link("p3", "p4", 0.6)],
            Citations = [Reference("《甲法》", "p1", "p2"), Reference("《乙法》", "p3", "p4")],
        };
        Assert.DoesNotContain("data/reuse.csv", Build(temp, after));
        using (var full = new MemoryStream())
        {
            CrossRefPages.ReuseCsv(full, after.Links);
            Assert.Equal(full.ToArray(), File.ReadAllBytes(temp["out/data/reuse.csv"]));
        }
        using (var full = new MemoryStream())
        {
            CrossRefPages.MentionsCsv(full, "document", after.Citations);
            Assert.Equal(full.ToArray(), File.ReadAllBytes(temp["out/data/citations.csv"]));
        }
    }

    [Fact]
    public void Every_value_of_a_link_and_a_mention_changes_the_digests()
    {
        ReuseLink link = new(new ItemKey("p1", "1"), new ItemKey("p2", "3"), 0.8, 40);
        var links = new[] { link, link with { A = new ItemKey("p0", "1") }, link with { A = new ItemKey("p1", "0") }, link with { B = new ItemKey("p3", "3") },
            link with { B = new ItemKey("p2", "4") }, link with { Score = 0.80001 }, link with { SharedChars = 41 } };
        Assert.Equal(links.Length, links.Select(l => Convert.ToHexString(CrossRefPages.LinksDigest([l], 0, 1))).Distinct().Count());

        Mention mention = new(new ItemKey("p1", "2"), 2023, "安全生产法");
        var references = new[]
        {
            new CrossReference("a", [mention]), new CrossReference("b", [mention]), new CrossReference("a", [mention with { Item = new ItemKey("p2", "2") }]),
            new CrossReference("a", [mention with { Item = new ItemKey("p1", "3") }]), new CrossReference("a", [mention with { Year = null }]),
            new CrossReference("a", [mention with { Year = 2024 }]), new CrossReference("a", [mention with { AsWritten = "《安全生产法》" }]),
            new CrossReference("a", [mention, mention]),
        };
        Assert.Equal(references.Length, references.Select(r => Convert.ToHexString(CrossRefPages.MentionsDigest([r], 0, 1))).Distinct().Count());
    }

    [Fact]
    public void A_streamed_digest_equals_a_parts_of_the_same_values()
    {
        using var part = PageInputs.Part();
        using var streamed = PageInputs.Streamed();
        for (var i = 0; i < 20_000; i++)
        {
            part.Add($"值{i}").Add(i);
            streamed.Add($"值{i}").Add(i);
        }
        Assert.Equal(part.Digest(), streamed.Digest());
    }
}

/// <summary>reuse.csv and the mentions CSVs, now written field by field, keep the bytes they had as rows of strings.</summary>
public sealed class CrossRefCsvBytesTests
{
    [Fact]
    public void Reuse_and_mentions_csvs_are_the_rows_as_strings_were()
    {
        ReuseLink[] links =
        [
            new(new ItemKey("p1", "1"), new ItemKey("p2", "3"), 0.123456, 40), new(new ItemKey("p1", "1"), new ItemKey("p1", "9"), 1, 7),
            new(new ItemKey("p,2", "a\"b"), new ItemKey(" p3", "4 "), 0.5, 0), new(new ItemKey("p4", "1"), new ItemKey("p5", "1"), 0.99995, 123456),
        ];
        using var reuse = new MemoryStream();
        CrossRefPages.ReuseCsv(reuse, links);
        var expected = PlanAtlas.Render.Charts.ChartWriter.Csv(["plan_a", "item_a", "plan_b", "item_b", "score", "shared_chars", "within_plan"],
            links.Select(l => (IReadOnlyList<string>)[l.A.PlanId, l.A.ItemId, l.B.PlanId, l.B.ItemId,
                l.Score.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture), l.SharedChars.ToString(System.Globalization.CultureInfo.InvariantCulture), l.WithinPlan ? "1" : "0"]));
        Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(reuse.ToArray()));

        CrossReference[] references =
        [
            new("《安全生产法》", [new Mention(new ItemKey("p1", "2"), 2023, "安全生产法"), new Mention(new ItemKey("p2", "5"), null, " 《安全生产法》,\"修订\"")]),
            new("应急管理局", [new Mention(new ItemKey("p3", "1"), 2019, "应急管理局\n")]),
        ];
        using var mentions = new MemoryStream();
        CrossRefPages.MentionsCsv(mentions, "unit", references);
        string Year(int? y) => y?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
        var expectedMentions = PlanAtlas.Render.Charts.ChartWriter.Csv(["unit", "plans", "first_year", "plan_id", "item_id", "year", "as_written"],
            references.SelectMany(r => r.Mentions.Select(m => (IReadOnlyList<string>)[r.Key, r.PlanIds.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Year(r.FirstYear), m.Item.PlanId, m.Item.ItemId, Year(m.Year), m.AsWritten])));
        Assert.Equal(System.Text.Encoding.UTF8.GetString(expectedMentions), System.Text.Encoding.UTF8.GetString(mentions.ToArray()));
    }
}
