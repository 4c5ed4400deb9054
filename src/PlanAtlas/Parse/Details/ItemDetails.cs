using PlanAtlas.Model;
using PlanAtlas.Parse.Outline;

namespace PlanAtlas.Parse.Details;

/// <summary>
/// Turns item drafts into records with their details: responsible units, deadlines, quantified targets,
/// citations and slogans. Details come from the text an item owns, so an item split into 一是… sub-items does
/// not count its sub-items' deadlines twice; a sub-item without its own units inherits its parent's.
/// </summary>
internal static class ItemDetails
{
    public static IReadOnlyList<Item> Complete(IReadOnlyList<ItemDraft> drafts, int? planYear)
    {
        var units = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var items = new List<Item>(drafts.Count);
        foreach (var d in drafts)
        {
            var own = d.Kind == ItemKind.TableRow && d.Table is { } row
                ? string.Join("\n", new[] { row.Content }.Concat(row.Other.Select(o => o.Value)))
                : d.OwnText;
            // A table with 牵头单位 and 配合单位 columns names units in both.
            var unitsText = d.Table is { } t && t.Other.Where(o => o.Key.Contains("单位") || o.Key.Contains("部门")).Select(o => o.Value).ToList() is { Count: > 0 } more
                ? string.Join("、", new[] { d.UnitsText }.Where(x => x is not null).Concat(more))
                : d.UnitsText;
            // Units named mid-text (…（农业农村处负责）；推动…（各联合党委负责）) count as well as the closing ones.
            var texts = d.Kind == ItemKind.TableRow ? [] : ResponsibleUnits.FindAll(own).ToList();
            if (unitsText is not null && !texts.Contains(unitsText)) texts.Add(unitsText);
            IReadOnlyList<string> responsible = texts.SelectMany(ResponsibleUnits.Split).Distinct(StringComparer.Ordinal).ToList();
            if (responsible.Count == 0 && d.Kind == ItemKind.SubItem && d.ParentId is { } p && units.TryGetValue(p, out var inherited))
                responsible = inherited;
            units[d.Id] = responsible;
            items.Add(new Item(d.Id, d.Path, d.Level, d.Kind, d.Marker, d.Heading, d.Text, d.ParentId, d.Line)
            {
                ResponsibleUnits = responsible,
                Deadlines = Deadlines.Find(own, planYear),
                Targets = Targets.Find(own),
                Citations = Quotations.Citations(own),
                Slogans = Quotations.Slogans(own),
                Spans = d.Spans.ToList(),
                Table = d.Table,
            });
        }
        return items;
    }
}
