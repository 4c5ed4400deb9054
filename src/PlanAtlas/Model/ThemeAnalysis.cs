namespace PlanAtlas.Model;

/// <summary>How much of one plan a theme takes: share of its analysed items and of their characters.</summary>
public sealed record PlanThemeShare(string PlanId, string ThemeId, int Items, double ShareItems, double ShareChars);

/// <summary>
/// A cluster of items found by text clustering: a readable label from its most distinctive terms (class-based
/// TF-IDF), its size, the items nearest its centre and how much it overlaps each taxonomy theme.
/// </summary>
/// <param name="Number">1-based, ordered by size (largest first), so numbers read the same in every build.</param>
/// <param name="ThemeOverlap">Theme id → share of the cluster's items tagged with it, largest first, zeros left out.</param>
public sealed record ItemCluster(
    int Number,
    string Label,
    IReadOnlyList<string> TopTerms,
    IReadOnlyList<ItemKey> Members,
    IReadOnlyList<ItemKey> Representative,
    IReadOnlyList<KeyValuePair<string, double>> ThemeOverlap)
{
    public int Size => Members.Count;
}

/// <summary>Clustering of all analysed items, with the criterion that chose the number of clusters.</summary>
/// <param name="Silhouette">k → mean silhouette, for every k tried (empty when k was fixed in site.yml).</param>
/// <param name="Coordinates">Each item's position on the 2-D map (PCA of its TF-IDF vector).</param>
public sealed record ItemClustering(
    IReadOnlyList<ItemCluster> Clusters,
    IReadOnlyDictionary<ItemKey, int> Assignment,
    IReadOnlyList<KeyValuePair<int, double>> Silhouette,
    bool FixedBySettings,
    IReadOnlyDictionary<ItemKey, (float X, float Y)> Coordinates)
{
    public static readonly ItemClustering Empty = new([], new Dictionary<ItemKey, int>(), [], false, new Dictionary<ItemKey, (float, float)>());

    /// <summary>Set when an incremental build assigned a changed corpus to a model trained on an earlier one.</summary>
    public ReusedClusterModel? Reused { get; init; }
}

/// <summary>A cluster model reused although the corpus changed a little since it was trained.</summary>
/// <param name="Drift">Share of the training sample that changed (0–1).</param>
/// <param name="MaxDrift">The share above which a model is trained again.</param>
public sealed record ReusedClusterModel(double Drift, double MaxDrift);

/// <summary>The theme analysis of a corpus: tags with evidence for every item, shares per plan, clusters.</summary>
/// <param name="Tags">Tags of every item that has any (items with none are absent), subjects and mentions alike.</param>
/// <param name="AnalysedItems">The items counted in shares and clustered: text-bearing items, not headings, not clauses repeated inside their parent.</param>
public sealed record ThemeAnalysis(
    ThemeTaxonomy Taxonomy,
    IReadOnlyDictionary<ItemKey, IReadOnlyList<ThemeTag>> Tags,
    IReadOnlySet<ItemKey> AnalysedItems,
    IReadOnlyList<PlanThemeShare> Shares,
    ItemClustering Clustering)
{
    /// <summary>Every theme found in the item, subjects and mentions, in taxonomy order.</summary>
    public IReadOnlyList<ThemeTag> TagsOf(ItemKey key) => Tags.TryGetValue(key, out var t) ? t : [];

    /// <summary>The themes the item commits to: what counts, shares, trends and peers are made of.</summary>
    public IEnumerable<ThemeTag> SubjectsOf(ItemKey key) => TagsOf(key).Where(t => t.IsSubject);

    /// <summary>The themes the item names in passing.</summary>
    public IEnumerable<ThemeTag> MentionsOf(ItemKey key) => TagsOf(key).Where(t => !t.IsSubject);

    /// <summary>Plan id → theme id → share of the plan's items: the theme profile peers are compared by.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> ProfilesByItemShare() =>
        Shares.GroupBy(s => s.PlanId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, double>)g.ToDictionary(s => s.ThemeId, s => s.ShareItems, StringComparer.Ordinal), StringComparer.Ordinal);
}
