using System.Text;
using System.Text.RegularExpressions;
using PlanAtlas.Model;
using PlanAtlas.Read;

namespace PlanAtlas.Fetch;

/// <summary>
/// A downloaded portal page as fetch needs it, read by the same reader the build uses (so the metadata and the
/// article body are the ones the build will see): the portal's metadata, the plan files it links, and whether
/// the page is the plan or only wraps an attached one.
/// </summary>
/// <param name="Bytes">The page as it is saved: the served bytes, with a &lt;meta charset&gt; added when only the server named the encoding.</param>
/// <param name="IsWrapper">
/// The page only carries an attached plan: it links a document file and its own text is short and has no outline
/// (a 通知 saying 现将《…》印发给你们). Then the attachment is the plan and the page is kept beside it, not built.
/// </param>
/// <param name="NameHint">What the file is named after: the portal's title, else the browser title without the site's name.</param>
internal sealed partial record FetchedPage(byte[] Bytes, PortalFields Fields, string? NameHint, IReadOnlyList<AttachmentLink> Attachments, bool IsWrapper)
{
    /// <summary>A plan's own text: at least this long, or with an outline, it is the plan even when it links files.</summary>
    private const int PlanLength = 1500;

    [GeneratedRegex(@"^[\s\u3000]*(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[）)])")]
    private static partial Regex Heading();

    public static FetchedPage Read(Download download, string name)
    {
        HtmlPage page;
        try
        {
            page = HtmlDocumentReader.ReadPage(download.Body, name, download.Charset);
        }
        catch (DocumentReadException e)
        {
            throw new FetchFailure($"the page cannot be read: {e.Message}");
        }
        var document = page.Document;
        var fields = PortalFields.From(document.ContainerMetadata);
        var attachments = AttachmentLinks.Find(page.Links, download.Url, page.BaseHref);
        var linkTexts = attachments.Select(a => a.Text).ToHashSet(StringComparer.Ordinal);
        var own = document.Lines.Where(l => !linkTexts.Any(t => t.Length > 0 && l.Contains(t, StringComparison.Ordinal))).ToList();
        var outline = own.Count(l => Heading().IsMatch(l));
        var length = own.Sum(l => l.Count(c => !char.IsWhiteSpace(c)));
        var wrapper = attachments.Any(a => a.IsDocument) && outline < 2 && length < PlanLength;
        var hint = fields.Title ?? (document.ContainerMetadata.GetValueOrDefault("html:title") is { } t ? SiteSuffixRemoved(t) : null);
        return new FetchedPage(WithCharset(download, document.Encoding, name), fields, hint, attachments, wrapper);
    }

    private static readonly string[] SiteEndings = ["政府", "网", "网站", "门户", "局", "厅", "委员会", "办公室", "中心"];

    /// <summary>
    /// 宜春市…的通知_宜春市应急管理局 → 宜春市…的通知: the browser title's site name is not the page's title. A dash
    /// cuts only before a site's name, since titles have dashes of their own (2021-2025年).
    /// </summary>
    private static string SiteSuffixRemoved(string title)
    {
        var cut = title.LastIndexOfAny(['_', '|', '｜', '-', '—']);
        if (cut <= 0) return title;
        var site = title[(cut + 1)..].Trim();
        return title[cut] is '_' or '|' or '｜' || SiteEndings.Any(e => site.EndsWith(e, StringComparison.Ordinal)) ? title[..cut].Trim() : title;
    }

    /// <summary>
    /// The bytes to save. A page whose encoding only the server's Content-Type named would be decoded by detection
    /// once saved, perhaps otherwise: a meta tag naming it is added at the start of its head.
    /// </summary>
    private static byte[] WithCharset(Download download, string? encoding, string name)
    {
        if (download.Charset is null || encoding is null || HtmlDecoding.DeclaresItsEncoding(download.Body)) return download.Body;
        try
        {
            if (HtmlDecoding.Decode(download.Body, name).Encoding == encoding) return download.Body;
        }
        catch (DocumentReadException)
        {
            // Unreadable without the server's word: all the more reason to write it down.
        }
        var head = Encoding.Latin1.GetString(download.Body, 0, Math.Min(download.Body.Length, 4096));
        var at = Regex.Match(head, "<head[^>]*>", RegexOptions.IgnoreCase) is { Success: true } m ? m.Index + m.Length : 0;
        var tag = Encoding.ASCII.GetBytes($"<meta charset=\"{encoding}\">");
        return [.. download.Body.AsSpan(0, at), .. tag, .. download.Body.AsSpan(at)];
    }
}
