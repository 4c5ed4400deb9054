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

    /// <param name="memo">What the last build remembered of its analysis, and where this one leaves its own; null: none.</param>
    /// <param name="themeProfiles">Plan id → theme id → share, from the themes stage; null until it is wired in.</param>
    public (PeerAnalysis Analysis, ReuseStatistics Statistics) Analyze(IReadOnlyList<Plan> plans,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? themeProfiles = null, AnalysisMemo? memo = null)
    {
        var found = reuse.Detect(plans, memo);
        var index = crossReferences.Build(plans);
        var seeAlso = SimilarItems.Merge(found.SeeAlso, new SimilarItems().Find(plans, memo));
        var analysis = new PeerAnalysis(found.Links, seeAlso, PassageSpread.Families(plans, found.Links),
            peers.Find(plans, themeProfiles, memo), index.Citations, index.Slogans, index.Units)
        { ThemeProfiles = themeProfiles };
        return (analysis, found.Statistics);
    }
}
