using PlanAtlas.Read;
using System.Text.Json;
using PlanAtlas.Analyze.Clustering;
using PlanAtlas.Analyze.Themes;
using PlanAtlas.Model;

namespace PlanAtlas.Tests.Analyze.Clustering;

/// <summary>The trained model as data: assignment without training, a bounded training sample, JSON, drift.</summary>
public sealed class ClusterModelTests
{
    [Theory]
    [InlineData(null)]
    [InlineData(100)]
    public void Assigning_the_training_items_reproduces_the_featurizer_and_the_kmeans_labels(int? trainingItems)
    {
        var options = new ClusterOptions { MaxClusters = 10, TrainingItems = trainingItems ?? new ClusterOptions().TrainingItems };
        var clusterer = new ItemClusterer(ReferenceSet.SampleTokenizer, options);
        var (model, sample, features, labels) = clusterer.TrainWithLabels(ReferenceSet.ClusterInputs())!.Value;

        for (var i = 0; i < sample.Count; i++)
        {
            var mine = clusterer.Features(model, sample[i].Text);
            Assert.Equal(features[i].Indices, mine.Indices);
            Assert.All(features[i].Values.Zip(mine.Values), v => Assert.Equal(v.First, v.Second, 1e-6f));
        }

        // Clusters are renumbered by size on assignment: the two labellings must be the same partition.
        var assigned = clusterer.Assign(model, sample).Assignment;
        var pairs = sample.Select((item, i) => (Trained: labels[i], Assigned: assigned[item.Key])).Distinct().ToList();
        Assert.Equal(pairs.Count, pairs.Select(p => p.Trained).Distinct().Count());
        Assert.Equal(pairs.Count, pairs.Select(p => p.Assigned).Distinct().Count());
    }

    [Fact]
    public void More_items_than_the_training_sample_train_on_a_fixed_sample_and_all_are_assigned()
    {
        var inputs = ReferenceSet.ClusterInputs();
        var clusterer = new ItemClusterer(ReferenceSet.SampleTokenizer, new ClusterOptions { MaxClusters = 8, TrainingItems = 100 });
        var model = clusterer.Train(inputs)!;
        Assert.Equal(100, model.Sample.Length);
        Assert.Equal(inputs.Count, model.CorpusItems);

        var clustering = clusterer.Cluster(inputs);
        Assert.Equal(inputs.Count, clustering.Assignment.Count);
        Assert.Equal(inputs.Count, clustering.Coordinates.Count);
        Assert.Equal(inputs.Count, clustering.Clusters.Sum(c => c.Size));

        // The sample is chosen by the item keys, not by the order they come in.
        var shuffled = inputs.ToArray();
        new Random(3).Shuffle(shuffled);
        Assert.Equal(JsonSerializer.Serialize(model), JsonSerializer.Serialize(clusterer.Train(shuffled)));
        Assert.Equal(clustering.Assignment.OrderBy(a => a.Key), clusterer.Cluster(shuffled).Assignment.OrderBy(a => a.Key));
    }

    [Fact]
    public void A_small_corpus_trains_on_every_item()
    {
        var inputs = ReferenceSet.ClusterInputs();
        var model = new ItemClusterer(ReferenceSet.SampleTokenizer, new ClusterOptions { MaxClusters = 8 }).Train(inputs)!;
        Assert.Equal(inputs.Count, model.Sample.Length);
    }

    [Fact]
    public void The_model_round_trips_through_json_and_assigns_the_same()
    {
        var inputs = ReferenceSet.ClusterInputs();
        var clusterer = new ItemClusterer(ReferenceSet.SampleTokenizer, new ClusterOptions { MaxClusters = 8 });
        var model = clusterer.Train(inputs)!;
        var json = JsonSerializer.Serialize(model);
        var read = JsonSerializer.Deserialize<ClusterModel>(json)!;
        Assert.Equal(json, JsonSerializer.Serialize(read));
        Assert.True(clusterer.CanReuse(read));

        var direct = clusterer.Assign(model, inputs, _ => ["x"]);
        var again = clusterer.Assign(read, inputs, _ => ["x"]);
        Assert.Equal(direct.Assignment.OrderBy(a => a.Key), again.Assignment.OrderBy(a => a.Key));
        Assert.Equal(direct.Coordinates.OrderBy(a => a.Key), again.Coordinates.OrderBy(a => a.Key));
        Assert.Equal(direct.Clusters.Select(c => (c.Label, c.Size, string.Join(",", c.Representative))),
            again.Clusters.Select(c => (c.Label, c.Size, string.Join(",", c.Representative))));
        Assert.Equal(direct.Silhouette, again.Silhouette);
        // Cluster() is training and assigning in one.
        Assert.Equal(clusterer.Cluster(inputs).Assignment.OrderBy(a => a.Key), direct.Assignment.OrderBy(a => a.Key));
    }

    [Fact]
    public void A_model_assigns_new_items_without_training()
    {
        var inputs = ReferenceSet.ClusterInputs();
        var clusterer = new ItemClusterer(ReferenceSet.SampleTokenizer, new ClusterOptions { MaxClusters = 8 });
        var model = clusterer.Train(inputs.Take(200))!;
        var clustering = clusterer.Assign(model, inputs);
        Assert.Equal(inputs.Count, clustering.Assignment.Count);
        Assert.Equal(model.Silhouette, clustering.Silhouette);
    }

    [Fact]
    public void Drift_measures_how_much_of_the_training_sample_changed()
    {
        var inputs = ReferenceSet.ClusterInputs();
        var clusterer = new ItemClusterer(ReferenceSet.SampleTokenizer, new ClusterOptions { MaxClusters = 8, TrainingItems = 100 });
        var model = clusterer.Train(inputs)!;
        Assert.Equal(0, clusterer.Drift(model, inputs));
        Assert.Equal(0, clusterer.Drift(model, inputs.AsEnumerable().Reverse()));

        // Editing every item changes every sampled one; editing a few changes a few.
        Assert.Equal(1, clusterer.Drift(model, inputs.Select(i => i with { Text = i.Text + "。" })));
        var fewEdited = inputs.Select((item, n) => n % 20 == 0 ? item with { Text = item.Text + "。" } : item).ToList();
        Assert.InRange(clusterer.Drift(model, fewEdited), 0.001, 0.2);
        Assert.InRange(clusterer.Drift(model, inputs.Take(250)), 0.001, 0.3);
    }

    [Fact]
    public void A_model_of_another_tokenizer_or_other_options_is_not_reused()
    {
        var inputs = ReferenceSet.ClusterInputs();
        var model = new ItemClusterer(ReferenceSet.SampleTokenizer, new ClusterOptions { MaxClusters = 8 }).Train(inputs)!;
        Assert.False(new ItemClusterer(ReferenceSet.SampleTokenizer, new ClusterOptions { MaxClusters = 9 }).CanReuse(model));
        var other = new ItemClusterer(new ChineseTokenizer(["燃气"]), new ClusterOptions { MaxClusters = 8 });
        Assert.False(other.CanReuse(model));
        Assert.Throws<ArgumentException>(() => other.Assign(model, inputs));
    }

    [Fact]
    public void The_theme_analysis_reuses_a_saved_model_while_the_corpus_is_unchanged()
    {
        var plans = ThemeAnalyzerTests.SamplePlans;
        var taxonomy = ThemeTaxonomyLoader.Load(RepoPaths.SampleInput).Taxonomy;
        var analyzer = new ThemeAnalyzer(taxonomy, new ClusterOptions { Clusters = 6 });
        var (first, model, trained) = analyzer.Analyze(plans, null);
        Assert.True(trained);
        var saved = JsonSerializer.Deserialize<ClusterModel>(JsonSerializer.Serialize(model))!;

        var (again, reused, retrained) = analyzer.Analyze(plans, saved);
        Assert.False(retrained);
        Assert.Same(saved, reused);
        Assert.Equal(first.Clustering.Assignment.OrderBy(a => a.Key), again.Clustering.Assignment.OrderBy(a => a.Key));
        Assert.Equal(first.Clustering.Clusters.Select(c => c.Label), again.Clustering.Clusters.Select(c => c.Label));

        // Another cluster count in site.yml: the saved model no longer fits and is trained again.
        var (_, _, changed) = new ThemeAnalyzer(taxonomy, new ClusterOptions { Clusters = 5 }).Analyze(plans, saved);
        Assert.True(changed);
    }
}
