using PlanAtlas.Render;
using PlanAtlas.Render.Compare;

namespace PlanAtlas.Tests.Render.Compare;

/// <summary>
/// A side-by-side alignment is made only when the page is rendered: the fingerprint that decides whether an
/// incremental build renders a page must not pay for it, yet must change when the texts it aligns change.
/// </summary>
public sealed class CounterpartAlignmentTests
{
    private static readonly TemplateEngine Templates = new(new ThemeFiles(RepoPaths.Theme, null), new SiteUrls("/"), new UiStrings("zh-CN:\n  a: 甲\n", "zh-CN"), new { Title = "t" });

    private static ItemLinkView Item(string plan, string text) => new(plan, "标题", "2023", "一、", $"/plans/{plan}/#i1", text, text);

    private static (CounterpartView View, Func<int> Calls) Counterpart(string mine, string theirs)
    {
        var calls = 0;
        var view = new CounterpartView(Item("a", mine), Item("b", theirs), "90%", true,
            new Lazy<IReadOnlyList<DiffSegmentView>>(() => { calls++; return ItemLinks.Diff(mine, theirs); }));
        return (view, () => calls);
    }

    [Fact]
    public void The_fingerprint_does_not_align_and_rendering_aligns_once()
    {
        var (view, calls) = Counterpart("加强燃气安全管理", "加强城镇燃气安全管理");
        var page = new PageInfo("对比", "compare/a/");
        Templates.Fingerprint("x", page, view);
        Assert.Equal(0, calls());

        Assert.Contains(view.Segments, s => s.Op == "insert" && s.Text == "城镇");
        Assert.Same(view.Segments, view.Segments);
        Assert.Equal(1, calls());
    }

    [Fact]
    public void The_fingerprint_changes_with_either_text()
    {
        var page = new PageInfo("对比", "compare/a/");
        var one = Templates.Fingerprint("x", page, Counterpart("加强燃气安全管理", "加强城镇燃气安全管理").View);
        Assert.Equal(one, Templates.Fingerprint("x", page, Counterpart("加强燃气安全管理", "加强城镇燃气安全管理").View));
        Assert.NotEqual(one, Templates.Fingerprint("x", page, Counterpart("加强燃气安全监管", "加强城镇燃气安全管理").View));
        Assert.NotEqual(one, Templates.Fingerprint("x", page, Counterpart("加强燃气安全管理", "加强农村燃气安全管理").View));
    }

    [Fact]
    public void A_pair_listed_without_alignment_has_no_segments()
    {
        var view = new CounterpartView(Item("a", "甲"), Item("b", "乙"), "50%", false, null);
        Assert.False(view.SideBySide);
        Assert.Empty(view.Segments);
    }
}
