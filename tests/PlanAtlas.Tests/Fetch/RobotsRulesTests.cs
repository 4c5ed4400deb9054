using PlanAtlas.Fetch;

namespace PlanAtlas.Tests.Fetch;

/// <summary>robots.txt as RFC 9309 reads it, on the forms sites write.</summary>
public sealed class RobotsRulesTests
{
    private static RobotsRules Parse(string text) => RobotsRules.Parse(text, FetchOptions.ProductToken);

    [Theory]
    [InlineData("/art/2023/a.html", true)]
    [InlineData("/private/a.html", false)]
    [InlineData("/private/open/a.html", true)]
    [InlineData("/search?q=1", false)]
    [InlineData("/files/a.PDF", true)]
    [InlineData("/files/a.php", false)]
    [InlineData("/files/a.php5", true)]
    public void The_longest_matching_rule_decides(string path, bool allowed)
    {
        var rules = Parse("""
            # a portal's robots.txt
            User-agent: *
            Disallow: /private/
            Allow: /private/open/
            Disallow: /*?
            Disallow: /files/*.php$
            """);
        Assert.Equal(allowed, rules.Allows(path));
    }

    [Fact]
    public void Allow_wins_a_tie_and_an_empty_disallow_allows_everything()
    {
        Assert.True(Parse("User-agent: *\nDisallow: /a\nAllow: /a\n").Allows("/a/b"));
        Assert.True(Parse("User-agent: *\nDisallow:\n").Allows("/anything"));
    }

    [Fact]
    public void The_group_naming_the_tool_wins_over_the_group_for_everyone()
    {
        var rules = Parse("User-agent: *\nDisallow: /\n\nUser-agent: Googlebot\nUser-agent: planatlas\nDisallow: /tmp/\nCrawl-delay: 5\n");
        Assert.True(rules.Allows("/art/a.html"));
        Assert.False(rules.Allows("/tmp/a.html"));
        Assert.Equal(TimeSpan.FromSeconds(5), rules.CrawlDelay);
        Assert.True(Parse("User-agent: OtherBot\nDisallow: /\n").Allows("/a.html"));
    }

    [Fact]
    public void Patterns_in_chinese_match_the_percent_encoded_address()
    {
        var rules = Parse("User-agent: *\nDisallow: /附件/\n");
        Assert.False(rules.Allows(new Uri("http://127.0.0.1/附件/a.pdf").PathAndQuery));
        Assert.True(rules.Allows("/fj/a.pdf"));
    }

    [Fact]
    public void A_site_whose_robots_txt_cannot_be_read_is_refused_except_robots_txt_itself()
    {
        var rules = RobotsRules.Unreachable("robots.txt answered HTTP 503");
        Assert.False(rules.Allows("/a.html"));
        Assert.Equal("robots.txt answered HTTP 503", rules.Refusal);
    }

    [Fact]
    public void A_crawl_delay_is_honoured_up_to_a_minute()
    {
        Assert.Equal(RobotsRules.MaxCrawlDelay, Parse("User-agent: *\nCrawl-delay: 3600\n").CrawlDelay);
    }
}
