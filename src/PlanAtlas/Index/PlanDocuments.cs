using PlanAtlas.Model;
using PlanAtlas.Render;
using PlanAtlas.Render.Views;

namespace PlanAtlas.Index;

/// <summary>
/// Search documents for plans, from the model rather than from the rendered pages, so only the plan's own text
/// is indexed (no metadata table, page chrome or removed web-page text), with its items so that each item that
/// contains a term is listed under its plan and links to its anchor.
/// </summary>
/// <param name="themesOf">The names of the themes a plan's items are tagged with (the theme filter); none without theme analysis.</param>
public sealed class PlanDocuments(UiStrings strings, Func<Plan, IReadOnlyList<string>>? themesOf = null)
{
    /// <summary>
    /// The filters a researcher narrows by, in the order the search page shows them. Values are the labels people
    /// read (山西省, 县级, 工作要点) so that a search URL such as search/?q=燃气&amp;level=县级 reads naturally.
    /// </summary>
    public static IReadOnlyList<string> FilterNames { get; } = ["province", "city", "level", "year", "kind", "theme"];

    public SearchDocument For(Plan plan)
    {
        var row = PlanRow.From(plan, new SiteUrls("/"), strings);
        var facets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        void Add(string name, string? value) { if (!string.IsNullOrWhiteSpace(value)) facets[name] = [value]; }
        Add("province", row.Province);
        Add("city", row.City);
        Add("level", row.LevelLabel);
        Add("year", row.Year);
        Add("kind", row.KindLabel);
        if (themesOf?.Invoke(plan) is { Count: > 0 } themes) facets["theme"] = themes;

        var region = plan.Region is { } r
            ? string.Join(" ", new[] { r.ProvinceName, r.CityName, r.CountyName }.Where(n => !string.IsNullOrEmpty(n)).Distinct())
            : "";
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["region"] = region,
            ["year"] = row.Year,
            ["level"] = row.LevelLabel,
            ["kind"] = row.KindLabel,
        };
        var items = plan.Items
            .Select(i => new SearchItem(i.Id, i.Path, SearchText.Fold(i.Heading), SearchText.Fold(i.Text)))
            .Where(i => i.Text.Length > 0)
            .ToList();
        return new SearchDocument("/" + SiteUrls.PlanPath(plan.Id), SearchText.Fold(plan.Title), SearchDocumentType.Plan, items, "", facts, facets);
    }
}
