namespace PlanAtlas.Analyze.Clustering;

/// <summary>
/// A trained item clustering as plain data (System.Text.Json reads and writes it as is): what
/// <see cref="ItemClusterer.Assign"/> needs to put any item into one of the clusters without training again,
/// and what tells whether the corpus has moved too far from the one it was trained on.
/// </summary>
public sealed record ClusterModel
{
    /// <summary>Changes whenever the meaning of a field changes; a model of another format is never reused.</summary>
    public const int CurrentFormat = 3;

    public int Format { get; init; } = CurrentFormat;

    /// <summary><see cref="ChineseTokenizer.Fingerprint"/> of the tokenizer it was trained with: other terms, other features.</summary>
    public required string Tokenizer { get; init; }

    public required ClusterOptions Options { get; init; }

    /// <summary>Items in the corpus it was trained on (the training sample is at most <see cref="ClusterOptions.TrainingItems"/> of them).</summary>
    public required int CorpusItems { get; init; }

    /// <summary>Fingerprints (key and text) of the training items, ascending: the basis of <see cref="ItemClusterer.Drift"/>.</summary>
    public required ulong[] Sample { get; init; }

    /// <summary>One hash of <see cref="Sample"/>: equal fingerprints, same training data.</summary>
    public required string CorpusFingerprint { get; init; }

    /// <summary>The vocabulary in feature order: feature i is the TF-IDF weight of Terms[i].</summary>
    public required string[] Terms { get; init; }

    /// <summary>Inverse document frequency of each term, as the featurizer weighted it.</summary>
    public required double[] Idf { get; init; }

    /// <summary>The k cluster centres in feature space, in training order (not yet numbered by size).</summary>
    public required ClusterCentroid[] Centroids { get; init; }

    /// <summary>k → mean silhouette on the training sample, for every k tried (empty when k was fixed).</summary>
    public required IReadOnlyList<KeyValuePair<int, double>> Silhouette { get; init; }

    public required bool FixedBySettings { get; init; }

    /// <summary>The 2-D map (first two principal components of the training sample); null when the sample is too small for one.</summary>
    public MapProjection? Map { get; init; }

    public int K => Centroids.Length;
}

/// <summary>A cluster centre, sparse: the features where it is not zero, ascending.</summary>
public sealed record ClusterCentroid(int[] Indices, float[] Values);

/// <summary>A linear projection to the plane: x = features · X − OffsetX, y = features · Y − OffsetY.</summary>
public sealed record MapProjection(float[] X, float[] Y, double OffsetX, double OffsetY);
