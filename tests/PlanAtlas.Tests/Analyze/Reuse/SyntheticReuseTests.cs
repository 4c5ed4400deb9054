using System.Diagnostics;
using PlanAtlas.Analyze.Reuse;
using Xunit.Abstractions;

namespace PlanAtlas.Tests.Analyze.Reuse;

/// <summary>Runs only when PLANATLAS_MEASURE=1: the sweeps behind THRESHOLDS.md take minutes.</summary>
public sealed class MeasurementFactAttribute : FactAttribute
{
    public MeasurementFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("PLANATLAS_MEASURE") != "1") Skip = "measurement: set PLANATLAS_MEASURE=1";
    }
}

public sealed class SyntheticReuseTests(ITestOutputHelper output)
{
    [Fact]
    public void On_a_synthetic_corpus_links_are_precise_complete_and_come_from_few_candidates()
    {
        var corpus = new SyntheticCorpus(plans: 120, itemsPerPlan: 30);
        var result = new ReuseDetector(new ReuseOptions()).Detect(corpus.Plans);
        var (precision, recall, _) = corpus.Score(result.Links);
        var allPairs = (long)corpus.Items * (corpus.Items - 1) / 2;
        output.WriteLine($"{result.Statistics}; precision {precision:F3}, recall {recall:F3}, all pairs {allPairs}");
        var texts = corpus.Plans.SelectMany(p => p.Items.Select(i => (Key: new PlanAtlas.Model.ItemKey(p.Id, i.Id), i.Text))).ToDictionary(x => x.Key, x => x.Text);
        foreach (var wrong in result.Links.Where(l => corpus.Families[l.A] != corpus.Families[l.B]).Take(8))
            output.WriteLine($"false link {wrong.Score} {wrong.SharedChars}\n  {texts[wrong.A]}\n  {texts[wrong.B]}");
        Assert.True(precision >= 0.95, $"precision {precision:F3}");
        Assert.True(recall >= 0.9, $"recall {recall:F3}");
        Assert.True(result.Statistics.CandidatePairs < allPairs / 100, $"{result.Statistics.CandidatePairs} candidates of {allPairs} pairs");
    }

    [MeasurementFact]
    public void Sweep_shingle_size_bands_and_boilerplate_threshold()
    {
        var corpus = new SyntheticCorpus(plans: 400, itemsPerPlan: 40);
        output.WriteLine($"corpus: {corpus.Plans.Count} plans, {corpus.Items} items, {corpus.TruePairs} true pairs, {(long)corpus.Items * (corpus.Items - 1) / 2} all pairs");
        output.WriteLine("n\tbands\trows\tshare\tpairing\tproposals\tcandidates\tlinks\tprecision\trecall\tpair_recall\tboilerplate_shingles\tseconds");
        var variants = new List<ReuseOptions>();
        foreach (var n in new[] { 4, 5, 6 })
            foreach (var (b, r) in new[] { (16, 2), (10, 3), (8, 4), (32, 2) })
                variants.Add(new ReuseOptions { ShingleSize = n, Bands = b, RowsPerBand = r });
        foreach (var share in new[] { 0.02, 0.05, 0.1, 0.2, 0.5, 1.0 })
            variants.Add(new ReuseOptions { BoilerplateShare = share });
        foreach (var pairing in new LshPairing[] { new(1, 1, 2), new(1, 2, 2), new(1, 2, 3), new(1, 3, 4), new(2, 4, 6) })
            variants.Add(new ReuseOptions { Pairing = pairing });
        foreach (var options in variants)
        {
            var clock = Stopwatch.StartNew();
            var result = new ReuseDetector(options).Detect(corpus.Plans);
            var (precision, recall, _) = corpus.Score(result.Links);
            var pairing = $"{options.Pairing.Earliest}/{options.Pairing.Previous}/{options.Pairing.PerPassage}";
            output.WriteLine($"{options.ShingleSize}\t{options.Bands}\t{options.RowsPerBand}\t{options.BoilerplateShare}\t{pairing}\t{result.Statistics.Proposals}\t{result.Statistics.CandidatePairs}\t{result.Links.Count}\t{precision:F3}\t{recall:F3}\t{corpus.PairRecall(result.Links):F3}\t{result.Statistics.BoilerplateShingles}\t{clock.Elapsed.TotalSeconds:F1}");
            Assert.True(result.Statistics.Items == corpus.Items);
        }
    }

    [MeasurementFact]
    public void Sample_document_frequencies()
    {
        var plans = SamplePlans.All;
        var shingles = plans.Select(p => p.Items.SelectMany(i => Shingles.Hashes(TextNormalizer.Normalize(i.Text), 5))).ToList();
        var frequencies = ShingleFrequencies.Count(shingles, new ReuseOptions());
        output.WriteLine("plans\tdistinct 5-shingles: " + string.Join(", ", frequencies.Histogram().Select((c, n) => $"{n}:{c}")));
        var examples = plans.SelectMany(p => p.Items).Select(i => TextNormalizer.Normalize(i.Text))
            .SelectMany(t => Enumerable.Range(0, Math.Max(0, t.Length - 4)).Select(k => t.Substring(k, 5)))
            .Distinct().Where(s => frequencies.PlansWith(Shingles.Hash(s)) >= 4).Order(StringComparer.Ordinal).ToList();
        output.WriteLine($"in 4 or 5 of 5 plans ({examples.Count}): " + string.Join(" ", examples));
        var result = new ReuseDetector(new ReuseOptions()).Detect(plans);
        output.WriteLine(result.Statistics.ToString());
        var withoutLocal = new ReuseDetector(new ReuseOptions { LocalBoilerplateItems = int.MaxValue }).Detect(plans);
        var kept = result.Links.Select(l => (l.A, l.B)).ToHashSet();
        var added = withoutLocal.Links.Where(l => !kept.Contains((l.A, l.B))).ToList();
        output.WriteLine($"without the per-plan rule: {withoutLocal.Links.Count} links, {added.Count} more: " + string.Join(" ", added.Select(l => $"{l.A}~{l.B.ItemId}")));
        var texts = plans.SelectMany(p => p.Items.Select(i => (Key: new PlanAtlas.Model.ItemKey(p.Id, i.Id), i.Text))).ToDictionary(x => x.Key, x => x.Text);
        static string Cut(string s) => s.Length > 36 ? s[..36] : s;
        foreach (var l in result.Links)
            output.WriteLine($"{l.Score:F2}\t{l.A}\t{l.B}\t{Cut(texts[l.A])}\t{Cut(texts[l.B])}");
        Assert.NotEmpty(examples);
    }

    [MeasurementFact]
    public void Scale_of_the_whole_compare_analysis()
    {
        var corpus = new SyntheticCorpus(plans: 2000, itemsPerPlan: 50);
        var clock = Stopwatch.StartNew();
        var reuse = new ReuseDetector(new ReuseOptions()).Detect(corpus.Plans);
        var reuseTime = clock.Elapsed;
        clock.Restart();
        var similar = new SimilarItems().Find(corpus.Plans);
        var similarTime = clock.Elapsed;
        clock.Restart();
        var peers = new PlanAtlas.Analyze.Peers.PeerFinder(new PlanAtlas.Analyze.Peers.PeerOptions()).Find(corpus.Plans);
        var peerTime = clock.Elapsed;
        var (precision, recall, _) = corpus.Score(reuse.Links);
        output.WriteLine($"{corpus.Items} items: reuse {reuseTime.TotalSeconds:F1} s ({reuse.Statistics}; precision {precision:F3}, recall {recall:F3}), "
            + $"similar items {similarTime.TotalSeconds:F1} s ({similar.Count} items with neighbours), peers {peerTime.TotalSeconds:F1} s ({peers.Count} plans)");
        Assert.Equal(corpus.Plans.Count, peers.Count);
    }
}
