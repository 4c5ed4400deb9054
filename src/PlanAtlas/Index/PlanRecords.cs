using System.Globalization;
using PlanAtlas.Model;
using PlanAtlas.Render;
using PlanAtlas.Render.Views;

namespace PlanAtlas.Index;

/// <summary>
/// Search records for plans, from the model rather than from the rendered pages, so only the plan's own text
/// is indexed (no metadata table, page chrome or removed web-page text) and each item is a result of its own.
/// </summary>
public sealed class PlanRecords(UiStrings strings)
{
    /// <summary>
    /// The filters a researcher narrows by, in the order the search page shows them. Values are the labels people
    /// read (山西省, 县级, 工作要点) so that a search URL such as search/?q=燃气&amp;level=县级 reads naturally.
    /// </summary>
    public static IReadOnlyList<string> FilterNames { get; } = ["province", "city", "level", "year", "kind", "theme"];

    public IEnumerable<SearchRecord> For(Plan plan)
    {
        var row = PlanRow.From(plan, new SiteUrls("/"), strings);
        var filters = Filters(plan, row);
        var region = plan.Region is { } r
            ? string.Join(" ", new[] { r.ProvinceName, r.CityName, r.CountyName }.Where(n => !string.IsNullOrEmpty(n)).Distinct())
            : "";
        var meta = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = plan.Title,
            ["plan"] = plan.Id,
            ["region"] = region,
            ["year"] = row.Year,
            ["kind"] = row.KindLabel,
            ["level"] = row.LevelLabel,
        };
        var sort = row.Year.Length > 0 ? new Dictionary<string, string> { ["year"] = row.Year } : new Dictionary<string, string>();
        var planUrl = "/" + SiteUrls.PlanPath(plan.Id);

        var text = string.Join("\n", new[] { plan.Title }.Concat(plan.Items.Select(i => i.Text.Trim())));
        yield return new SearchRecord(planUrl, SearchText.Separate(text), meta, With(filters, SearchRecordType.Plan), sort);

        foreach (var item in plan.Items)
        {
            if (item.Text.Trim().Length == 0) continue;
            var itemMeta = new Dictionary<string, string>(meta, StringComparer.Ordinal)
            {
                ["item"] = item.Id,
                ["path"] = item.Path,
                ["heading"] = item.Heading,
            };
            yield return new SearchRecord(planUrl + "#" + Uri.EscapeDataString(item.Id), SearchText.Separate(item.Text.Trim()), itemMeta,
                With(filters, SearchRecordType.Item), sort);
        }
    }

    private static Dictionary<string, IReadOnlyList<string>> Filters(Plan plan, PlanRow row)
    {
        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["plan"] = [plan.Id] };
        void Add(string name, string? value) { if (!string.IsNullOrWhiteSpace(value)) filters[name] = [value]; }
        Add("province", row.Province);
        Add("city", row.City);
        Add("level", row.LevelLabel);
        Add("year", row.Year);
        Add("kind", row.KindLabel);
        // theme: add the plan's theme labels here once the model carries them, e.g. filters["theme"] = plan.Themes…
        return filters;
    }

    private static Dictionary<string, IReadOnlyList<string>> With(Dictionary<string, IReadOnlyList<string>> filters, string type) =>
        new(filters, StringComparer.Ordinal) { ["type"] = [type] };
}
