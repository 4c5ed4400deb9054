namespace PlanAtlas.Index;

/// <summary>
/// Search documents for the site's other pages (region and year indexes, Markdown pages, theme and cluster pages):
/// the text of the element each page's layout marks with <c>data-search-body</c> (<see cref="PageText"/>).
/// Plans are not read here: <see cref="PlanDocuments"/> indexes them from the model.
/// </summary>
public static class PageDocuments
{
    /// <summary>
    /// The characters of a page's text that are indexed (and fetched when it is a result). Longer pages are lists of
    /// plans (a year's plans run to 40,000 characters at 10,000 plans), whose plans are found themselves; the cap
    /// keeps what one result costs a query bounded.
    /// </summary>
    public const int MaxText = 20_000;

    /// <param name="sitePath">The page's path in the site, e.g. "regions/140000/".</param>
    public static SearchDocument? From(string sitePath, string html) => From(sitePath, PageText.Extract(html));

    /// <summary>The document of a page whose title and text were extracted before (<see cref="PageText.Extract"/>, <see cref="PageTextMemo"/>).</summary>
    public static SearchDocument? From(string sitePath, (string Title, string Text)? page)
    {
        if (page is not var (title, text) || text.Length == 0) return null;
        if (text.Length > MaxText) text = text[..(char.IsHighSurrogate(text[MaxText - 1]) ? MaxText - 1 : MaxText)];
        return new SearchDocument("/" + sitePath, title.Length > 0 ? title : sitePath, SearchDocumentType.Page, [], text,
            new Dictionary<string, string>(), new Dictionary<string, IReadOnlyList<string>>());
    }
}
