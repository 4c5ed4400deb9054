using PlanAtlas.Analyze.Reuse;
using PlanAtlas.Model;

namespace PlanAtlas.Tests.Analyze.Reuse;

public sealed class BoilerplateTests
{
    private const string Boilerplate = "深入贯彻落实习近平总书记关于安全生产重要论述，进一步加强安全生产工作，坚决遏制重特大事故，";
    private const string Shared = "探索渔长制，建立乡镇船舶责任制，落实包船到人责任，推动加快船管站建设和力量配置。";

    private static readonly string[] Own =
    [
        "持续开展城镇燃气安全风险隐患专项整治，组织使用燃气的餐饮场所依法安装燃气泄漏报警装置。",
        "聚焦高支模、深基坑、危大工程、工程机械等，深入实施自建房安全专项整治行动。",
        "紧盯医疗机构、养老院、寄宿制学校、文物建筑等人员密集和敏感场所，深化违章搭建整治。",
        "落实师生防溺水分析研判制度和联防联控机制，构建学校、家庭、社会三位一体的防范体系。",
        "推进自然灾害防治重点工程建设，实施自然灾害避灾点提升工程，完善救灾和物资保障制度。",
        "严格烟花爆竹经营各环节风险管控，重点整治无证岸基加油站和非法储存行为。",
        "加强水库安全监管工作，加强重点行业领域环保设备设施安全监管和隐患排查。",
        "推动组建一专多能、一队多用应急救援队伍，加强基层应急管理体系和能力建设。",
    ];

    /// <summary>Eight plans open an item with the same generic sentence; plans p1 and p2 also share one real passage.</summary>
    private static List<Plan> Corpus() =>
        Own.Select((own, i) => TestPlans.Texts($"p{i + 1}", 2020 + i, null,
            Boilerplate + own,
            i < 2 ? Shared : "本地区另行部署第" + (i + 1) + "项重点工作任务清单并抓好督导落实检查。")).ToList();

    [Fact]
    public void Items_sharing_only_generic_boilerplate_are_not_linked()
    {
        var links = new ReuseDetector(new ReuseOptions()).Detect(Corpus()).Links;
        var link = Assert.Single(links);
        Assert.Equal((new ItemKey("p1", "i2"), new ItemKey("p2", "i2")), (link.A, link.B));
    }

    [Fact]
    public void Without_the_document_frequency_filter_the_boilerplate_would_link_every_plan()
    {
        var noFilter = new ReuseOptions { BoilerplateShare = 1.0 };
        var links = new ReuseDetector(noFilter).Detect(Corpus()).Links;
        Assert.Contains(links, l => l.A.ItemId == "i1" && l.B.ItemId == "i1");
    }

    [Fact]
    public void The_threshold_counts_plans_not_items()
    {
        var hashes = new[] { new ulong[] { 1, 1, 1, 2 }, [1, 3], [1, 3], [4] };
        var frequencies = ShingleFrequencies.Count(hashes, new ReuseOptions { BoilerplateShare = 0.5, BoilerplateMinPlans = 2 });
        Assert.Equal(3, frequencies.PlansWith(1));
        Assert.Equal(2, frequencies.BoilerplateThreshold);
        Assert.True(frequencies.IsBoilerplate(1));
        Assert.False(frequencies.IsBoilerplate(3));
        Assert.Equal([0, 2, 1, 1, 0], frequencies.Histogram());
    }
}

public sealed class NestingTests
{
    private const string Sentence = "对瞒报事故、抽查检查应发现未发现、应处罚未处罚非法违法生产经营建设行为的，依纪依法追责问责。";

    [Fact]
    public void A_sub_item_written_inside_its_parent_is_structure_not_reuse()
    {
        var plan = TestPlans.Plan("p", 2023, null,
            TestPlans.Item("1", "（一）严肃责任追究。一是" + Sentence, line: 5),
            TestPlans.Item("1-1", "一是" + Sentence, line: 5, kind: PlanAtlas.Model.ItemKind.SubItem, parent: "1"));
        Assert.Empty(new ReuseDetector(new ReuseOptions()).Detect([plan]).Links);
    }

    [Fact]
    public void A_descendant_far_from_its_ancestor_that_repeats_it_is_linked()
    {
        var plan = TestPlans.Plan("p", 2023, null,
            TestPlans.Item("1", "（三十七）严肃责任追究。" + Sentence, line: 107),
            TestPlans.Item("p563", Sentence, line: 563, kind: PlanAtlas.Model.ItemKind.Paragraph, parent: "1"));
        Assert.Single(new ReuseDetector(new ReuseOptions()).Detect([plan]).Links);
    }
}
