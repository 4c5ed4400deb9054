using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using PlanAtlas.Model;
using SmartReader;

namespace PlanAtlas.Read;

/// <summary>
/// Saved portal pages (.html/.htm) with AngleSharp and SmartReader: the portal's metadata table (索引号, 发文字号 ...)
/// becomes container metadata, SmartReader finds the main content block, and that block becomes paragraphs and
/// tables. Scripts, styles, event handlers and javascript: links are dropped before anything is read, so none of
/// them can reach a block. A block's Line is its 1-based position among the content's blocks: SmartReader
/// rebuilds the content, so positions in the saved file are not kept.
/// </summary>
public sealed class HtmlDocumentReader : IDocumentReader
{
    // A parser per page: readers may run on several threads, and a parser is cheap next to the page it parses.
    private static HtmlParser NewParser() => new(new HtmlParserOptions { IsScripting = false });

    public IReadOnlyCollection<string> Extensions { get; } = [".html", ".htm"];

    public SourceDocument Read(byte[] bytes, string sourceFile) => ReadPage(bytes, sourceFile, null).Document;

    /// <summary>
    /// The page as <see cref="Read"/> gives it, with the links fetch follows to its attachments: every &lt;a href&gt;
    /// that survived the removal of scripts (those in the metadata block too), and the page's &lt;base href&gt;.
    /// <paramref name="httpCharset"/> is the charset the server declared, which decides before the page's own
    /// &lt;meta&gt;, as in a browser.
    /// </summary>
    public static HtmlPage ReadPage(byte[] bytes, string sourceFile, string? httpCharset)
    {
        var (html, encoding) = HtmlDecoding.Decode(bytes, sourceFile, httpCharset);
        var document = NewParser().ParseDocument(html);
        var title = document.Title;
        var tags = PortalMetadata.MetaTags(document);
        var baseHref = document.QuerySelector("base[href]")?.GetAttribute("href");
        UnsafeContent.Remove(document);
        var links = document.QuerySelectorAll("a[href]").ToList();

        var metadata = PortalMetadata.Extract(document);
        foreach (var (key, value) in tags) metadata.TryAdd(key, value);
        var notes = new List<ReadNote>();
        var content = MainContent(document, notes);
        var blocks = content is null ? [] : HtmlBlocks.From(content);
        if (blocks.Count == 0 && content != document.Body && document.Body is { } body)
        {
            notes.Add(new ReadNote("PA216", null, "no main content block found; the text of the whole page is used"));
            blocks = HtmlBlocks.From(body);
        }
        if (!string.IsNullOrWhiteSpace(title)) metadata.TryAdd("html:title", Whitespace.Collapse(title));
        var read = new SourceDocument(sourceFile, "html", encoding, blocks, metadata, TextDocumentReader.ContentHash(bytes))
        {
            Notes = notes,
        };
        return new HtmlPage(read, links, baseHref);
    }

    /// <summary>SmartReader's content block, parsed again; the whole body where it finds nothing readable.</summary>
    private static IElement? MainContent(IHtmlDocument document, List<ReadNote> notes)
    {
        try
        {
            // SmartReader changes the document it reads; it gets a copy so the fallback still has the whole body.
            var parser = NewParser();
            var copy = parser.ParseDocument(document.DocumentElement.OuterHtml);
            var article = new Reader("https://localhost/", copy).GetArticle();
            // IsReadable is Readability's own verdict on whether the page holds an article at all; without it the
            // "content" is a guess, and the whole page, flagged, is the honest answer.
            if (article.Completed && article.IsReadable && !string.IsNullOrWhiteSpace(article.Content))
                return parser.ParseDocument("<!DOCTYPE html><html><body>" + article.Content + "</body></html>").Body;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            notes.Add(new ReadNote("PA216", null, $"finding the main content failed ({e.GetType().Name}); the text of the whole page is used"));
            return document.Body;
        }
        notes.Add(new ReadNote("PA216", null, "the page does not look like an article (no main content block found); the text of the whole page is used"));
        return document.Body;
    }
}

/// <param name="Links">The page's &lt;a href&gt; elements, in page order; detached from it where they were in a metadata block.</param>
public sealed record HtmlPage(SourceDocument Document, IReadOnlyList<IElement> Links, string? BaseHref);
