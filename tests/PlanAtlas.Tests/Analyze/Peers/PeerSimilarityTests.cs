using PlanAtlas.Analyze.Peers;
using PlanAtlas.Model;
using PlanAtlas.Tests.Analyze.Reuse;

namespace PlanAtlas.Tests.Analyze.Peers;

/// <summary>The similarity of every member of a scored attribute group is the rounded cosine of the two text profiles.</summary>
public sealed class PeerSimilarityTests
{
    public static IEnumerable<object[]> Corpora() => [["sample"], ["synthetic"]];

    /// <summary>Sixty plans of synthetic wording over a few years and regions: groups of dozens, every member scored.</summary>
    private static List<Plan> Synthetic()
    {
        var corpus = new SyntheticCorpus(60, itemsPerPlan: 8).Plans;
        string[] regions = ["420700", "420100", "141125", "360900", "420100"];
        return corpus.Select((p, i) => TestPlans.Texts($"p{i:D2}", 2018 + i % 4, regions[i % regions.Length], [.. p.Items.Select(item => item.Text)])).ToList();
    }

    [Theory]
    [MemberData(nameof(Corpora))]
    public void Members_of_year_level_and_province_groups_carry_the_cosine_of_the_profiles(string corpus)
    {
        var options = new PeerOptions();
        var plans = (corpus == "sample" ? SamplePlans.All : Synthetic()).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var text = TextProfiles.Build(plans, options.TermsPerPlan);
        var index = plans.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var groups = new PeerFinder(options).Find(plans);
        var checkedPeers = 0;
        foreach (var plan in plans)
            foreach (var group in groups[plan.Id].Where(g => g.Kind is PeerGroupKind.Year or PeerGroupKind.Level or PeerGroupKind.Province))
                foreach (var peer in group.Peers)
                {
                    Assert.Equal(Math.Round(SparseVectors.Cosine(text[index[plan.Id]], text[index[peer.PlanId]]), 4), peer.Similarity);
                    checkedPeers++;
                }
        Assert.True(checkedPeers >= 10, $"{checkedPeers} peers checked");
    }
}
