namespace PlanAtlas.Tests.Site;

/// <summary>/citations/ on the sample site lists other documents by their titles only.</summary>
public sealed class CitationsPageTests(SampleSite site) : IClassFixture<SampleSite>
{
    private List<string> Listed() =>
        site.Page("citations/").QuerySelectorAll("main a[href^='/citations/']").Select(a => a.TextContent.Trim().Trim('《', '》')).ToList();

    [Fact]
    public void A_genre_word_alone_is_not_listed()
    {
        // 柳林: 贯彻落实《意见》 (the 意见 named just before).
        var listed = Listed();
        Assert.Contains("安全生产法", listed);
        Assert.DoesNotContain("意见", listed);
        Assert.False(Directory.Exists(Path.Combine(site.Root, "citations", "意见")));
    }

    [Fact]
    public void A_plan_citing_the_plan_it_issues_is_not_listed()
    {
        // 宜春's notice 关于印发宜春市2023年安全生产工作要点的通知 says 现将《宜春市2023年安全生产工作要点》印发给你们.
        Assert.DoesNotContain("宜春市2023年安全生产工作要点", Listed());
        Assert.DoesNotContain("宜春市2023年安全生产工作要点", File.ReadAllText(Path.Combine(site.Root, "data", "citations.csv")));
    }
}
