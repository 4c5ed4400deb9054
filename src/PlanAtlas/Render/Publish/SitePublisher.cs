using PlanAtlas.Model;
using PlanAtlas.Render.Views;

namespace PlanAtlas.Render.Publish;

/// <summary>
/// The files a published site is expected to have besides its pages: 404.html, feed.xml (Atom), robots.txt and,
/// when site.yml gives base_url, sitemap.xml. Runs last in the render stage so the sitemap lists every page.
/// </summary>
public sealed class SitePublisher(SiteSettings settings, PublicUrls urls, UiStrings strings, TemplateEngine templates)
{
    public const string NotFoundPage = "404.html", SitemapFile = "sitemap.xml", RobotsFile = "robots.txt";

    public void Publish(IReadOnlyList<Plan> plans, OutputFolder output, List<Diagnostic> diagnostics)
    {
        if (urls.Diagnostic is { } problem) diagnostics.Add(problem);
        RenderNotFound(output);
        WriteFeed(plans, output);
        WriteSitemap(output, diagnostics);
        output.WriteText(RobotsFile, RobotsTxt.Write(urls.Absolute(SitemapFile)));
    }

    private void RenderNotFound(OutputFolder output)
    {
        var page = new PageInfo(strings["notfound.title"], NotFoundPage, strings["notfound.text"], "notfound");
        templates.WritePage(output, NotFoundPage, "404", page, new NotFoundPageModel());
    }

    private void WriteFeed(IReadOnlyList<Plan> plans, OutputFolder output)
    {
        var entries = plans.Select(p => AtomFeed.EntryFor(p, PlanRow.From(p, urls.Site, strings), urls, settings.Title)).ToList();
        var header = new FeedHeader(NameBasedUuid.Urn("feed:" + settings.Title),
            string.Format(System.Globalization.CultureInfo.InvariantCulture, strings["feed.title"], settings.Title),
            settings.Description, strings.Language, urls.Link(AtomFeed.FileName), urls.Link(""), settings.Title);
        output.WriteBytes(AtomFeed.FileName, AtomFeed.Write(header, entries));
    }

    private void WriteSitemap(OutputFolder output, List<Diagnostic> diagnostics)
    {
        if (!urls.IsKnown) return;
        var pages = output.SiteFiles("*.html")
            .Select(f => SitemapWriter.SitePathOf(f.Relative))
            .Where(p => p != NotFoundPage)
            .Order(StringComparer.Ordinal)
            .Select(p => urls.Absolute(p)!)
            .ToList();
        if (pages.Count > SitemapWriter.MaxUrls)
        {
            diagnostics.Add(new Diagnostic(Severity.Warning, "PA711", Read.InputReader.SettingsFile, null,
                $"the site has {pages.Count} pages; sitemap.xml lists the first {SitemapWriter.MaxUrls}, the most one sitemap may hold"));
            pages = pages.Take(SitemapWriter.MaxUrls).ToList();
        }
        output.WriteBytes(SitemapFile, SitemapWriter.Write(pages));
    }
}

public sealed record NotFoundPageModel;
