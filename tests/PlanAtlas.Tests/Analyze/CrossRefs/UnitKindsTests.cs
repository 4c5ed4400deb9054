using PlanAtlas.Analyze.CrossRefs;

namespace PlanAtlas.Tests.Analyze.CrossRefs;

public sealed class UnitKindsTests
{
    [Theory]
    [InlineData("市应急管理局", "应急管理局")]
    [InlineData("县应急管理局", "应急管理局")]
    [InlineData("鄂州市应急管理局", "应急管理局")]
    [InlineData("宜春市袁州区应急管理局", "应急管理局")]
    [InlineData("应急", "应急管理局")]
    [InlineData("柳林县住建局", "住房和城乡建设局")]
    [InlineData("市住房城乡建设局牵头", "住房和城乡建设局")]
    [InlineData("县消防救援大队", "消防救援机构")]
    [InlineData("市消防救援支队", "消防救援机构")]
    [InlineData("县安委办", "安全生产委员会办公室")]
    [InlineData("市场监管局", "市场监督管理局")]
    [InlineData("县公安局", "公安局")]
    public void Units_of_different_regions_fall_into_one_kind(string unit, string kind) =>
        Assert.Equal(kind, UnitKinds.Default.KindOf(unit));

    [Fact]
    public void A_unit_the_table_does_not_know_keeps_its_name_without_the_region()
    {
        Assert.Equal("林业局", UnitKinds.Default.KindOf("柳林县林业局"));
    }

    [Fact]
    public void Every_line_of_the_synonym_table_gives_a_reason()
    {
        Assert.Throws<InvalidOperationException>(() => UnitKinds.Parse("variant\tkind\treason\n应急局\t应急管理局\t\n"));
        Assert.True(UnitKinds.LoadTable().Count >= 30);
    }
}
