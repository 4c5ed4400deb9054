using PlanAtlas.Analyze.CrossRefs;
using PlanAtlas.Analyze.Reuse;
using PlanAtlas.Model;

namespace PlanAtlas.Analyze.Peers;

/// <summary>
/// The compare-plans part of the analyze stage in one call: reuse links and "see also", passage spread,
/// peer groups and the cross-reference indexes. Build once (the detector and unit table are reusable).
/// </summary>
public sealed class PeerAnalyzer(ReuseDetector reuse, PeerFinder peers, CrossReferenceIndex crossReferences)
{
    public static PeerAnalyzer CreateDefault() =>
        new(new ReuseDetector(new ReuseOptions()), new PeerFinder(new PeerOptions()), new CrossReferenceIndex(UnitKinds.Default));

    /// <param name="themeProfiles">Plan id → theme id → share, from the themes stage; null until it is wired in.</param>
    /// <param name="memo">What the last build remembered of its analysis, and where this one leaves its own; null: none.</param>
    public (PeerAnalysis Analysis, ReuseStatistics Statistics) Analyze(IReadOnlyList<Plan> plans,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? themeProfiles = null, AnalysisMemo? memo = null) =>
        Analyze(plans, () => themeProfiles, memo);

    /// <summary>
    /// The same, with the theme profiles asked for only when the peer groups need them (the themes may still be under
    /// way). With a memo, reuse detection runs beside the other steps: each step is deterministic whatever runs beside it,
    /// and a memo is only used on corpora small enough for the steps' memory side by side.
    /// </summary>
    public (PeerAnalysis Analysis, ReuseStatistics Statistics) Analyze(IReadOnlyList<Plan> plans,
        Func<IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>?> themeProfiles, AnalysisMemo? memo)
    {
        if (memo is null)
        {
            // One step after the other, each step's garbage gone before the next: the memory of a national corpus.
            var alone = reuse.Detect(plans);
            var crossIndex = crossReferences.Build(plans);
            var merged = SimilarItems.Merge(alone.SeeAlso, new SimilarItems().Find(plans));
            var spread = PassageSpread.Families(plans, alone.Links);
            var themes = themeProfiles();
            return (new PeerAnalysis(alone.Links, merged, spread, peers.Find(plans, themes), crossIndex.Citations, crossIndex.Slogans, crossIndex.Units)
                { ThemeProfiles = themes }, alone.Statistics);
        }
        var texts = NormalizedTexts.Of(plans);
        var detecting = Task.Run(() => reuse.Detect(plans, memo, texts));
        var index = crossReferences.Build(plans);
        var similar = new SimilarItems().Find(plans, memo, texts);
        var profiles = themeProfiles();
        var groups = peers.Find(plans, profiles, memo);
        var found = detecting.GetAwaiter().GetResult();
        var seeAlso = SimilarItems.Merge(found.SeeAlso, similar);
        var analysis = new PeerAnalysis(found.Links, seeAlso, found.Passages ?? PassageSpread.Families(plans, found.Links),
            groups, index.Citations, index.Slogans, index.Units)
        { ThemeProfiles = profiles };
        return (analysis, found.Statistics);
    }
}
