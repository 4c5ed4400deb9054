using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PlanAtlas.Index;

/// <summary>
/// Search records for the site's other pages (region and year indexes, Markdown pages, theme and cluster pages):
/// the rendered HTML of every page whose layout marks its content with <c>data-pagefind-body</c>, minus anything
/// marked <c>data-pagefind-ignore</c> (the attributes Pagefind's own crawler uses, so the theme reads the same
/// either way). Plans are not read here: <see cref="PlanRecords"/> indexes them from the model.
/// </summary>
public static class PageRecords
{
    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "li", "ul", "ol", "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
        "dt", "dd", "dl", "blockquote", "pre", "figure", "figcaption", "br", "header", "footer", "nav", "details", "summary",
    };

    /// <param name="sitePath">The page's path in the site, e.g. "regions/140000/".</param>
    public static SearchRecord? From(string sitePath, string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var body = document.QuerySelector("[data-pagefind-body]");
        if (body is null) return null;
        var text = new StringBuilder();
        AppendText(body, text);
        var content = Normalize(text.ToString());
        if (content.Length == 0) return null;
        var title = body.QuerySelector("h1")?.TextContent.Trim() is { Length: > 0 } h1 ? h1 : document.Title?.Trim() ?? sitePath;
        return new SearchRecord("/" + sitePath, SearchText.Separate(content),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["title"] = title },
            new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["type"] = [SearchRecordType.Page] },
            new Dictionary<string, string>());
    }

    // Block boundaries become line breaks so words of neighbouring cells or paragraphs never run into one phrase.
    private static void AppendText(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IElement e when e.HasAttribute("data-pagefind-ignore") || e.LocalName is "script" or "style" or "template" or "noscript":
                    break;
                case IElement e:
                    var block = BlockElements.Contains(e.LocalName);
                    if (block) text.Append('\n');
                    AppendText(e, text);
                    if (block) text.Append('\n');
                    break;
                case IText t:
                    text.Append(t.Data);
                    break;
            }
        }
    }

    private static string Normalize(string text) =>
        string.Join("\n", text.Split('\n').Select(l => string.Join(" ", l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).Where(l => l.Length > 0));
}
