using System.Globalization;
using PlanAtlas.Model;
using PlanAtlas.Render.Charts;

namespace PlanAtlas.Render.Themes;

/// <summary>
/// The theme analysis as data files: data/themes.csv (every plan × theme), data/clusters.csv, and the two
/// columns items.csv gains (<see cref="ExtraItemColumns"/>, plugged into the items export).
/// </summary>
public sealed class ThemeData(ThemeAnalysis analysis, string language = UiStrings.DefaultLanguage)
{
    /// <summary>
    /// themes (the subjects' ids), cluster, theme_names (the subjects' names in the site's language), then mentions (the
    /// ids of the themes named in passing). Added at the end, one at a time: columns are a contract.
    /// </summary>
    public static readonly IReadOnlyList<string> ItemColumnNames = ["themes", "cluster", "theme_names", "mentions"];

    /// <summary>The same columns in the form the items export takes them.</summary>
    public IReadOnlyList<Data.DataColumn<Data.PlanItem>> ItemColumns() =>
    [
        new(ItemColumnNames[0], row => Themes(new ItemKey(row.Plan.Id, row.Item.Id)), (row, inputs) =>
        {
            var tags = analysis.TagsOf(new ItemKey(row.Plan.Id, row.Item.Id));
            inputs.Add(tags.Count);
            foreach (var tag in tags) inputs.Add(tag.ThemeId).Add(tag.IsSubject);
        }),
        new(ItemColumnNames[1], row => Cluster(new ItemKey(row.Plan.Id, row.Item.Id)), (row, inputs) =>
        {
            var clustered = analysis.Clustering.Assignment.TryGetValue(new ItemKey(row.Plan.Id, row.Item.Id), out var c);
            inputs.Add(clustered).Add(c);
        }),
        new(ItemColumnNames[2], row => ThemeNames(new ItemKey(row.Plan.Id, row.Item.Id)), (row, inputs) =>
        {
            foreach (var tag in analysis.SubjectsOf(new ItemKey(row.Plan.Id, row.Item.Id))) inputs.Add(ThemeName(tag.ThemeId));
        }),
        new(ItemColumnNames[3], row => Mentions(new ItemKey(row.Plan.Id, row.Item.Id)), (row, inputs) =>
        {
            foreach (var tag in analysis.MentionsOf(new ItemKey(row.Plan.Id, row.Item.Id))) inputs.Add(tag.ThemeId);
        }),
    ];

    private string ThemeNames(ItemKey key) => string.Join(';', analysis.SubjectsOf(key).Select(t => ThemeName(t.ThemeId)));

    private string ThemeName(string id) => analysis.Taxonomy.Find(id)?.Name(language) ?? id;

    private string Themes(ItemKey key) => string.Join(';', analysis.SubjectsOf(key).Select(t => t.ThemeId));

    private string Mentions(ItemKey key) => string.Join(';', analysis.MentionsOf(key).Select(t => t.ThemeId));

    private string Cluster(ItemKey key) => analysis.Clustering.Assignment.TryGetValue(key, out var c) ? c.ToString(CultureInfo.InvariantCulture) : "";

    /// <summary>
    /// items.csv's extra columns for one item: `themes` = its subjects' ids in taxonomy order, ';'-separated;
    /// `cluster` = its cluster number, or empty where the item was not clustered (headings, short lines); `mentions` = the
    /// ids of the themes it names in passing.
    /// </summary>
    public IReadOnlyDictionary<string, string> ExtraItemColumns(Plan plan, Item item)
    {
        var key = new ItemKey(plan.Id, item.Id);
        return new Dictionary<string, string>(StringComparer.Ordinal) { ["themes"] = Themes(key), ["cluster"] = Cluster(key), ["theme_names"] = ThemeNames(key), ["mentions"] = Mentions(key) };
    }

    // theme_name and the shares in percent follow the original columns (the CSV is a contract: columns only added at the end).
    private static readonly string[] SharesHeader = ["plan_id", "theme_id", "items", "share_items", "share_chars", "theme_name", "share_items_percent", "share_chars_percent"];

    /// <summary>
    /// data/themes.csv (a row per plan and theme) in parts, a plan's rows per part (<see cref="Data.CsvParts"/>): an edit
    /// moves the edited plan's shares only. Then data/clusters.csv.
    /// </summary>
    public void Write(OutputFolder output)
    {
        var shares = analysis.Shares.OrderBy(s => s.PlanId, StringComparer.Ordinal).ThenBy(s => s.ThemeId, StringComparer.Ordinal).ToList();
        Data.CsvParts.Write(output, "data/themes.csv", SharesHeader, Data.CsvParts.Runs(shares.Count, (i, j) => shares[i].PlanId == shares[j].PlanId),
            (start, count) =>
            {
                using var inputs = PageInputs.Part();
                inputs.Add("themes.csv").Add(2).Add(count);
                for (var i = start; i < start + count; i++)
                    inputs.Add(shares[i].PlanId).Add(shares[i].ThemeId).Add(shares[i].Items).Add(shares[i].ShareItems).Add(shares[i].ShareChars);
                return inputs.Digest();
            },
            (writer, start, count) =>
            {
                for (var i = start; i < start + count; i++)
                {
                    var s = shares[i];
                    Data.CsvText.Record(writer, [s.PlanId, s.ThemeId, Int(s.Items), Num(s.ShareItems), Num(s.ShareChars), ThemeName(s.ThemeId),
                        Data.PercentColumns.Percent(Num(s.ShareItems)), Data.PercentColumns.Percent(Num(s.ShareChars))], Data.CsvText.Quoting.Default);
                }
            });
        output.WriteBytes("data/clusters.csv", ChartWriter.Csv(["cluster", "label", "size", "top_terms"],
            analysis.Clustering.Clusters.Select(c => (IReadOnlyList<string>)[Int(c.Number), c.Label, Int(c.Size), string.Join(';', c.TopTerms)])));
    }

    internal static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);
    internal static string Num(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
