namespace PlanAtlas.Index;

/// <summary>
/// One search result as Pagefind stores it: a plan (with the spans of its items, see <see cref="PlanRecords"/>)
/// or another page of the site. <see cref="Url"/> is site-relative ("/plans/420700-2018/#x"); the search page
/// puts the base path in front. <see cref="Content"/> is already <see cref="SearchText.Separate"/>d.
/// </summary>
public sealed record SearchRecord(
    string Url,
    string Content,
    IReadOnlyDictionary<string, string> Meta,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    IReadOnlyDictionary<string, string> Sort);

/// <summary>The values of the <c>type</c> filter, which the search page uses to group results.</summary>
public static class SearchRecordType
{
    public const string Plan = "plan", Page = "page";
}
