using PlanAtlas.Parse;
using PlanAtlas.Parse.Details;
using PlanAtlas.Parse.Header;

namespace PlanAtlas.Tests.Parse;

public sealed class ItemDetailsTests
{
    [Theory]
    [InlineData("（市委宣传部、市委组织部、市应急管理局会同各有关部门分工负责，市有关部门、各县（市、区）政府和“三区”管委会落实）",
        "市委宣传部;市委组织部;市应急管理局;各有关部门;市有关部门;各县（市、区）政府;“三区”管委会")]
    [InlineData("(市安委会矿山安全生产委员会牵头组织开展,有关部门分工负责,丰城市政府落实)", "市安委会矿山安全生产委员会;有关部门;丰城市政府")]
    [InlineData("（各处室按职责分工负责）", "各处室")]
    [InlineData("（住房和城乡建设局、工业和信息化局负责）", "住房和城乡建设局;工业和信息化局")]
    [InlineData("(市公安局交警支队、市交通运输局、宜春车务段等有关部门分工负责)", "市公安局交警支队;市交通运输局;宜春车务段")]
    public void Closing_parentheses_give_the_responsible_units_without_their_roles(string closing, string expected)
    {
        var text = "加强监管。" + closing;
        Assert.True(ResponsibleUnits.TryFindClosing(text, out var open, out var inside));
        Assert.Equal(5, open);
        Assert.Equal(expected, string.Join(";", ResponsibleUnits.Split(inside)));
    }

    [Theory]
    [InlineData("重点防范压力容器（含气瓶）")]
    [InlineData("开展检查。")]
    public void A_closing_parenthesis_that_names_no_unit_is_not_taken_for_units(string text) =>
        Assert.False(ResponsibleUnits.TryFindClosing(text, out _, out _));

    [Theory]
    [InlineData("3月底前制定清单", 2023, "3月底前=2023-03-31")]
    [InlineData("请于2023年6月25和12月25日前分别报送", 2023, "2023年6月25=2023-06-25;12月25日前=2023-12-25")]
    [InlineData("于10月份开展一次执法业务大比武", 2018, "10月份=")]
    [InlineData("2015年底前，完成523家单位改造", 2015, "2015年底前=2015-12-31")]
    [InlineData("于2023年2月27日印发", 2023, "")]
    [InlineData("持续6个月", 2023, "")]
    [InlineData("坚持月跟踪、年底总结", 2023, "")]
    [InlineData("年底前完成", 2023, "年底前=2023-12-31")]
    public void Deadlines_are_found_as_written_and_resolved_where_they_name_a_day(string text, int year, string expected) =>
        Assert.Equal(expected, string.Join(";", Deadlines.Find(text, year).Select(d => $"{d.Text}={d.Date:yyyy-MM-dd}")));

    [Theory]
    [InlineData("县安委会每月至少召开一次会议，分析安全形势。", "县安委会每月至少召开一次会议")]
    [InlineData("企业负责人、安全管理人员、特种作业人员持证上岗率达100%。", "企业负责人、安全管理人员、特种作业人员持证上岗率达100%")]
    [InlineData("市县应急部门每季度至少公布3个案例，其他有关部门不少于1个。", "市县应急部门每季度至少公布3个案例|其他有关部门不少于1个")]
    [InlineData("加强宣传教育。", "")]
    public void Quantified_targets_are_the_clauses_that_hold_a_quantity(string text, string expected) =>
        Assert.Equal(expected, string.Join("|", Targets.Find(text)));

    [Fact]
    public void Citations_are_normalised_and_keep_their_nested_titles()
    {
        var text = "贯彻落实《中共中央办公厅国务院办公厅印发〈关于推进城市安全发展的意见〉的通知》，观看《生命重于泰山--学习习关于安全生产重要论述》和《生命重于泰山-学习习关于安全生产重要论述》，修订《关于市(区)安全生产监督管理机构编制调整的通知》";
        Assert.Equal(
            ["中共中央办公厅国务院办公厅印发〈关于推进城市安全发展的意见〉的通知", "生命重于泰山——学习习关于安全生产重要论述", "关于市（区）安全生产监督管理机构编制调整的通知"],
            Quotations.Citations(text));
    }

    [Fact]
    public void A_genre_word_alone_is_not_a_cited_title() =>
        Assert.Equal(["安全生产法", "宜春市安全生产职责暂行规定"],
            Quotations.Citations("贯彻落实《意见》和《通知》，执行《安全生产法》《实施方案》，修订《宜春市安全生产职责暂行规定》和《规定》"));

    [Fact]
    public void Slogans_are_the_quoted_phrases_once_each() =>
        Assert.Equal(["两个至上", "三管三必须"], Quotations.Slogans("坚持“两个至上”，落实“三管三必须”，履行“三管三必须”职责"));

    [Theory]
    [InlineData("宜市安字〔2023〕2号", "宜市安字〔2023〕2号", false)]
    [InlineData("新安委[2022]3号", "新安委〔2022〕3号", false)]
    [InlineData("兴安办发(2021)6号", "兴安办发〔2021〕6号", false)]
    [InlineData("柳政发〔20232", "柳政发〔2023〕2号", true)]
    [InlineData("柳政发2023〕2号", "柳政发〔2023〕2号", true)]
    public void Document_numbers_are_normalised_and_mangled_ones_repaired(string line, string expected, bool repaired)
    {
        var r = DocNumbers.Parse(line);
        Assert.NotNull(r);
        Assert.Equal(expected, r.Value);
        Assert.Equal(repaired, r.Repaired);
    }

    [Theory]
    [InlineData("2023年2月27日", "2023-02-27", false)]
    [InlineData("2023227", "2023-02-27", true)]
    [InlineData("20231225", "2023-12-25", true)]
    [InlineData("二〇二一年三月十五日", "2021-03-15", false)]
    [InlineData("2018年04月18日", "2018-04-18", false)]
    public void Dates_are_read_in_their_written_and_mangled_forms(string line, string expected, bool repaired)
    {
        var r = DocumentDates.Parse(line);
        Assert.NotNull(r);
        Assert.Equal(expected, r.Date.ToString("yyyy-MM-dd"));
        Assert.Equal(repaired, r.Repaired);
    }

    [Theory]
    [InlineData("2023年")]
    [InlineData("20231399")]
    public void Lines_that_are_not_dates_are_not_read_as_dates(string line) => Assert.Null(DocumentDates.Parse(line));
}
