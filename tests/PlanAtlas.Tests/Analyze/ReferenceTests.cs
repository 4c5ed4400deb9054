using PlanAtlas.Read;
using PlanAtlas.Analyze.Clustering;
using PlanAtlas.Analyze.Themes;
using PlanAtlas.Model;
using Xunit.Abstractions;

namespace PlanAtlas.Tests.Analyze;

/// <summary>
/// The tagger and the clusterer against the hand-labelled reference (tests/fixtures/themes/reference.tsv), on the
/// reference's own texts so that the check does not depend on how the parser splits items.
/// </summary>
public sealed class ReferenceTests(ITestOutputHelper output)
{
    private static readonly ThemeTaxonomy Taxonomy = ThemeTaxonomyLoader.Load(RepoPaths.SampleInput, []);

    [Theory]
    [InlineData("crackdown")]
    [InlineData("gas")]
    [InlineData("selfbuilt")]
    public void Tagging_agrees_with_the_reference(string theme)
    {
        var tagger = new ThemeTagger(Taxonomy);
        int tp = 0, fp = 0, fn = 0;
        foreach (var item in ReferenceSet.Items)
        {
            var tagged = tagger.Tag(item.Text).Any(t => t.ThemeId == theme);
            if (tagged && item.Has(theme)) tp++;
            else if (tagged) { fp++; output.WriteLine($"false positive: {item.File} {item.Snippet}"); }
            else if (item.Has(theme)) { fn++; output.WriteLine($"missed: {item.File} {item.Snippet}"); }
        }
        var precision = tp / (double)(tp + fp);
        var recall = tp / (double)(tp + fn);
        var f1 = 2 * precision * recall / (precision + recall);
        output.WriteLine($"{theme}: n={ReferenceSet.Items.Count} positives={tp + fn} precision={precision:F3} recall={recall:F3} F1={f1:F3}");
        Assert.True(tp + fn >= 5, "the reference needs positives to measure anything");
        Assert.True(f1 >= 0.95, $"{theme}: F1 {f1:F3} (precision {precision:F3}, recall {recall:F3})");
    }

    /// <summary>KMeans results depend on the seed, so each side is the mean over several seeds (baseline: 10 runs).</summary>
    private static readonly int[] Seeds = [1000, 2000, 3000];

    [Fact]
    public void Clusters_agree_with_the_reference_at_least_as_well_as_the_jieba_tfidf_kmeans_baseline()
    {
        var primary = ReferenceSet.Items.Select(i => i.Primary).ToList();
        var baseline = ReferenceSet.Baseline();
        var k = primary.Distinct().Count();
        Assert.All(baseline, b => Assert.Equal(k, b.K));
        var (ari, nmi) = Agreement(primary, k, Tokenization.LexiconAndBigrams, dropBoilerplate: true);
        var baseAri = baseline.Select(b => ClusterAgreement.AdjustedRandIndex(primary, b.Labels)).ToList();
        var baseNmi = baseline.Select(b => ClusterAgreement.NormalizedMutualInformation(primary, b.Labels)).ToList();
        output.WriteLine($"k={k}; PlanAtlas ARI={ari:F3} NMI={nmi:F3}; baseline ARI mean={baseAri.Average():F3} max={baseAri.Max():F3}, NMI mean={baseNmi.Average():F3} max={baseNmi.Max():F3}");
        Assert.True(ari >= baseAri.Average(), $"ARI {ari:F3} < baseline mean {baseAri.Average():F3}");
        Assert.True(nmi >= baseNmi.Average(), $"NMI {nmi:F3} < baseline mean {baseNmi.Average():F3}");
    }

    /// <summary>The tokenization was chosen by this measurement: it must stay at least as good as the alternatives.</summary>
    [Fact]
    public void The_chosen_tokenization_agrees_with_the_reference_at_least_as_well_as_the_alternatives()
    {
        var primary = ReferenceSet.Items.Select(i => i.Primary).ToList();
        var k = primary.Distinct().Count();
        var scores = new[] { Tokenization.LexiconAndBigrams, Tokenization.LexiconThenBigrams, Tokenization.CharBigrams }
            .Select(mode => (Mode: mode, Score: Agreement(primary, k, mode, dropBoilerplate: true))).ToList();
        foreach (var s in scores) output.WriteLine($"{s.Mode}: ARI={s.Score.Ari:F3} NMI={s.Score.Nmi:F3}");
        Assert.All(scores.Skip(1), s => Assert.True(scores[0].Score.Ari + scores[0].Score.Nmi >= s.Score.Ari + s.Score.Nmi, $"{s.Mode} beats the chosen tokenization"));
    }

    private static (double Ari, double Nmi) Agreement(List<string> primary, int k, Tokenization mode, bool dropBoilerplate)
    {
        var runs = Seeds.Select(seed => ClusterReference(k, mode, dropBoilerplate, seed)).ToList();
        return (runs.Average(r => ClusterAgreement.AdjustedRandIndex(primary, r)), runs.Average(r => ClusterAgreement.NormalizedMutualInformation(primary, r)));
    }

    private static int[] ClusterReference(int k, Tokenization mode, bool dropBoilerplate, int seed)
    {
        var tokenizer = new ChineseTokenizer(Taxonomy.Themes.SelectMany(t => t.Signals), mode, dropBoilerplate);
        var inputs = ReferenceSet.Items.Select((item, i) => new ClusterInput(new ItemKey("ref", i.ToString("D4")), item.Text)).ToList();
        var clustering = new ItemClusterer(tokenizer, new ClusterOptions { Clusters = k, Seed = seed }).Cluster(inputs);
        return inputs.Select(i => clustering.Assignment[i.Key]).ToArray();
    }
}
