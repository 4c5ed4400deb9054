using PlanAtlas.Model;
using PlanAtlas.Render;
using PlanAtlas.Render.Compare;
using PlanAtlas.Tests.Analyze.Reuse;

namespace PlanAtlas.Tests.Render.Compare;

/// <summary>Item keys resolve to the first plan item of that plan id and item id; an unknown key to none.</summary>
public sealed class ItemLinksTests
{
    [Fact]
    public void Keys_resolve_to_the_first_item_of_their_plan_and_id()
    {
        var a = TestPlans.Texts("a", 2020, "420700", "一。", "二。");
        var b = TestPlans.Texts("b", 2021, "420700", "三。");
        // A second plan with a's id (parsing never makes one): its new item is known, its repeated one is a's.
        var again = TestPlans.Plan("a", 2022, "420700", TestPlans.Item("i2", "重复。"), TestPlans.Item("i9", "新。"));
        var links = new ItemLinks([a, b, again], new SiteUrls("/"));

        Assert.Equal(4, links.Count);
        Assert.Equal(["一。", "二。", "三。", "新。"], new[] { ("a", "i1"), ("a", "i2"), ("b", "i1"), ("a", "i9") }.Select(k => links.ItemOf(new ItemKey(k.Item1, k.Item2)).Text));
        Assert.Same(again, links.PlanOf(new ItemKey("a", "i9")));
        Assert.Equal(4, new[] { ("a", "i1"), ("a", "i2"), ("b", "i1"), ("a", "i9") }.Select(k => links.Number(new ItemKey(k.Item1, k.Item2))).Distinct().Count());
        foreach (var unknown in new[] { new ItemKey("a", "i3"), new ItemKey("c", "i1"), new ItemKey("b", "i2") })
        {
            Assert.False(links.Contains(unknown));
            Assert.Equal(-1, links.Number(unknown));
            Assert.Throws<KeyNotFoundException>(() => links.View(unknown));
        }
        Assert.Same(links.View(new ItemKey("b", "i1")), links.View(new ItemKey("b", "i1")));
        Assert.Equal("/plans/b/#i1", links.View(new ItemKey("b", "i1")).Url);
    }
}
