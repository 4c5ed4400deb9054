using PlanAtlas.Analyze.Peers;
using PlanAtlas.Model;
using PlanAtlas.Tests.Analyze.Reuse;

namespace PlanAtlas.Tests.Analyze.Peers;

/// <summary>An attribute group lists its members by rounded text similarity, best first, ties by plan id, capped.</summary>
public sealed class GroupRankingTests
{
    private static readonly string[] Sentences =
    [
        "持续开展城镇燃气安全风险隐患专项整治，深化瓶装液化气市场整治。",
        "强化非煤矿山转型升级，推进地下矿山采空区治理和尾矿库闭库销号。",
        "加强危险化学品重大危险源企业安全监管，推进化工园区认定。",
        "深化道路运输安全整治，严厉打击超限超载和疲劳驾驶。",
        "推进建筑施工安全专项治理，强化高处坠落和起重机械事故防范。",
        "加强消防安全重点单位管理，开展高层建筑火灾隐患排查。",
    ];

    /// <summary>Plans of one province and two years, their texts drawn from a few sentences: many equal similarities.</summary>
    private static List<Plan> Plans(int count)
    {
        var random = new Random(11);
        return Enumerable.Range(0, count).Select(i => TestPlans.Texts($"p{i:D3}", 2020 + i % 2, i % 2 == 0 ? "420100" : "420700",
            Enumerable.Range(0, 3).Select(_ => Sentences[random.Next(Sentences.Length)]).ToArray())).ToList();
    }

    [Fact]
    public void A_small_group_is_every_member_by_similarity_then_id()
    {
        var plans = Plans(30);
        var options = new PeerOptions { MaxGroupSize = 10 };
        var groups = new PeerFinder(options).Find(plans);
        var profiles = TextProfiles.Build(plans, options.TermsPerPlan);
        for (var i = 0; i < plans.Count; i++)
        {
            var expected = Enumerable.Range(0, plans.Count).Where(j => j != i)
                .Select(j => (plans[j].Id, Similarity: Math.Round(SparseVectors.Cosine(profiles[i], profiles[j]), 4)))
                .OrderByDescending(x => x.Similarity).ThenBy(x => x.Id, StringComparer.Ordinal).Take(options.MaxGroupSize).ToList();
            var province = groups[plans[i].Id].Single(g => g.Kind == PeerGroupKind.Province).Peers;
            Assert.Equal(expected.Select(x => x.Id), province.Select(p => p.PlanId));
            Assert.Equal(expected.Select(x => (double?)x.Similarity), province.Select(p => p.Similarity));
        }
    }

    [Fact]
    public void A_big_group_is_capped_and_ordered_by_similarity_then_id()
    {
        var plans = Plans(60);
        var options = new PeerOptions { MaxGroupSize = 4 };
        var groups = new PeerFinder(options).Find(plans);
        foreach (var plan in plans)
            foreach (var group in groups[plan.Id].Where(g => g.Kind is PeerGroupKind.Province or PeerGroupKind.Level or PeerGroupKind.Year))
            {
                var peers = group.Peers;
                Assert.Equal(options.MaxGroupSize, peers.Count);
                Assert.Equal(peers.Count, peers.Select(p => p.PlanId).Distinct().Count());
                Assert.DoesNotContain(peers, p => p.PlanId == plan.Id);
                for (var k = 1; k < peers.Count; k++)
                    Assert.True(peers[k - 1].Similarity > peers[k].Similarity
                        || peers[k - 1].Similarity == peers[k].Similarity && string.CompareOrdinal(peers[k - 1].PlanId, peers[k].PlanId) < 0);
            }
    }
}
