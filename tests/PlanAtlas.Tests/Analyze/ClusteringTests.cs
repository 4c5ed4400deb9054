using PlanAtlas.Analyze.Clustering;
using PlanAtlas.Model;

namespace PlanAtlas.Tests.Analyze;

public sealed class ClusteringTests
{
    private static readonly ChineseTokenizer Tokenizer = new(["燃气", "自建房"]);

    [Fact]
    public void The_same_input_gives_the_same_clusters_in_any_order()
    {
        var inputs = ReferenceSet.ClusterInputs();
        var first = new ItemClusterer(Tokenizer, new ClusterOptions { MaxClusters = 10 }).Cluster(inputs);
        var again = new ItemClusterer(Tokenizer, new ClusterOptions { MaxClusters = 10 }).Cluster(inputs);
        var shuffled = inputs.ToArray();
        new Random(7).Shuffle(shuffled);
        var reordered = new ItemClusterer(Tokenizer, new ClusterOptions { MaxClusters = 10 }).Cluster(shuffled);

        Assert.True(first.Clusters.Count >= 4);
        foreach (var other in new[] { again, reordered })
        {
            Assert.Equal(first.Assignment.OrderBy(p => p.Key), other.Assignment.OrderBy(p => p.Key));
            Assert.Equal(first.Clusters.Select(c => c.Label), other.Clusters.Select(c => c.Label));
            Assert.Equal(first.Silhouette, other.Silhouette);
            Assert.Equal(first.Coordinates.OrderBy(p => p.Key), other.Coordinates.OrderBy(p => p.Key));
        }
    }

    [Fact]
    public void The_number_of_clusters_is_chosen_by_silhouette_unless_fixed()
    {
        var chosen = new ItemClusterer(Tokenizer, new ClusterOptions { MinClusters = 3, MaxClusters = 8 }).Cluster(ReferenceSet.ClusterInputs());
        Assert.Equal(Enumerable.Range(3, 6), chosen.Silhouette.Select(s => s.Key));
        Assert.Equal(chosen.Silhouette.MaxBy(s => s.Value).Key, chosen.Clusters.Count);
        Assert.False(chosen.FixedBySettings);

        var fixedK = new ItemClusterer(Tokenizer, new ClusterOptions { Clusters = 5 }).Cluster(ReferenceSet.ClusterInputs());
        Assert.Equal(5, fixedK.Clusters.Count);
        Assert.Empty(fixedK.Silhouette);
        Assert.True(fixedK.FixedBySettings);
    }

    [Fact]
    public void Clusters_are_numbered_by_size_and_labelled_by_their_distinctive_terms()
    {
        var clustering = new ItemClusterer(Tokenizer, new ClusterOptions { Clusters = 25 }).Cluster(ReferenceSet.ClusterInputs(), _ => ["x"]);
        Assert.Equal(Enumerable.Range(1, clustering.Clusters.Count), clustering.Clusters.Select(c => c.Number));
        Assert.True(clustering.Clusters.Zip(clustering.Clusters.Skip(1)).All(p => p.First.Size >= p.Second.Size));
        Assert.Equal(ReferenceSet.Items.Count, clustering.Clusters.Sum(c => c.Size));
        Assert.All(clustering.Clusters, c =>
        {
            Assert.NotEmpty(c.TopTerms);
            Assert.All(c.Label.Split(" · "), term => Assert.Contains(term, c.TopTerms));
            Assert.All(c.Representative, r => Assert.Contains(r, c.Members));
            Assert.Equal(1.0, Assert.Single(c.ThemeOverlap).Value);
        });
        // The gas items share their vocabulary: most of them land in one cluster whose label names gas.
        var gasKeys = ReferenceSet.ClusterInputs().Where((_, i) => ReferenceSet.Items[i].Primary == "gas").Select(i => i.Key).ToList();
        var gasCluster = gasKeys.GroupBy(k => clustering.Assignment[k]).MaxBy(g => g.Count())!;
        Assert.True(gasCluster.Count() * 2 > gasKeys.Count);
        Assert.Contains("燃气", clustering.Clusters[gasCluster.Key - 1].TopTerms);
    }

    [Fact]
    public void The_tokenizer_keeps_lexicon_words_whole_and_drops_boilerplate()
    {
        var tokens = new ChineseTokenizer(["燃气", "经营性自建房"], Tokenization.LexiconThenBigrams).Tokenize("进一步加强城镇燃气和经营性自建房安全整治");
        Assert.Equal(["城镇燃气", "经营性自建房", "安全", "全整", "整治"], tokens);
        var both = new ChineseTokenizer(["经营性自建房"], Tokenization.LexiconAndBigrams).Tokenize("进一步加强经营性自建房整治");
        Assert.Equal(["经营性自建房", "进一", "一步", "步加", "强经", "经营", "营性", "性自", "自建", "建房", "房整", "整治"], both);
    }

    [Theory]
    [InlineData(new[] { 1, 1, 2, 2 }, new[] { 5, 5, 7, 7 }, 1.0)]
    [InlineData(new[] { 1, 1, 1, 2, 2, 2 }, new[] { 1, 1, 2, 2, 3, 3 }, 0.2424242424)]
    public void Agreement_metrics_match_known_values(int[] a, int[] b, double ari)
    {
        Assert.Equal(ari, ClusterAgreement.AdjustedRandIndex(a, b), 6);
        Assert.InRange(ClusterAgreement.NormalizedMutualInformation(a, b), 0, 1.0000001);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_tiny_corpus_is_clustered_or_left_unclustered_never_a_crash(int count)
    {
        string[] texts = ["加强燃气安全管理，开展瓶装液化气专项整治", "开展自建房安全专项整治，排查经营性自建房", "深化打非治违，打击非法违法生产经营行为"];
        var inputs = Enumerable.Range(0, count).Select(i => new ClusterInput(new ItemKey("p", $"i{i}"), texts[i])).ToList();
        var clustering = new ItemClusterer(Tokenizer).Cluster(inputs);
        Assert.Equal(clustering.Clusters.Count == 0 ? 0 : count, clustering.Clusters.Sum(c => c.Size));
        if (count < 3) Assert.Empty(clustering.Clusters);

        // The same text over and over has no vocabulary to cluster by.
        var uniform = Enumerable.Range(0, count).Select(i => new ClusterInput(new ItemKey("p", $"i{i}"), texts[0])).ToList();
        Assert.Empty(new ItemClusterer(Tokenizer).Cluster(uniform).Clusters);
    }
}
