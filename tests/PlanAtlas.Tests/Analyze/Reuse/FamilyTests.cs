using PlanAtlas.Analyze;
using PlanAtlas.Analyze.Reuse;
using PlanAtlas.Model;

namespace PlanAtlas.Tests.Analyze.Reuse;

/// <summary>
/// A passage copied into many plans (national wording every region repeats): the detector must neither pair every
/// copy with every other (n² pairs) nor skip the oversized buckets the family fills.
/// </summary>
public sealed class FamilyTests
{
    private const string Shared = "督促企业建立完善安全风险防控体系，落实全过程安全管理、全员安全生产责任制和安全风险分级管控制度，聘请专业技术服务机构开展会诊评估";

    /// <summary>
    /// 3n plans, each with texts of its own; every third one (n plans) also has a copy of the passage, one character
    /// changed, a different one in each. (A passage in more than half of all plans would be boilerplate.)
    /// </summary>
    private static List<Plan> Corpus(int n)
    {
        var random = new Random(n);
        string Fresh() => new(Enumerable.Range(0, 40).Select(_ => (char)('\u4E00' + random.Next(20000))).ToArray());
        return Enumerable.Range(0, 3 * n).Select(p =>
        {
            var copy = Shared.ToCharArray();
            copy[p * 7 % copy.Length] = (char)('\u4E00' + random.Next(20000));
            return p % 3 == 0
                ? TestPlans.Texts($"p{p:D4}", 2010 + p % 15, null, new string(copy), Fresh() + "。" + Fresh())
                : TestPlans.Texts($"p{p:D4}", 2010 + p % 15, null, Fresh() + "。" + Fresh());
        }).ToList();
    }

    [Theory]
    [InlineData(30)]
    [InlineData(400)]
    public void A_passage_copied_into_n_plans_costs_a_linear_number_of_pairs_and_links(int n)
    {
        var plans = Corpus(n);
        var result = new ReuseDetector(new ReuseOptions()).Detect(plans);
        var statistics = result.Statistics;
        var pairing = new ReuseOptions().Pairing;

        // Nothing is skipped: the family fills buckets of about n passages, and they are paired all the same …
        Assert.True(statistics.LargestBucket >= n / 2, $"largest bucket {statistics.LargestBucket}");
        // … with a bounded number of earlier items per copy, not all of them (n(n−1)/2 pairs, 79,800 at n = 400).
        Assert.InRange(statistics.CandidatePairs, n - 1, pairing.PerPassage * (n - 1));
        Assert.True(statistics.Proposals <= (long)new ReuseOptions().Bands * (pairing.Earliest + pairing.Previous) * statistics.IndexedPassages);
        Assert.InRange(result.Links.Count, n - 1, pairing.PerPassage * (n - 1));
        Assert.All(result.Links, l => Assert.Equal("i1", l.A.ItemId));

        // Still one family, whole, that starts where the passage first appears; nearly every copy links to that first one.
        var families = PassageSpread.Families(plans, result.Links);
        var family = Assert.Single(families);
        Assert.Equal(n, family.PlanIds.Count);
        var first = new ItemKey("p0000", "i1");
        Assert.Equal(first, family.Mentions[0].Item);
        Assert.True(result.Links.Count(l => l.A == first) >= 0.9 * (n - 1), $"{result.Links.Count(l => l.A == first)} of {n - 1} copies link to the first");
    }

    [Fact]
    public void The_pairs_and_links_of_a_family_do_not_depend_on_the_order_of_the_plans_or_the_threads()
    {
        var plans = Corpus(60);
        var first = new ReuseDetector(new ReuseOptions()).Detect(plans);
        var reversed = new ReuseDetector(new ReuseOptions()).Detect(plans.AsEnumerable().Reverse().ToList());
        Assert.Equal(first.Links, reversed.Links);
        Assert.Equal(first.Statistics, reversed.Statistics);
        Assert.Equal(first.SeeAlso.Select(s => (s.Key, string.Join(",", s.Value))), reversed.SeeAlso.Select(s => (s.Key, string.Join(",", s.Value))));
    }

    [Fact]
    public void Families_come_by_plans_then_first_year_then_first_mention_with_or_without_the_detector_s_numbers()
    {
        var plans = new SyntheticCorpus(plans: 80, itemsPerPlan: 12).Plans;
        var result = new ReuseDetector(new ReuseOptions()).Detect(plans, new PlanAtlas.Analyze.AnalysisMemo());
        var families = result.Passages!;
        Assert.True(families.Count > 5, $"{families.Count} families");
        var defined = families.OrderByDescending(c => c.PlanIds.Count).ThenBy(c => c.FirstYear ?? int.MaxValue)
            .ThenBy(c => c.Mentions[0].Item.PlanId, StringComparer.Ordinal).ThenBy(c => c.Mentions[0].Item.ItemId, StringComparer.Ordinal);
        Assert.Equal(defined.Select(c => c.Mentions[0].Item), families.Select(c => c.Mentions[0].Item));
        Assert.All(families, c => Assert.True(c.PlanIds.Count >= 2));
        // The same families from the links alone.
        var fromLinks = PassageSpread.Families(plans, result.Links);
        Assert.Equal(families.Select(c => string.Join(",", c.Mentions.Select(m => m.Item))), fromLinks.Select(c => string.Join(",", c.Mentions.Select(m => m.Item))));
    }
}

public sealed class SampledFrequencyTests
{
    /// <summary>Plan p has shingle 1 if p &lt; 40, shingle 2 if p &lt; 20, and one of its own.</summary>
    private static IReadOnlyList<IEnumerable<ulong>> Plans() =>
        Enumerable.Range(0, 60).Select(p => (IEnumerable<ulong>)new ulong[] { 1000UL + (ulong)p }
            .Concat(p < 40 ? [1UL] : []).Concat(p < 20 ? [2UL] : [])).ToList();

    [Fact]
    public void A_corpus_bigger_than_the_sample_finds_the_same_boilerplate_with_exact_counts()
    {
        var plans = Plans();
        ShingleFrequencies Count(int sample) =>
            ShingleFrequencies.Count(plans.Count, p => plans[p], p => Hash64.Of(p.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new ReuseOptions { FrequencySamplePlans = sample });
        var exact = Count(1000);
        var sampled = Count(20);
        Assert.True(exact.Exact);
        Assert.False(sampled.Exact);
        Assert.Equal(20, sampled.SampledPlans);
        Assert.Equal(30, sampled.BoilerplateThreshold);
        foreach (var frequencies in new[] { exact, sampled })
        {
            Assert.True(frequencies.IsBoilerplate(1));
            Assert.False(frequencies.IsBoilerplate(2));
            Assert.False(frequencies.IsBoilerplate(1005));
            Assert.Equal(40, frequencies.PlansWith(1));
        }
        Assert.Equal(exact.Boilerplate.Order(), sampled.Boilerplate.Order());
    }
}
