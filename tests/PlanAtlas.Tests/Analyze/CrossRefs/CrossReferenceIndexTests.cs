using PlanAtlas.Analyze.CrossRefs;
using PlanAtlas.Analyze.Reuse;
using PlanAtlas.Model;
using PlanAtlas.Tests.Analyze.Reuse;

namespace PlanAtlas.Tests.Analyze.CrossRefs;

public sealed class CrossReferenceIndexTests
{
    private static List<Plan> Plans() =>
    [
        TestPlans.Plan("b-2021", 2021, "420700",
            TestPlans.Item("1", "严格落实“三管三必须”要求。") with { Slogans = ["三管三必须"], ResponsibleUnits = ["市应急管理局"] },
            TestPlans.Item("2", "贯彻《安全生产法》。") with { Citations = ["《安全生产法》"] }),
        TestPlans.Plan("a-2019", 2019, "141125",
            TestPlans.Item("1", "落实“党政同责、一岗双责、齐抓共管、失职追责”。") with { Slogans = ["党政同责、一岗双责、齐抓共管、失职追责"] },
            TestPlans.Item("2", "按照“三管三必须”。依据《安全生产法》。") with { Slogans = ["“三管三必须”"], Citations = ["《安全生产法》"], ResponsibleUnits = ["县应急管理局", "县住建局"] }),
        TestPlans.Plan("c-2023", 2023, "360900",
            TestPlans.Item("1", "坚持“三管三必须”。") with { Slogans = ["三管三必须"], ResponsibleUnits = ["应急"] }),
    ];

    [Fact]
    public void Slogans_shared_by_several_plans_come_first_with_their_first_year_and_spread()
    {
        var slogans = new CrossReferenceIndex(UnitKinds.Default).Build(Plans()).Slogans;
        var first = slogans[0];
        Assert.Equal("三管三必须", first.Key);
        Assert.Equal(2019, first.FirstYear);
        Assert.Equal(["a-2019", "b-2021", "c-2023"], first.PlanIds);
        Assert.Equal("“三管三必须”", first.Mentions[0].AsWritten);
        Assert.Single(slogans[1].PlanIds);
    }

    [Fact]
    public void Citations_list_which_plans_cite_a_document_and_when()
    {
        var citation = Assert.Single(new CrossReferenceIndex(UnitKinds.Default).Build(Plans()).Citations);
        Assert.Equal("《安全生产法》", citation.Key);
        Assert.Equal([new ItemKey("a-2019", "2"), new ItemKey("b-2021", "2")], citation.Mentions.Select(m => m.Item));
    }

    [Fact]
    public void A_plan_citing_its_own_title_or_the_plan_it_issues_is_not_a_citation()
    {
        var notice = TestPlans.Plan("d-2023", 2023, "360900",
            TestPlans.Item("1", "现将《宜春市2023年安全生产工作要点》印发给你们。贯彻《安全生产法》。") with { Citations = ["宜春市2023年安全生产工作要点", "安全生产法"] });
        notice = notice with { Metadata = notice.Metadata with { Title = new Sourced<string>("宜春市安委会关于印发宜春市2023年安全生产工作要点的通知", Provenance.Manifest) } };
        var itself = TestPlans.Plan("e-2023", 2023, "141125", TestPlans.Item("1", "本《e-2023 安全生产工作要点》自印发之日起施行。") with { Citations = ["e-2023 安全生产工作要点"] });
        var other = TestPlans.Plan("f-2024", 2024, "360900", TestPlans.Item("1", "对照《宜春市2023年安全生产工作要点》。") with { Citations = ["宜春市2023年安全生产工作要点"] });
        var citations = new CrossReferenceIndex(UnitKinds.Default).Build([notice, itself, other]).Citations;
        Assert.Equal(["安全生产法", "宜春市2023年安全生产工作要点"], citations.Select(c => c.Key));
        // Cited by another plan, 宜春's own mention is not among its mentions.
        Assert.Equal(["f-2024"], citations[1].PlanIds);
    }

    [Fact]
    public void Responsible_units_are_grouped_by_kind_across_regions()
    {
        var units = new CrossReferenceIndex(UnitKinds.Default).Build(Plans()).Units;
        var emergency = units.Single(u => u.Key == "应急管理局");
        Assert.Equal(3, emergency.PlanIds.Count);
        Assert.Equal(["县应急管理局", "市应急管理局", "应急"], emergency.Mentions.Select(m => m.AsWritten));
        Assert.Contains(units, u => u.Key == "住房和城乡建设局");
    }

    [Fact]
    public void A_passage_reused_in_three_plans_is_one_family_that_starts_at_its_first_appearance()
    {
        var plans = new List<Plan>
        {
            TestPlans.Texts("x", 2022, null, "甲"), TestPlans.Texts("y", 2018, null, "乙"), TestPlans.Texts("z", 2020, null, "丙"),
        };
        var links = new List<ReuseLink>
        {
            new(new ItemKey("y", "i1"), new ItemKey("z", "i1"), 0.9, 40),
            new(new ItemKey("z", "i1"), new ItemKey("x", "i1"), 0.8, 35),
        };
        var family = Assert.Single(PassageSpread.Families(plans, links));
        Assert.Equal(["y", "z", "x"], family.Mentions.Select(m => m.Item.PlanId));
        Assert.Equal(2018, family.FirstYear);
        Assert.Equal("乙", family.Key);
    }
}
