using System.Globalization;

namespace PlanAtlas.Render;

/// <summary>
/// How big a listing page may grow. A list longer than a page is split (page 1 at the list's own path, page n at
/// {path}page/n/), or, where a list is a sample of something a data file holds whole, cut with a link to that file:
/// no page grows with the corpus, and every plan stays reachable by permalink through region and year pages.
/// </summary>
public static class Paging
{
    /// <summary>Plans per page of a region or year list.</summary>
    public const int RowsPerPage = 100;

    public static string PagePath(string listPath, int page) =>
        page <= 1 ? listPath : $"{listPath}page/{page.ToString(CultureInfo.InvariantCulture)}/";

    /// <summary>The rows in pages of <paramref name="size"/>; always at least one page (an empty list still has its page).</summary>
    public static IEnumerable<ListPage<T>> Split<T>(IReadOnlyList<T> rows, string listPath, SiteUrls urls, int size = RowsPerPage)
    {
        var pages = Math.Max(1, (rows.Count + size - 1) / size);
        for (var page = 1; page <= pages; page++)
        {
            var slice = rows.Skip((page - 1) * size).Take(size).ToList();
            yield return new ListPage<T>(PagePath(listPath, page), slice, pages == 1 ? null : Pager(listPath, page, pages, urls));
        }
    }

    /// <summary>Previous, next, the first and last pages and the two either side of the current one.</summary>
    private static PagerView Pager(string listPath, int page, int pages, SiteUrls urls)
    {
        string Url(int n) => urls.Url(PagePath(listPath, n));
        var shown = new SortedSet<int> { 1, pages };
        for (var n = Math.Max(1, page - 2); n <= Math.Min(pages, page + 2); n++) shown.Add(n);
        var links = new List<PageLink>();
        var previous = 0;
        foreach (var n in shown)
        {
            if (n > previous + 1) links.Add(new PageLink(0, "", false));
            links.Add(new PageLink(n, Url(n), n == page));
            previous = n;
        }
        return new PagerView(page, pages, page > 1 ? Url(page - 1) : null, page < pages ? Url(page + 1) : null, links);
    }
}

public sealed record ListPage<T>(string SitePath, IReadOnlyList<T> Rows, PagerView? Pager)
{
    public int Number => Pager?.Page ?? 1;
}

/// <param name="Links">Page numbers to show; a link with <see cref="PageLink.Number"/> 0 stands for a gap (…).</param>
public sealed record PagerView(int Page, int Pages, string? PreviousUrl, string? NextUrl, IReadOnlyList<PageLink> Links);

public sealed record PageLink(int Number, string Url, bool Current);
