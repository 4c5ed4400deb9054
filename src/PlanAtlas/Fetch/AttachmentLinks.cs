using AngleSharp.Dom;
using PlanAtlas.Read;

namespace PlanAtlas.Fetch;

/// <summary>A plan file a page links to.</summary>
/// <param name="Extension">Lower case with its dot: ".pdf".</param>
internal sealed record AttachmentLink(Uri Url, string Text, string Extension)
{
    /// <summary>The formats a plan is published in (a spreadsheet or an archive is a table or a bundle, not the plan).</summary>
    public bool IsDocument => Extension is ".pdf" or ".docx" or ".doc" or ".wps" or ".ofd";
}

/// <summary>
/// The plan files a page links: links whose path, query (download.jsp?filename=x.pdf) or text names one of the
/// formats plans are published in. Only http(s) links, each address once, in page order.
/// </summary>
internal static class AttachmentLinks
{
    public static readonly string[] Extensions = [".pdf", ".doc", ".docx", ".wps", ".xls", ".xlsx", ".ofd", ".zip"];

    /// <param name="baseHref">The page's &lt;base href&gt;, which relative links resolve against when it is given.</param>
    public static List<AttachmentLink> Find(IEnumerable<IElement> anchors, Uri pageUrl, string? baseHref)
    {
        var resolveAgainst = baseHref is not null && Uri.TryCreate(pageUrl, baseHref.Trim(), out var b) && b.Scheme is "http" or "https" ? b : pageUrl;
        var links = new List<AttachmentLink>();
        foreach (var a in anchors)
        {
            var href = a.GetAttribute("href")?.Trim() ?? "";
            if (href.Length == 0 || href.StartsWith('#') || !Uri.TryCreate(resolveAgainst, href, out var url) || url.Scheme is not ("http" or "https")) continue;
            url = new UriBuilder(url) { Fragment = "" }.Uri;
            var text = Whitespace.Collapse(a.TextContent) is { Length: > 0 } t ? t : Whitespace.Collapse(a.GetAttribute("title") ?? "");
            if (ExtensionOf(url, text) is not { } extension || links.Any(l => l.Url == url)) continue;
            links.Add(new AttachmentLink(url, text, extension));
        }
        return links;
    }

    private static string? ExtensionOf(Uri url, string text)
    {
        string? Known(string s)
        {
            var e = Path.GetExtension(s.Trim()).ToLowerInvariant();
            return Extensions.Contains(e) ? e : null;
        }
        return Known(Uri.UnescapeDataString(url.AbsolutePath))
            ?? url.Query.TrimStart('?').Split('&').Select(p => Known(Uri.UnescapeDataString(p.Split('=', 2)[^1]))).FirstOrDefault(e => e is not null)
            ?? Known(text);
    }
}
