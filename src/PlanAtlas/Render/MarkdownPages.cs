using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PlanAtlas.Model;

namespace PlanAtlas.Render;

/// <summary>
/// Renders input/pages/*.md with Markdig. Raw HTML is disabled (pages are input, and input is untrusted);
/// heading ids are set here, GitHub-style, because Markdig's own ids drop Chinese characters; links written
/// as "/x" get the site's base path.
/// </summary>
public sealed class MarkdownPages(SiteUrls urls)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseGridTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseFootnotes()
        .UseListExtras()
        .UseTaskLists()
        .DisableHtml()
        .Build();

    public string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var ids = new Slugs.UniqueIds();
        foreach (var heading in document.Descendants<HeadingBlock>())
            heading.GetAttributes().Id = ids.Claim(Slugs.ForHeading(PlainText(heading.Inline)));
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is not { } url) continue;
            if (!IsSafe(url)) link.Url = "#";
            else if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)) link.Url = urls.Url(url);
        }
        return document.ToHtml(Pipeline);
    }

    /// <summary>Relative links and http(s)/mailto only: a javascript: or data: link would run in the reader's browser.</summary>
    private static bool IsSafe(string url)
    {
        var colon = url.IndexOf(':');
        if (colon < 0) return true;
        var slash = url.IndexOfAny(['/', '?', '#']);
        if (slash >= 0 && slash < colon) return true;
        var scheme = url[..colon].Trim().ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }

    private static string PlainText(ContainerInline? inline) =>
        inline is null ? "" : string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString())
            .Concat(inline.Descendants<CodeInline>().Select(c => c.Content)));
}
