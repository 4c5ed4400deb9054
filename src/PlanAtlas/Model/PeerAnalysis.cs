namespace PlanAtlas.Model;

/// <summary>
/// Two items that share wording, found by the reuse detector. <see cref="A"/> is the earlier of the two
/// (plan year, then plan id, then document order), so a link reads "B repeats A".
/// </summary>
/// <param name="Score">Share of the shorter item's characters (letters and digits) covered by aligned common runs, 0..1.</param>
/// <param name="SharedChars">Characters in those common runs.</param>
public sealed record ReuseLink(ItemKey A, ItemKey B, double Score, int SharedChars)
{
    public bool WithinPlan => A.PlanId == B.PlanId;
}

/// <summary>An item close to another one, for "see also": <see cref="Reused"/> when the pair is a reuse link, else only similar.</summary>
public sealed record ItemMatch(ItemKey Other, double Score, bool Reused);

/// <summary>Where a passage, a slogan or a cited document appears: the item, its plan's year, and the words as written there.</summary>
public sealed record Mention(ItemKey Item, int? Year, string AsWritten);

/// <summary>
/// A key (a cited document, a slogan, a kind of department, a reused passage) and every place it appears,
/// ordered by year then plan id: the first mention is the first appearance in the corpus.
/// </summary>
public sealed record CrossReference(string Key, IReadOnlyList<Mention> Mentions)
{
    public int? FirstYear => Mentions.Select(m => m.Year).Where(y => y is not null).Min();
    public IReadOnlyList<string> PlanIds => Mentions.Select(m => m.Item.PlanId).Distinct().ToList();
}

public enum PeerGroupKind { SimilarText, SimilarThemes, Province, Level, Year }

/// <param name="Similarity">Cosine similarity for the "most similar" groups; null for the groups defined by a shared attribute.</param>
public sealed record Peer(string PlanId, double? Similarity);

public sealed record PeerGroup(PeerGroupKind Kind, IReadOnlyList<Peer> Peers);

/// <summary>
/// What the corpus-level comparison found: reuse links between items (across plans and inside one plan),
/// reused passages with their spread, each plan's peer groups, and the cross-reference indexes.
/// Everything is sorted, so the same plans give the same analysis.
/// </summary>
public sealed record PeerAnalysis(
    IReadOnlyList<ReuseLink> Links,
    IReadOnlyDictionary<ItemKey, IReadOnlyList<ItemMatch>> SeeAlso,
    IReadOnlyList<CrossReference> Passages,
    IReadOnlyDictionary<string, IReadOnlyList<PeerGroup>> PeerGroups,
    IReadOnlyList<CrossReference> Citations,
    IReadOnlyList<CrossReference> Slogans,
    IReadOnlyList<CrossReference> Units)
{
    /// <summary>Plan id → theme id → share of the plan's items, when the themes stage has run; compare pages chart it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? ThemeProfiles { get; init; }

    public static PeerAnalysis Empty { get; } = new([], new Dictionary<ItemKey, IReadOnlyList<ItemMatch>>(), [], new Dictionary<string, IReadOnlyList<PeerGroup>>(), [], [], []);
}
