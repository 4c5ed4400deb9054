namespace PlanAtlas.Index;

/// <summary>
/// One search result: a plan, whose <see cref="Items"/> each link to their anchor, or another page of the site,
/// whose text is <see cref="Body"/>. <see cref="Url"/> is site-relative ("/plans/420700-2018/"); the search page
/// puts the base path in front. <see cref="Facets"/> are what the filters narrow by (plans only).
/// </summary>
public sealed record SearchDocument(
    string Url,
    string Title,
    string Type,
    IReadOnlyList<SearchItem> Items,
    string Body,
    IReadOnlyDictionary<string, string> Facts,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Facets)
{
    /// <summary>
    /// The text a query is matched against: a plan's title, then each item on a line of its own, so that a term
    /// never runs from one item into the next; a page's text, heading included. The search page rebuilds the same
    /// text from the document's file (theme/assets/js/search.js, documentText).
    /// </summary>
    public string Text => Type == SearchDocumentType.Plan ? string.Join('\n', Items.Select(i => i.Text).Prepend(Title)) : Body;
}

/// <summary>An item of a plan as the search lists it under its plan: anchor id, outline path, heading, text.</summary>
public sealed record SearchItem(string Id, string Path, string Heading, string Text);

/// <summary>The search page lists plans and other pages apart.</summary>
public static class SearchDocumentType
{
    public const string Plan = "plan", Page = "page";
}
