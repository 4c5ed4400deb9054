namespace PlanAtlas.Index;

/// <summary>
/// Search documents for the site's other pages (region and year indexes, Markdown pages, theme and cluster pages):
/// the text of the element each page's layout marks with <c>data-search-body</c> (<see cref="PageText"/>).
/// Plans are not read here: <see cref="PlanDocuments"/> indexes them from the model.
/// </summary>
public static class PageDocuments
{
    /// <param name="sitePath">The page's path in the site, e.g. "regions/140000/".</param>
    public static SearchDocument? From(string sitePath, string html)
    {
        if (PageText.Extract(html) is not var (title, text) || text.Length == 0) return null;
        return new SearchDocument("/" + sitePath, title.Length > 0 ? title : sitePath, SearchDocumentType.Page, [], text,
            new Dictionary<string, string>(), new Dictionary<string, IReadOnlyList<string>>());
    }
}
