using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using PlanAtlas.Model;
using Microsoft.ML.Transforms.Text;

namespace PlanAtlas.Analyze.Clustering;

/// <summary>
/// Trains a <see cref="ClusterModel"/> on a training sample: tokens → TF-IDF (ML.NET ProduceNgrams) → L2 norm →
/// KMeans (ML.NET), k chosen by mean silhouette, then the best of several seeded restarts by inertia, and a 2-D
/// PCA (ML.NET randomized PCA) for the map. Above <see cref="ClusterOptions.SearchItems"/> training items, k and
/// the restarts are found on an evenly spread sub-sample and the best restart is refined on every training item
/// (<see cref="LloydRefinement"/>): at 4,000 items the restarts cost more than all the rest of training, and
/// the refined centres fit the whole sample at least as well (1,000-plan corpus: inertia 3030 against 3067). Deterministic: k-means++ initialisation seeded through MLContext,
/// one thread per fit (ML.NET's default KMeans|| initialisation ignores the seed and its result depends on the
/// thread count); independent fits run side by side and are compared in a fixed order.
/// </summary>
internal sealed class ClusterTrainer(ChineseTokenizer tokenizer, ClusterOptions options)
{
    private sealed class Doc
    {
        public string[] Tokens { get; set; } = [];
    }

    private sealed class FeatureRow
    {
        public VBuffer<float> Features;
    }

    /// <summary>
    /// The model and, for checking, the training items' features and labels as ML.NET's featurizer and KMeans made
    /// them; null when nothing can be clustered.
    /// </summary>
    public (ClusterModel Model, IReadOnlyList<SparseVector> Features, int[] Labels)? Train(IReadOnlyList<ClusterInput> sample, int corpusItems, ulong[] fingerprints)
    {
        if (sample.Count < 2) return null;
        var (tokens, df) = Vocabulary(sample.Select(i => { var t = tokenizer.Tokenize(i.Text); t.AddRange(i.Terms); return t; }).ToList());

        // Nothing distinguishes the items (a tiny or uniform corpus): no vocabulary, so no clustering.
        if (df.Count < 2) return null;

        var ml = new MLContext(seed: options.Seed);
        var data = ml.Data.LoadFromEnumerable(tokens.Select(t => new Doc { Tokens = t.ToArray() }));
        var featurizer = ml.Transforms.Conversion.MapValueToKey("TokenKeys", nameof(Doc.Tokens))
            .Append(ml.Transforms.Text.ProduceNgrams("Weighted", "TokenKeys", ngramLength: 1, useAllLengths: false,
                weighting: NgramExtractingEstimator.WeightingCriteria.TfIdf))
            .Append(ml.Transforms.NormalizeLpNorm("Features", "Weighted"));
        var featurized = featurizer.Fit(data).Transform(data);
        var terms = SlotNames(featurized, "Weighted");
        // ProduceNgrams weighs a term tf · ln(N / df) (N training items, df of them with the term); Assign repeats it.
        var idf = terms.Select(t => Math.Log((double)sample.Count / df[t])).ToArray();
        var vectors = ReadVectors(featurized, "Features");
        var dimension = terms.Length;
        // Read once into memory: every KMeans pass would otherwise tokenize and weigh the items again.
        var features = InMemory(ml, vectors, dimension);

        // The k search and the restarts run on a sub-sample of at most SearchItems items, spread evenly over the
        // training sample: the silhouette is all-pairs, and a KMeans++ start costs items × k². The best restart is
        // then carried over to the whole training sample by Lloyd iterations.
        var subsample = Silhouette.Sample(vectors.Count, options.SearchItems);
        var whole = subsample.Length == vectors.Count;
        var chosen = whole ? vectors : subsample.Select(i => vectors[i]).ToList();
        var chosenFeatures = whole ? features : InMemory(ml, chosen, dimension);
        var silhouette = new List<KeyValuePair<int, double>>();
        (ClusterCentroid[] Centroids, int[] Labels)? firstRun = null;
        int k;
        if (options.Clusters is { } fixedK) k = Math.Clamp(fixedK, 1, sample.Count);
        else
        {
            var max = Math.Min(options.MaxClusters, sample.Count - 1);
            // Too few items to compare two or more clusters (a tiny site): no clustering rather than a fake one.
            if (max < 2) return null;
            var min = Math.Max(2, Math.Min(options.MinClusters, max));
            var scorer = new Silhouette(chosen, dimension);
            // One run per candidate k to choose k (the cost stays one fit per k); the chosen k then gets every restart,
            // its first being the run the search already made (same seed, same items).
            var scores = new double[max - min + 1];
            var fits = new (ClusterCentroid[] Centroids, int[] Labels)[max - min + 1];
            Parallel.For(min, max + 1, candidate =>
            {
                fits[candidate - min] = Fit(options.Seed, chosenFeatures, candidate);
                scores[candidate - min] = scorer.Mean(fits[candidate - min].Labels, candidate);
            });
            (k, var best) = (0, double.MinValue);
            for (var candidate = min; candidate <= max; candidate++)
            {
                var score = scores[candidate - min];
                silhouette.Add(new(candidate, Math.Round(score, 6)));
                if (score > best + 1e-9) (best, k) = (score, candidate);
            }
            firstRun = fits[k - min];
        }
        var (centroids, labels) = BestFit(chosenFeatures, chosen, k, firstRun);
        if (!whole) (centroids, labels) = LloydRefinement.Refine(vectors, centroids, dimension, RefinementIterations);

        var model = new ClusterModel
        {
            Tokenizer = tokenizer.Fingerprint,
            Options = options,
            CorpusItems = corpusItems,
            Sample = fingerprints,
            CorpusFingerprint = ContentHash.Key(string.Join(',', fingerprints)).ToString("x16", System.Globalization.CultureInfo.InvariantCulture),
            Terms = terms,
            Idf = idf,
            Centroids = centroids,
            Silhouette = silhouette,
            FixedBySettings = options.Clusters is not null,
            Map = Map(features, sample.Count, dimension),
        };
        return (model, vectors, labels);
    }

    /// <summary>Keeps the terms that can tell items apart: in at least two items, and not in most of them.</summary>
    private (List<List<string>> Tokens, Dictionary<string, int> Df) Vocabulary(List<List<string>> tokens)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var doc in tokens)
            foreach (var t in doc.Distinct(StringComparer.Ordinal)) df[t] = df.GetValueOrDefault(t) + 1;
        var maxDf = Math.Max(options.MinDocumentFrequency, (int)(options.MaxDocumentShare * tokens.Count));
        bool Kept(string t) => df[t] >= options.MinDocumentFrequency && df[t] <= maxDf;
        var kept = tokens.Select(doc => doc.Where(Kept).ToList()).ToList();
        return (kept, df.Where(p => Kept(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
    }

    /// <summary>Lloyd iterations at most, from the sub-sample's centres: they usually settle within a few dozen.</summary>
    private const int RefinementIterations = 300;

    /// <summary>The best of <see cref="ClusterOptions.Restarts"/> seeded runs by inertia (sum of squared distances to the centres).</summary>
    /// <param name="firstRun">The run of seed <see cref="ClusterOptions.Seed"/> when it was already made.</param>
    private (ClusterCentroid[] Centroids, int[] Labels) BestFit(IDataView features, IReadOnlyList<SparseVector> vectors, int k,
        (ClusterCentroid[] Centroids, int[] Labels)? firstRun)
    {
        var runs = new (ClusterCentroid[] Centroids, int[] Labels)[Math.Max(1, options.Restarts)];
        Parallel.For(0, runs.Length, r => runs[r] = r == 0 && firstRun is { } first ? first : Fit(options.Seed + r, features, k));
        var best = 0;
        var bestInertia = double.MaxValue;
        for (var r = 0; r < runs.Length; r++)
        {
            var inertia = Inertia(vectors, runs[r].Labels, k);
            if (inertia < bestInertia - 1e-9) (best, bestInertia) = (r, inertia);
        }
        return runs[best];
    }

    private static double Inertia(IReadOnlyList<SparseVector> vectors, int[] labels, int k)
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

    /// <summary>One KMeans fit: its centres and the label 0..k-1 it predicts for every row, in row order.</summary>
    private static (ClusterCentroid[] Centroids, int[] Labels) Fit(int seed, IDataView features, int k)
    {
        var ml = new MLContext(seed: seed);
        if (Environment.GetEnvironmentVariable("KMLOG") == "1") ml.Log += (_, e) => { Console.Error.WriteLine($"KM k={k} seed={seed}: {e.Message}"); };
        var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = "Features",
            NumberOfClusters = k,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            NumberOfThreads = 1,
            MaximumNumberOfIterations = int.Parse(Environment.GetEnvironmentVariable("KMITER") ?? "300"),
            OptimizationTolerance = 1e-7f,
        });
        var fitted = trainer.Fit(features);
        VBuffer<float>[] centres = [];
        fitted.Model.GetClusterCentroids(ref centres, out var count);
        var centroids = centres.Take(count).Select(c =>
        {
            var indices = new List<int>();
            var values = new List<float>();
            foreach (var (index, value) in c.Items())
                if (value != 0) { indices.Add(index); values.Add(value); }
            return new ClusterCentroid(indices.ToArray(), values.ToArray());
        }).ToArray();

        var scored = fitted.Transform(features);
        var labels = new List<int>();
        var column = scored.Schema["PredictedLabel"];
        using var cursor = scored.GetRowCursor([column]);
        var getter = cursor.GetGetter<uint>(column);
        uint value = 0;
        while (cursor.MoveNext()) { getter(ref value); labels.Add((int)value - 1); }
        return (centroids, labels.ToArray());
    }

    /// <summary>The first two principal components of the training sample, as a projection any item can go through.</summary>
    private MapProjection? Map(IDataView features, int items, int dimension)
    {
        if (items < 3 || dimension < 2) return null;
        var ml = new MLContext(seed: options.Seed);
        var pca = ml.AnomalyDetection.Trainers.RandomizedPca(new Microsoft.ML.Trainers.RandomizedPcaTrainer.Options
        {
            FeatureColumnName = "Features",
            Rank = 2,
            Seed = options.Seed,
            EnsureZeroMean = true,
        }).Fit(features).Model;
        VBuffer<float>[] axes = [];
        pca.GetEigenVectors(ref axes, out _);
        VBuffer<float> mean = default;
        pca.GetMean(ref mean);
        var x = axes[0].DenseValues().ToArray();
        var y = axes[1].DenseValues().ToArray();
        var m = mean.DenseValues().ToArray();
        double Offset(float[] axis)
        {
            double sum = 0;
            for (var i = 0; i < axis.Length; i++) sum += (double)axis[i] * m[i];
            return sum;
        }
        return new MapProjection(x, y, Offset(x), Offset(y));
    }

    private static IDataView InMemory(MLContext ml, IEnumerable<SparseVector> vectors, int dimension)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        var rows = vectors.Select(v => new FeatureRow { Features = new VBuffer<float>(dimension, v.Indices.Length, v.Values, v.Indices) }).ToArray();
        var cached = ml.Data.Cache(ml.Data.LoadFromEnumerable(rows, schema));
        // Filled once here, before the fits read it side by side: every KMeans pass then reads the cache instead of
        // enumerating the rows again through ML.NET's enumerable view (a cursor set with pipes per pass, and
        // reflection-emitted getters per cursor that the finalizer thread has to clean up).
        using (var cursor = cached.GetRowCursor(cached.Schema)) while (cursor.MoveNext()) { }
        return cached;
    }

    private static string[] SlotNames(IDataView view, string name)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        view.Schema[name].GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
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
}
