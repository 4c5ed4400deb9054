using PlanAtlas.Model;
using PlanAtlas.Parse;
using PlanAtlas.Parse.Hanzi;
using PlanAtlas.Parse.Regions;
using PlanAtlas.Parse.Header;

namespace PlanAtlas.Tests.Parse;

/// <summary>The pieces the forms of real plans needed, each on its own (the fixtures in tests/fixtures/parse test them together).</summary>
public sealed class RealFormsTests
{
    private static Plan Parse(string text) => TestFiles.Parser.Parse(TestFiles.FromText(text), null);

    [Fact]
    public void Traditional_characters_are_read_as_simplified_one_for_one()
    {
        Assert.Equal("黑龙江省安全生产委员会", Simplified.Of("黑龍江省安全生產委員會"));
        const string plain = "黑龙江省安全生产委员会";
        Assert.Same(plain, Simplified.Of(plain));
        Assert.Equal(230000.ToString(), Gazetteer.Default.FindIn("黑龍江省安全生產委員會")!.Code);
    }

    [Theory]
    [InlineData("楚雄彝族自治州", "楚雄州")]
    [InlineData("黔东南苗族侗族自治州", "黔东南州")]
    [InlineData("伊犁哈萨克自治州", "伊犁州")]
    [InlineData("峨边彝族自治县", "峨边县")]
    [InlineData("长兴县", null)]
    public void Autonomous_regions_go_by_their_place_name(string name, string? expected) =>
        Assert.Equal(expected, AutonomousNames.Short(name));

    [Fact]
    public void A_two_character_county_counts_where_it_opens_a_title_but_not_in_running_text()
    {
        Assert.Equal("430223", Gazetteer.Default.FindIn("攸县网岭镇2016年度安全生产专项整治工作计划")!.Code);
        Assert.Null(Gazetteer.Default.InferFromBody("按照攸县政府的部署开展工作"));
    }

    [Theory]
    [InlineData("- 发文字号：晋市政发〔2023〕2号", "发文字号", "晋市政发〔2023〕2号")]
    [InlineData("[ 索引号 ] | 11500000/2022-00131 | [ 发文字号 ] | 渝府发〔2022〕3号 |", "发文字号", "渝府发〔2022〕3号")]
    [InlineData("发文字号:榆政发〔2021〕2号 | 发文时间: |", "发文字号", "榆政发〔2021〕2号")]
    [InlineData("主题分类: | 发布日期:2021-02-09 |", "发布日期", "2021-02-09")]
    [InlineData("生成日期: 2020-06-11 公开方式: 主动公开", "生成日期", "2020-06-11")]
    public void Portal_pairs_are_read_in_every_layout(string line, string key, string value)
    {
        var pairs = PortalBlockReader.Read(line)!;
        Assert.Equal(value, pairs.Single(p => p.Key == key).Value);
        // The pairs' spans cover the line once: nothing is lost, nothing counted twice.
        Assert.Equal(line.Length, pairs.Sum(p => p.Length));
        Assert.Equal(0, pairs[0].Start);
    }

    [Fact]
    public void A_title_in_a_table_cell_is_not_a_portal_row()
    {
        Assert.Null(PortalBlockReader.Read("关于印发2023年全县安全生产工作要点的通知 |"));
        Assert.Equal("文号", PortalBlockReader.LabelAlone("文号 |"));
        Assert.Null(PortalBlockReader.LabelAlone("主要任务 |"));
    }

    [Fact]
    public void A_page_without_a_title_says_so_and_gets_a_neutral_name_not_its_file_name()
    {
        var plan = Parse("各乡镇：\n请认真落实以下要求。\n一、压实责任\n（一）落实党政领导责任。每季度研究一次。\n");
        Assert.Null(plan.Metadata.Title);
        var warning = Assert.Single(plan.Diagnostics, d => d.Code == "PA302");
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("title column", warning.Message);
        Assert.EndsWith("〔无标题〕", plan.Title);
        Assert.DoesNotContain("generated", plan.Title);
    }

    [Fact]
    public void A_notice_without_a_title_line_is_titled_by_the_plan_it_carries()
    {
        var plan = Parse("各县（市、区）人民政府：\n现将《2018年安全生产工作要点》印发给你们，请认真贯彻落实。\n遵义市安全生产委员会\n2018年3月26日\n2018年安全生产工作要点\n一、健全责任体系\n");
        Assert.Equal("2018年安全生产工作要点", plan.Metadata.Title!.Value);
        Assert.Equal(PlanKind.WorkPoints, plan.Metadata.Kind!.Value);
        Assert.Equal("520300", plan.Metadata.Region!.Value.Code);
    }

    [Fact]
    public void A_news_headline_is_titled_by_its_main_line_and_the_kicker_is_its_subtitle()
    {
        var plan = Parse("改革做“减法” 服务做“加法”\n去年我省安全生产形势持续稳定\n2014年，全省坚守安全生产红线，事故起数和死亡人数实现双下降，为经济社会发展提供了有力保障。\n");
        Assert.Equal("去年我省安全生产形势持续稳定", plan.Metadata.Title!.Value);
        Assert.Equal("改革做“减法” 服务做“加法”", plan.Metadata.Subtitle!.Value);
    }

    [Fact]
    public void Items_run_together_on_one_line_are_split_only_where_they_carry_the_numbering_on()
    {
        var plan = Parse("关于印发2023年全县安全生产工作要点的通知\n全县工作主要任务是：确保形势稳定。 一、牢固树立安全发展理念 1.深入学习重要论述。组织专题学习 2 次。 2.开展宣传活动。\n二、压实责任 3.落实党政领导责任。安排资金 1.5 万元。\n");
        Assert.Equal(["¶1", "一", "一.1", "一.2", "二", "二.3"], plan.Items.Select(i => i.Path));
        Assert.Empty(SpanAccounting.Check(plan, plan.Source!));
    }

    [Fact]
    public void A_flattened_notice_is_read_part_by_part()
    {
        var plan = Parse("甘肃省安全生产委员会关于印发《2015年全省安全生产工作要点》的通知 (甘安委〔2015〕2号) 各市州人民政府,省安委会成员单位:   《2015年全省安全生产工作要点》已经省安委会全体会议审议通过,现印发你们,请认真组织实施。 甘肃省安全生产委员会 2015年2月10日   2015年全省安全生产工作要点   指导思想:坚持安全发展,强化红线意识。\n一、强化安全生产责任落实\n");
        var m = plan.Metadata;
        Assert.Equal("甘安委〔2015〕2号", m.DocNumber!.Value);
        Assert.Equal("各市州人民政府,省安委会成员单位", m.Addressees!.Value);
        Assert.Equal(new DateOnly(2015, 2, 10), m.IssuedOn!.Value);
        Assert.Equal("2015年全省安全生产工作要点", m.EnclosedTitle!.Value);
        Assert.Equal(["¶1", "¶2", "一"], plan.Items.Select(i => i.Path));
        Assert.Empty(SpanAccounting.Check(plan, plan.Source!));
    }

    [Fact]
    public void A_pipe_table_in_the_body_is_read_as_rows_under_its_section()
    {
        var plan = Parse("2016年度安全生产专项整治工作计划\n一、专项整治安排表\n行业名称 | 时间安排 | 责任单位 |\n烟花爆竹 | 1月份 | 安监站 派出所 |\n道路交通 | 2月份 | 交管站 |\n二、工作要求\n");
        var rows = plan.Items.Where(i => i.Kind == ItemKind.TableRow).ToList();
        Assert.Equal(["一.1", "一.2"], rows.Select(r => r.Path));
        Assert.Equal("烟花爆竹", rows[0].Heading);
        Assert.Equal("安监站 派出所", rows[0].Table!.Units);
        Assert.Contains(plan.Items, i => i.Path == "一.表头");
        Assert.Empty(SpanAccounting.Check(plan, plan.Source!));
    }
}
