using System.Security.Cryptography;
using System.Text;
using PlanAtlas.Analyze.Reuse;

namespace PlanAtlas.Tests.Analyze.Reuse;

/// <summary>
/// Reuse detection keeps its temporary data compact (shingles counted per plan in a sorted buffer, prepared items
/// written over in place, matches in flat arrays) so that a 10,000-plan corpus fits in memory; these tests hold the
/// compact structures to what the straightforward ones gave.
/// </summary>
public sealed class CompactReuseTests
{
    private static IEnumerable<string> SampleTexts(int plan) =>
        SamplePlans.All[plan].Items.Select(i => TextNormalizer.Normalize(i.Text));

    [Fact]
    public void A_plans_shingles_and_own_boilerplate_are_those_a_count_per_item_gives()
    {
        // Short texts (shorter than a shingle, empty) and repeated items are the edge cases of the sorted buffer.
        var extra = new[] { "", "燃气", "燃气安全", "加强燃气安全管理", "加强燃气安全管理", "加强燃气安全管理", "加强燃气安全管理" };
        for (var p = 0; p < SamplePlans.All.Count; p++)
        {
            var texts = SampleTexts(p).Concat(extra).ToList();
            var counts = new Dictionary<ulong, int>();
            foreach (var text in texts)
                foreach (var h in Shingles.Hashes(text, 5).Distinct())
                    counts[h] = counts.GetValueOrDefault(h) + 1;

            var (distinct, local) = PlanShingles.Count(texts, 5, localLimit: 3);

            Assert.Equal(counts.Keys.Order(), distinct);
            Assert.Equal(counts.Where(c => c.Value > 3).Select(c => c.Key).Order(), (local ?? []).Order());
            Assert.Contains(Shingles.Hash("加强燃气安"), local ?? []);
        }
    }

    [Fact]
    public void An_item_prepared_into_the_arrays_of_another_reads_as_one_prepared_afresh()
    {
        var plans = SamplePlans.All;
        var normalized = plans.SelectMany(p => p.Items).Select(i => TextNormalizer.Normalize(i.Text)).ToArray();
        var planOf = plans.SelectMany((p, index) => p.Items.Select(_ => index)).ToArray();
        var options = new ReuseOptions();
        var local = plans.Select((_, p) => PlanShingles.Count(normalized.Where((_, i) => planOf[i] == p), 5, options.LocalBoilerplateItems).Local ?? []).ToArray();
        var frequencies = ShingleFrequencies.Count(plans.Select((_, p) => normalized.Where((_, i) => planOf[i] == p).SelectMany(t => Shingles.Hashes(t, 5))).ToList(), options);
        var texts = new ReuseTexts(normalized, planOf, frequencies, local, 5);
        // Longest first, then short and empty ones: each is prepared into arrays larger than it needs, with old hashes left in them.
        var items = Enumerable.Range(0, normalized.Length).OrderByDescending(i => normalized[i].Length).ThenBy(i => i).ToArray();
        var previous = texts.Prepare(items[0]);
        var reference = texts.Prepare(items[1]);
        foreach (var item in items.Skip(1))
        {
            var fresh = texts.Prepare(item);
            var recycled = texts.Prepare(item, previous);
            Assert.Equal((fresh.Count, fresh.SetSize, fresh.ShingleCount, fresh.InformativeLength), (recycled.Count, recycled.SetSize, recycled.ShingleCount, recycled.InformativeLength));
            Assert.Equal(fresh.SharedWith(reference), recycled.SharedWith(reference));
            Assert.Equal(reference.SharedWith(fresh), reference.SharedWith(recycled));
            Assert.Equal(fresh.CoveredBy(reference, 5), recycled.CoveredBy(reference, 5));
            Assert.Equal(reference.CoveredBy(fresh, 5), reference.CoveredBy(recycled, 5));
            previous = recycled;
        }
    }

    /// <summary>
    /// Every link and every "see also" match of a synthetic corpus, as the detector gave them before its data were
    /// made compact (commit 76eb3e8: lists of tuples per item, a dictionary per plan, fresh arrays per prepared item).
    /// </summary>
    [Fact]
    public void A_synthetic_corpus_gets_the_same_links_and_matches_as_before()
    {
        var corpus = new SyntheticCorpus(plans: 120, itemsPerPlan: 30);
        var result = new ReuseDetector(new ReuseOptions()).Detect(corpus.Plans);
        Assert.Equal(Before, Fingerprint(result));
    }

    private const string Before = "788 links, 1095 items with matches, sha256 d78380cef089eab39ec9bc99db558f7ea4931188b8cbe2cda7e9d468dd81d10b";

    internal static string Fingerprint(ReuseResult result)
    {
        var text = new StringBuilder();
        var s = result.Statistics;
        text.Append($"{s.Items} {s.IndexedPassages} {s.Proposals} {s.CandidatePairs} {s.VerifiedPairs} {s.Links}\n");
        foreach (var link in result.Links) text.Append($"{link.A.PlanId}/{link.A.ItemId} {link.B.PlanId}/{link.B.ItemId} {link.Score:R} {link.SharedChars}\n");
        foreach (var (key, matches) in result.SeeAlso.OrderBy(p => p.Key))
        {
            text.Append($"{key.PlanId}/{key.ItemId}:");
            foreach (var m in matches) text.Append($" {m.Other.PlanId}/{m.Other.ItemId} {m.Score:R} {m.Reused}");
            text.Append('\n');
        }
        return $"{s.Links} links, {result.SeeAlso.Count} items with matches, sha256 {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))}";
    }
}
