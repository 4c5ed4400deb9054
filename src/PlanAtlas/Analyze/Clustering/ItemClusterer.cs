using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;
using PlanAtlas.Model;

namespace PlanAtlas.Analyze.Clustering;

/// <summary>An item to cluster: its key and its text.</summary>
public sealed record ClusterInput(ItemKey Key, string Text);

/// <summary>Tuning of <see cref="ItemClusterer"/>; the defaults are what the site uses.</summary>
public sealed record ClusterOptions
{
    /// <summary>Fixed number of clusters (site.yml `clusters:`); null chooses by silhouette over the range.</summary>
    public int? Clusters { get; init; }
    public int MinClusters { get; init; } = 4;
    public int MaxClusters { get; init; } = 24;
    /// <summary>Terms in fewer items than this carry no shared theme and are dropped.</summary>
    public int MinDocumentFrequency { get; init; } = 2;
    /// <summary>Terms in more than this share of items are boilerplate whatever the stop list says.</summary>
    public double MaxDocumentShare { get; init; } = 0.5;
    public int Seed { get; init; } = 20260101;
    public int TopTerms { get; init; } = 8;
    public int RepresentativeItems { get; init; } = 5;
    /// <summary>KMeans runs per k, each from its own seeded k-means++ start; the one with the least inertia is kept.</summary>
    public int Restarts { get; init; } = 10;
}

/// <summary>
/// Clusters items by their text: tokens → TF-IDF (ML.NET ProduceNgrams) → L2 norm → KMeans (ML.NET), k chosen
/// by mean silhouette; then class-based TF-IDF labels (as BERTopic), representative items and a 2-D PCA map.
/// Deterministic: input sorted by key, k-means++ initialisation seeded through MLContext, one thread
/// (ML.NET's default KMeans|| initialisation ignores the seed and its result depends on the thread count).
/// Linear in the number of items for a fixed range of k (the silhouette runs on a bounded sample).
/// </summary>
public sealed class ItemClusterer(ChineseTokenizer tokenizer, ClusterOptions? options = null)
{
    private readonly ClusterOptions _options = options ?? new ClusterOptions();

    private sealed class Doc
    {
        public string[] Tokens { get; set; } = [];
    }

    public ItemClustering Cluster(IEnumerable<ClusterInput> inputs, Func<ItemKey, IReadOnlyList<string>>? themesOf = null)
    {
        var items = inputs.OrderBy(i => i.Key).ToList();
        if (items.Count < 2) return ItemClustering.Empty;
        var tokens = Vocabulary(items.Select(i => tokenizer.Tokenize(i.Text)).ToList());

        // Nothing distinguishes the items (a tiny or uniform corpus): no vocabulary, so no clustering.
        if (tokens.SelectMany(t => t).Distinct(StringComparer.Ordinal).Take(2).Count() < 2) return ItemClustering.Empty;

        var ml = new MLContext(seed: _options.Seed);
        var data = ml.Data.LoadFromEnumerable(tokens.Select(t => new Doc { Tokens = t.ToArray() }));
        var featurizer = ml.Transforms.Conversion.MapValueToKey("TokenKeys", nameof(Doc.Tokens))
            .Append(ml.Transforms.Text.ProduceNgrams("Features", "TokenKeys", ngramLength: 1, useAllLengths: false,
                weighting: NgramExtractingEstimator.WeightingCriteria.TfIdf))
            .Append(ml.Transforms.NormalizeLpNorm("Features"));
        var features = featurizer.Fit(data).Transform(data);
        var vectors = ReadVectors(features, "Features");
        var dimension = ((VectorDataViewType)features.Schema["Features"].Type).Size;

        var silhouette = new List<KeyValuePair<int, double>>();
        int[] labels;
        int k;
        if (_options.Clusters is { } fixedK)
        {
            k = Math.Clamp(fixedK, 1, items.Count);
            labels = BestKMeans(features, vectors, k);
        }
        else
        {
            var max = Math.Min(_options.MaxClusters, items.Count - 1);
            // Too few items to compare two or more clusters (a tiny site): no clustering rather than a fake one.
            if (max < 2) return ItemClustering.Empty;
            var min = Math.Min(_options.MinClusters, max);
            (k, labels) = (0, []);
            var best = double.MinValue;
            // One run per candidate k to choose k (the cost stays one fit per k); the chosen k then gets every restart.
            for (var candidate = Math.Max(2, min); candidate <= max; candidate++)
            {
                var assignment = KMeans(new MLContext(seed: _options.Seed), features, candidate);
                var score = Silhouette.Mean(vectors, assignment, candidate);
                silhouette.Add(new(candidate, Math.Round(score, 6)));
                if (score > best + 1e-9) (best, k) = (score, candidate);
            }
            labels = BestKMeans(features, vectors, k);
        }

        var coordinates = Map(ml, features, items, dimension);
        var clusters = Describe(items, tokens, vectors, labels, k, dimension, themesOf);
        var renumber = clusters.Select((c, i) => (c.Old, New: i + 1)).ToDictionary(x => x.Old, x => x.New);
        var assignmentByKey = items.Select((item, i) => (item.Key, Cluster: renumber[labels[i]])).ToDictionary(x => x.Key, x => x.Cluster);
        return new ItemClustering(clusters.Select((c, i) => c.Cluster with { Number = i + 1 }).ToList(), assignmentByKey,
            silhouette, _options.Clusters is not null, coordinates);
    }

    /// <summary>The best of <see cref="ClusterOptions.Restarts"/> seeded runs by inertia (sum of squared distances to the centres).</summary>
    private int[] BestKMeans(IDataView features, List<SparseVector> vectors, int k)
    {
        int[] best = [];
        var bestInertia = double.MaxValue;
        for (var r = 0; r < Math.Max(1, _options.Restarts); r++)
        {
            var labels = KMeans(new MLContext(seed: _options.Seed + r), features, k);
            var inertia = Inertia(vectors, labels, k);
            if (inertia < bestInertia - 1e-9) (best, bestInertia) = (labels, inertia);
        }
        return best;
    }

    private static double Inertia(List<SparseVector> vectors, int[] labels, int k)
    {
        // ||x - c||² summed = Σ||x||² − Σ_c ||Σx||² / n_c, computed sparsely.
        var sums = new Dictionary<int, double>[k];
        var counts = new int[k];
        double total = 0;
        for (var i = 0; i < vectors.Count; i++)
        {
            var s = sums[labels[i]] ??= [];
            counts[labels[i]]++;
            total += vectors[i].SquaredNorm;
            for (var j = 0; j < vectors[i].Indices.Length; j++)
                s[vectors[i].Indices[j]] = s.GetValueOrDefault(vectors[i].Indices[j]) + vectors[i].Values[j];
        }
        for (var c = 0; c < k; c++)
            if (counts[c] > 0) total -= sums[c].Values.Sum(v => v * v) / counts[c];
        return total;
    }

    /// <summary>Cluster labels 0..k-1 for every row, in row order.</summary>
    private static int[] KMeans(MLContext ml, IDataView features, int k)
    {
        var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = "Features",
            NumberOfClusters = k,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            NumberOfThreads = 1,
            MaximumNumberOfIterations = 300,
            OptimizationTolerance = 1e-7f,
        });
        var scored = trainer.Fit(features).Transform(features);
        var labels = new List<int>();
        var column = scored.Schema["PredictedLabel"];
        using var cursor = scored.GetRowCursor([column]);
        var getter = cursor.GetGetter<uint>(column);
        uint value = 0;
        while (cursor.MoveNext()) { getter(ref value); labels.Add((int)value - 1); }
        return labels.ToArray();
    }

    /// <summary>Keeps the terms that can tell items apart: in at least two items, and not in most of them.</summary>
    private List<List<string>> Vocabulary(List<List<string>> tokens)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var doc in tokens)
            foreach (var t in doc.Distinct(StringComparer.Ordinal)) df[t] = df.GetValueOrDefault(t) + 1;
        var maxDf = Math.Max(_options.MinDocumentFrequency, (int)(_options.MaxDocumentShare * tokens.Count));
        return tokens.Select(doc => doc.Where(t => df[t] >= _options.MinDocumentFrequency && df[t] <= maxDf).ToList()).ToList();
    }

    private static List<SparseVector> ReadVectors(IDataView view, string name)
    {
        var column = view.Schema[name];
        var vectors = new List<SparseVector>();
        using var cursor = view.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> buffer = default;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            var indices = new List<int>();
            var values = new List<float>();
            foreach (var (index, value) in buffer.Items())
                if (value != 0) { indices.Add(index); values.Add(value); }
            vectors.Add(new SparseVector(indices.ToArray(), values.ToArray()));
        }
        return vectors;
    }

    private Dictionary<ItemKey, (float X, float Y)> Map(MLContext ml, IDataView features, List<ClusterInput> items, int dimension)
    {
        var map = new Dictionary<ItemKey, (float, float)>();
        if (items.Count < 3 || dimension < 2) return map;
        var pca = ml.Transforms.ProjectToPrincipalComponents("Map", "Features", rank: 2, seed: _options.Seed);
        var projected = pca.Fit(features).Transform(features);
        var points = ReadVectors(projected, "Map");
        for (var i = 0; i < items.Count; i++)
        {
            var p = points[i];
            float x = 0, y = 0;
            for (var j = 0; j < p.Indices.Length; j++)
                if (p.Indices[j] == 0) x = p.Values[j]; else y = p.Values[j];
            map[items[i].Key] = (MathF.Round(x, 4), MathF.Round(y, 4));
        }
        return map;
    }

    private List<(int Old, ItemCluster Cluster)> Describe(List<ClusterInput> items, List<List<string>> tokens, List<SparseVector> vectors,
        int[] labels, int k, int dimension, Func<ItemKey, IReadOnlyList<string>>? themesOf)
    {
        var members = Enumerable.Range(0, k).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < labels.Length; i++) members[labels[i]].Add(i);
        var terms = ClassTfIdf.TopTerms(tokens, labels, k, _options.TopTerms);
        var described = new List<(int Old, ItemCluster Cluster)>();
        for (var c = 0; c < k; c++)
        {
            if (members[c].Count == 0) continue;
            var centroid = new float[dimension];
            foreach (var i in members[c])
                for (var j = 0; j < vectors[i].Indices.Length; j++) centroid[vectors[i].Indices[j]] += vectors[i].Values[j] / members[c].Count;
            // Nearest to the centre first (largest dot product with the centroid of unit vectors); ties by key.
            var representative = members[c].OrderByDescending(i => Math.Round(vectors[i].Dot(centroid), 9)).ThenBy(i => items[i].Key)
                .Take(_options.RepresentativeItems).Select(i => items[i].Key).ToList();
            var overlap = themesOf is null ? [] : members[c].SelectMany(i => themesOf(items[i].Key)).GroupBy(t => t)
                .Select(g => new KeyValuePair<string, double>(g.Key, Math.Round((double)g.Count() / members[c].Count, 4)))
                .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
            var top = terms[c];
            // The label reads best from whole words; bigrams (which may straddle two words) only fill in.
            var label = top.Count == 0 ? "—" : string.Join(" · ", top.Where(tokenizer.IsWord).Concat(top.Where(t => !tokenizer.IsWord(t))).Take(3));
            described.Add((c, new ItemCluster(0, label, top, members[c].Select(i => items[i].Key).ToList(), representative, overlap)));
        }
        return described.OrderByDescending(d => d.Cluster.Size).ThenBy(d => d.Cluster.Members[0]).ToList();
    }
}
