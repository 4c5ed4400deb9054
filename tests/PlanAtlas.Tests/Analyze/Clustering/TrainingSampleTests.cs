using PlanAtlas.Analyze;
using PlanAtlas.Analyze.Clustering;
using PlanAtlas.Model;

namespace PlanAtlas.Tests.Analyze.Clustering;

/// <summary>The training sample is, by definition, the items whose keys hash lowest (ties by key), in key order.</summary>
public sealed class TrainingSampleTests
{
    [Fact]
    public void The_sample_is_the_items_whose_keys_hash_lowest_in_key_order()
    {
        var clusterer = new ItemClusterer(ReferenceSet.SampleTokenizer, new ClusterOptions { TrainingItems = 97 });
        var items = Enumerable.Range(0, 1000).Select(i => new ClusterInput(new ItemKey($"p{i % 37:D3}", $"i{i}"), $"第{i}项")).OrderBy(i => i.Key).ToList();
        static ulong KeyHash(ItemKey key) => Hash64.Combine(Hash64.Of(key.PlanId), Hash64.Of(key.ItemId));
        var defined = items.OrderBy(i => KeyHash(i.Key)).ThenBy(i => i.Key).Take(97).OrderBy(i => i.Key).ToList();
        Assert.Equal(defined, clusterer.TrainingSample(items));
    }
}
