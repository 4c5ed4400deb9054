using PlanAtlas.Analyze.Peers;
using PlanAtlas.Model;
using PlanAtlas.Tests.Analyze.Reuse;

namespace PlanAtlas.Tests.Analyze.Peers;

public sealed class PeerFinderTests
{
    private const string Gas = "持续开展城镇燃气安全风险隐患专项整治，组织使用燃气的餐饮场所依法安装燃气泄漏报警和自动切断装置，深化瓶装液化气市场整治。";
    private const string Mine = "强化非煤矿山转型升级，推动落实淘汰退出、整合重组、改造提升，推进地下矿山采空区治理和尾矿库闭库销号。";

    private static List<Plan> Plans() =>
    [
        TestPlans.Texts("ezhou-2018", 2018, "420700", Gas),
        TestPlans.Texts("wuhan-2019", 2019, "420100", Gas + "加强城镇燃气管道老化更新改造。"),
        TestPlans.Texts("liulin-2023", 2023, "141125", Mine),
        TestPlans.Texts("yichun-2023", 2023, "360900", Mine + "强化煤矿重大灾害超前治理。"),
        TestPlans.Texts("nowhere", null, null, "加强应急值守。"),
    ];

    private static IReadOnlyList<Peer> Group(IReadOnlyDictionary<string, IReadOnlyList<PeerGroup>> groups, string plan, PeerGroupKind kind) =>
        groups[plan].Single(g => g.Kind == kind).Peers;

    [Fact]
    public void Attribute_groups_hold_the_plans_sharing_province_level_or_year()
    {
        var groups = new PeerFinder(new PeerOptions()).Find(Plans());
        Assert.Equal(["wuhan-2019"], Group(groups, "ezhou-2018", PeerGroupKind.Province).Select(p => p.PlanId));
        Assert.Equal(["yichun-2023", "wuhan-2019"], Group(groups, "ezhou-2018", PeerGroupKind.Level).Select(p => p.PlanId).Order().Reverse());
        Assert.Equal(["wuhan-2019"], Group(groups, "ezhou-2018", PeerGroupKind.Year).Select(p => p.PlanId));
        Assert.Equal(["yichun-2023"], Group(groups, "liulin-2023", PeerGroupKind.Year).Select(p => p.PlanId));
        Assert.Empty(Group(groups, "nowhere", PeerGroupKind.Province));
        Assert.Empty(Group(groups, "nowhere", PeerGroupKind.Year));
    }

    [Fact]
    public void The_most_similar_plan_by_wording_comes_first()
    {
        var groups = new PeerFinder(new PeerOptions()).Find(Plans());
        Assert.Equal("wuhan-2019", Group(groups, "ezhou-2018", PeerGroupKind.SimilarText)[0].PlanId);
        Assert.Equal("yichun-2023", Group(groups, "liulin-2023", PeerGroupKind.SimilarText)[0].PlanId);
        Assert.DoesNotContain(groups["ezhou-2018"], g => g.Kind == PeerGroupKind.SimilarThemes);
    }

    [Fact]
    public void Theme_profiles_when_given_add_a_most_similar_by_themes_group()
    {
        var profiles = new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            ["ezhou-2018"] = new Dictionary<string, double> { ["gas"] = 0.6, ["fire"] = 0.4 },
            ["wuhan-2019"] = new Dictionary<string, double> { ["mining"] = 0.9, ["gas"] = 0.1 },
            ["liulin-2023"] = new Dictionary<string, double> { ["gas"] = 0.5, ["fire"] = 0.5 },
        };
        var groups = new PeerFinder(new PeerOptions()).Find(Plans(), profiles);
        var themes = Group(groups, "ezhou-2018", PeerGroupKind.SimilarThemes);
        Assert.Equal(["liulin-2023", "wuhan-2019"], themes.Select(p => p.PlanId));
        Assert.True(themes[0].Similarity > themes[1].Similarity);
        Assert.DoesNotContain(groups["nowhere"], g => g.Kind == PeerGroupKind.SimilarThemes);
    }
}
