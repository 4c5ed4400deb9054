using System.Text;

namespace PlanAtlas.Render.Publish;

/// <summary>
/// robots.txt: everything may be crawled (the site is published to be read), and the sitemap is named when its
/// absolute URL is known. Crawlers only read robots.txt at a host's root, so under a sub-path it is informative.
/// </summary>
public static class RobotsTxt
{
    public static string Write(string? sitemapUrl)
    {
        var text = new StringBuilder();
        text.Append("User-agent: *\n");
        text.Append("Allow: /\n");
        if (sitemapUrl is not null) text.Append("\nSitemap: ").Append(sitemapUrl).Append('\n');
        return text.ToString();
    }
}
