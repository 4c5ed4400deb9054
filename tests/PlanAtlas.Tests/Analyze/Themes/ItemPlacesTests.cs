using PlanAtlas.Analyze.Themes;

namespace PlanAtlas.Tests.Analyze.Themes;

public sealed class ItemPlacesTests
{
    private static string At(string text, TextSpan span) => text[span.Start..span.End];

    [Theory]
    [InlineData("（十四）开展消防安全专项整治。深入排查。", "（十四）开展消防安全专项整治。")]
    [InlineData("20.强化燃气安全整治。持续开展整治。", "20.强化燃气安全整治。")]
    [InlineData("(二)一以贯之狠抓落实。一是建立机制。", "(二)一以贯之狠抓落实。")]
    [InlineData("森林火灾：严格落实林长制。", "森林火灾：")]
    public void A_numbered_short_sentence_or_a_short_label_is_the_heading(string text, string heading)
    {
        var places = ItemPlaces.Of(text);
        Assert.Equal(heading, At(text, places.Heading!.Value));
        Assert.Equal(places.Heading, places.Lead);
    }

    [Fact]
    public void Without_a_heading_the_lead_is_the_first_clause_and_the_first_sentence_a_place()
    {
        const string text = "全面推进煤矿智能化建设,加快推动无人值守。提升水平。";
        var places = ItemPlaces.Of(text);
        Assert.Null(places.Heading);
        Assert.Equal("全面推进煤矿智能化建设,", At(text, places.Lead));
        Assert.Equal("全面推进煤矿智能化建设,加快推动无人值守。", At(text, places.Places[0]));
    }

    [Fact]
    public void Sub_point_leads_are_places_and_a_closing_unit_parenthesis_is_not_body()
    {
        const string text = "（三）把准态势。一是深化复盘评估机制，分析规律。二是做好特定时期工作。（各处室按职责分工负责）";
        var places = ItemPlaces.Of(text);
        Assert.Equal(2, places.SubPointLeads);
        Assert.Equal(["深化复盘评估机制", "做好特定时期工作"], places.Places.TakeLast(2).Select(p => At(text, p)));
        Assert.EndsWith("做好特定时期工作。", At(text, places.Body));
    }

    [Fact]
    public void A_list_ends_at_etc_and_its_last_pair_counts_two_members()
    {
        const string text = "突出抓好矿山、危化品和燃气等重点行业领域专项整治。";
        var list = Assert.Single(ItemPlaces.Of(text).Lists);
        Assert.Equal(["突出抓好矿山", "危化品", "燃气"], list.Select(m => At(text, m)));
    }

    [Theory]
    [InlineData("市住建局牵头，市消防救援支队、市交通运输局配合", true)]
    [InlineData("减灾委办公室牵头,各成员单位按职责分工落实。", true)]
    [InlineData("严格落实矿山安全监管专员制度", false)]
    public void A_responsible_units_cell_is_told_from_a_task(string text, bool units) =>
        Assert.Equal(units, ItemPlaces.Of(text).IsResponsibleUnits);
}
