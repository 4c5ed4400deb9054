using System.Text;
using System.Text.Json;
using PlanAtlas.Model;
using PlanAtlas.Render;
using PlanAtlas.Render.Views;

namespace PlanAtlas.Index;

/// <summary>
/// Search records for plans, from the model rather than from the rendered pages, so only the plan's own text
/// is indexed (no metadata table, page chrome or removed web-page text), with the spans of its items so each
/// item that contains a term is listed under its plan and links to its anchor.
/// </summary>
/// <param name="themesOf">The names of the themes a plan's items are tagged with (the theme filter); none without theme analysis.</param>
public sealed class PlanRecords(UiStrings strings, Func<Plan, IReadOnlyList<string>>? themesOf = null)
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
        if (themesOf?.Invoke(plan) is { Count: > 0 } themes) filters["theme"] = themes;
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

        // One record per plan; its items are spans of the plan's text. The span list travels in the record's
        // meta, so the search page finds the items that contain a term in the text it has already loaded:
        // no search or download per item (with a record per item, 2,000 plans made 184,000 records and every
        // query took seconds). Pagefind folds whitespace runs into one space; the text is folded the same way
        // first, so the spans' lengths hold in the browser.
        var title = FoldWhitespace(plan.Title);
        var spans = new List<object[]>();
        var text = new StringBuilder(title);
        foreach (var item in plan.Items)
        {
            var itemText = FoldWhitespace(item.Text);
            if (itemText.Length == 0) continue;
            text.Append(' ').Append(itemText);
            spans.Add([item.Id, item.Path, FoldWhitespace(item.Heading), itemText.Length]);
        }
        meta["items"] = JsonSerializer.Serialize(new { title = title.Length, items = spans }, SpanJson);
        yield return new SearchRecord(planUrl, SearchText.Separate(text.ToString()), meta, With(filters, SearchRecordType.Plan), sort);
    }

    private static readonly JsonSerializerOptions SpanJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Whitespace runs as one space, trimmed: what Pagefind stores for a record's text.</summary>
    public static string FoldWhitespace(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static Dictionary<string, IReadOnlyList<string>> Filters(Plan plan, PlanRow row)
    {
        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["plan"] = [plan.Id] };
        void Add(string name, string? value) { if (!string.IsNullOrWhiteSpace(value)) filters[name] = [value]; }
        Add("province", row.Province);
        Add("city", row.City);
        Add("level", row.LevelLabel);
        Add("year", row.Year);
        Add("kind", row.KindLabel);
        return filters;
    }

    private static Dictionary<string, IReadOnlyList<string>> With(Dictionary<string, IReadOnlyList<string>> filters, string type) =>
        new(filters, StringComparer.Ordinal) { ["type"] = [type] };
}
