using PlanAtlas.Model;

namespace PlanAtlas.Analyze.Clustering;

/// <summary>An item to cluster: its key and its text.</summary>
public sealed record ClusterInput(ItemKey Key, string Text)
{
    /// <summary>Terms the item has besides its text's words (its subject themes, see ThemeAnalyzer), weighed like words.</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];
}

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
    /// <summary>
    /// The model is trained on at most this many items (a sample fixed by a hash of the item keys); every item is
    /// then put into the nearest cluster. Enough to find the themes a corpus has, and it keeps training time
    /// the same at any corpus size.
    /// </summary>
    public int TrainingItems { get; init; } = 4000;

    /// <summary>
    /// The number of clusters is chosen, and the restarts are run, on at most this many items of the training sample
    /// (evenly spread over it); the best restart's centres are then refined on the whole training sample.
    /// </summary>
    public int SearchItems { get; init; } = Silhouette.MaxSample;
}

/// <summary>
/// Clusters items by their text. <see cref="Train"/> learns a <see cref="ClusterModel"/> from a bounded sample of
/// the items (all of them in a small corpus): TF-IDF features, KMeans with k chosen by silhouette, a 2-D PCA map.
/// <see cref="Assign"/> then puts every item into its nearest cluster and describes the clusters (class-based
/// TF-IDF labels as in BERTopic, representative items, theme overlap). A saved model can assign a changed corpus
/// without training again, as long as the corpus has not drifted far (<see cref="Drift"/>).
/// Deterministic: items sorted by key, the sample chosen by a fixed hash, every fit seeded.
/// Training costs the same at any corpus size; assignment is linear.
/// </summary>
public sealed class ItemClusterer(ChineseTokenizer tokenizer, ClusterOptions? options = null)
{
    /// <summary>How item text becomes terms, chosen by tools/themes/ThemeCheck's `clusters` section.</summary>
    public const Tokenization DefaultTokenization = Tokenization.JiebaWords;

    /// <summary>
    /// How many times an item's subject themes count as terms beside its words: chosen with ThemeCheck `clusters`, where
    /// ×1 changes little and ×3 raises the NMI with the reference's primary themes well above jieba words alone
    /// (tools/themes/README.md has the figures).
    /// </summary>
    public const int ThemeTermWeight = 3;

    /// <summary>The terms that stand for an item's subject themes: '#' and the theme id, never a word of the text.</summary>
    public static IReadOnlyList<string> ThemeTerms(IEnumerable<string> themeIds, int weight = ThemeTermWeight) =>
        themeIds.SelectMany(id => Enumerable.Repeat("#" + id, weight)).ToList();

    public static bool IsThemeTerm(string term) => term.StartsWith('#');

    private readonly ClusterOptions _options = options ?? new ClusterOptions();

    public ClusterOptions Options => _options;

    public ItemClustering Cluster(IEnumerable<ClusterInput> inputs, Func<ItemKey, IReadOnlyList<string>>? themesOf = null)
    {
        var items = Sorted(inputs);
        var model = Train(items);
        return model is null ? ItemClustering.Empty : Assign(model, items, themesOf);
    }

    /// <summary>A model trained on the training sample of <paramref name="inputs"/>; null when there is nothing to cluster.</summary>
    public ClusterModel? Train(IEnumerable<ClusterInput> inputs) => TrainWithLabels(inputs)?.Model;

    /// <summary>The model, and the training items with the features and labels ML.NET gave them (what <see cref="Assign"/> must reproduce).</summary>
    internal (ClusterModel Model, IReadOnlyList<ClusterInput> Sample, IReadOnlyList<SparseVector> Features, int[] Labels)? TrainWithLabels(IEnumerable<ClusterInput> inputs)
    {
        var items = Sorted(inputs);
        var sample = TrainingSample(items);
        var fingerprints = sample.Select(Fingerprint).Order().ToArray();
        return new ClusterTrainer(tokenizer, _options).Train(sample, items.Count, fingerprints) is { } trained
            ? (trained.Model, sample, trained.Features, trained.Labels)
            : null;
    }

    /// <summary>Every item in the nearest cluster of <paramref name="model"/>, clusters numbered by size and described.</summary>
    /// <exception cref="ArgumentException">The model was trained with another tokenizer (<see cref="CanReuse"/> is false).</exception>
    public ItemClustering Assign(ClusterModel model, IEnumerable<ClusterInput> inputs, Func<ItemKey, IReadOnlyList<string>>? themesOf = null) =>
        Assign(model, inputs, themesOf, null);

    /// <param name="memo">Placements of unchanged plans under this model, from the last build; where this one leaves its own.</param>
    /// <param name="themesOfInput">
    /// The themes of each input, in the order given: used when the inputs come sorted, rather than
    /// <paramref name="themesOf"/> (a lookup by key per clustered item was most of describing the clusters).
    /// </param>
    internal ItemClustering Assign(ClusterModel model, IEnumerable<ClusterInput> inputs, Func<ItemKey, IReadOnlyList<string>>? themesOf, PlacementMemo? memo,
        IReadOnlyList<IReadOnlyList<string>>? themesOfInput = null)
    {
        if (model.Format != ClusterModel.CurrentFormat || model.Tokenizer != tokenizer.Fingerprint)
            throw new ArgumentException("the cluster model was made by another version or another tokenizer", nameof(model));
        var items = Sorted(inputs);
        Func<int, IReadOnlyList<string>>? themes = themesOfInput is not null && ReferenceEquals(items, inputs) ? i => themesOfInput[i]
            : themesOf is null ? null : i => themesOf(items[i].Key);
        return items.Count == 0 ? ItemClustering.Empty : new ClusterAssigner(tokenizer, model).Assign(items, themes, memo);
    }

    internal SparseVector Features(ClusterModel model, string text) => new ClusterAssigner(tokenizer, model).Features(text);

    /// <summary>True when <paramref name="model"/> was trained by a clusterer like this one (format, tokenizer, options).</summary>
    public bool CanReuse(ClusterModel model) =>
        model.Format == ClusterModel.CurrentFormat && model.Tokenizer == tokenizer.Fingerprint && model.Options == _options;

    /// <summary>
    /// How far the corpus has moved from the one the model was trained on: the Jaccard distance between the items
    /// (key and text) of today's training sample and those the model was trained on. 0 for the same corpus; about
    /// the share of new, edited or removed items otherwise, since the sample is chosen by item key.
    /// </summary>
    public double Drift(ClusterModel model, IEnumerable<ClusterInput> inputs)
    {
        var sample = TrainingSample(Sorted(inputs));
        var prints = new ulong[sample.Count];
        Parallel.For(0, sample.Count, i => prints[i] = Fingerprint(sample[i]));
        var today = prints.ToHashSet();
        var union = today.Count + model.Sample.Length;
        var common = model.Sample.Count(today.Contains);
        union -= common;
        return union == 0 ? 0 : 1 - (double)common / union;
    }

    /// <summary>All items when there are few; else the <see cref="ClusterOptions.TrainingItems"/> whose keys hash lowest, in key order.</summary>
    internal List<ClusterInput> TrainingSample(List<ClusterInput> sorted)
    {
        if (sorted.Count <= _options.TrainingItems) return sorted;
        // By hash, then by key: the items come by key, so by place (an array sort of numbers, not of tuples of strings).
        var hashes = new ulong[sorted.Count];
        Parallel.For(0, sorted.Count, i => hashes[i] = KeyHash(sorted[i].Key));
        var order = Enumerable.Range(0, sorted.Count).ToArray();
        Array.Sort(hashes, order);
        for (var start = 0; start < hashes.Length;)
        {
            var end = start + 1;
            while (end < hashes.Length && hashes[end] == hashes[start]) end++;
            if (end - start > 1) Array.Sort(order, start, end - start);
            start = end;
        }
        var chosen = order[.._options.TrainingItems];
        Array.Sort(chosen);
        return chosen.Select(i => sorted[i]).ToList();
    }

    /// <summary>The inputs in key order, as given when they already are.</summary>
    internal static List<ClusterInput> Sorted(IEnumerable<ClusterInput> inputs) =>
        inputs is List<ClusterInput> list && IsSorted(list) ? list : inputs.OrderBy(i => i.Key).ToList();

    private static bool IsSorted(List<ClusterInput> list)
    {
        for (var i = 1; i < list.Count; i++) if (list[i - 1].Key.CompareTo(list[i].Key) >= 0) return false;
        return true;
    }

    private static ulong KeyHash(ItemKey key) => Hash64.Combine(Hash64.Of(key.PlanId), Hash64.Of(key.ItemId));

    private static ulong Fingerprint(ClusterInput item) =>
        item.Terms.Aggregate(ContentHash.Combine(KeyHash(item.Key), ContentHash.Key(item.Text)), (h, t) => ContentHash.Combine(h, ContentHash.Key(t)));
}
