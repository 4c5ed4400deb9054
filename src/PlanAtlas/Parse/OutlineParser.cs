using PlanAtlas.Model;

namespace PlanAtlas.Parse;

/// <summary>
/// Builds the flat item list from body lines. Each numbered line opens an item at its level; unnumbered
/// lines become paragraphs under the innermost open item. Levels may be skipped (一、 then 1.) and numbers
/// may run on across sections (1.–36.): the level comes from the marker's form, not from its neighbours.
/// </summary>
public static class OutlineParser
{
    public static IReadOnlyList<Item> Parse(IReadOnlyList<ParagraphBlock> lines)
    {
        var items = new List<Item>();
        var open = new Item?[5]; // open[level] = innermost open item at that level (1..4)
        var ids = new Slugs.UniqueIds();
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line.Text)) continue;
            var marker = OutlineMarker.Match(line.Text);
            if (marker is null)
            {
                var parent = open.LastOrDefault(o => o is not null);
                items.Add(new Item(ids.Claim($"p{line.Line}"), parent?.Path ?? "", (parent?.Level ?? 0) + 1,
                    ItemKind.Paragraph, null, "", line.Text, parent?.Id, line.Line));
                continue;
            }
            for (var l = marker.Level; l < open.Length; l++) open[l] = null;
            var up = open.Take(marker.Level).LastOrDefault(o => o is not null);
            var numberPath = up is null ? marker.Number.ToString() : $"{up.Id}-{marker.Number}";
            var rest = line.Text.TrimStart()[marker.Text.Length..];
            var isSection = marker.Level == 1;
            var item = new Item(
                ids.Claim(numberPath),
                (up is null ? "" : up.Path + ".") + marker.Text.TrimEnd('、', '.', '．'),
                marker.Level,
                isSection ? ItemKind.Section : ItemKind.Item,
                marker.Text,
                isSection ? rest.Trim() : LeadPhrase(rest),
                line.Text,
                up?.Id,
                line.Line);
            items.Add(item);
            open[marker.Level] = item;
        }
        return items;
    }

    /// <summary>The item's lead phrase: text up to the first full stop, when that is short enough to be a heading.</summary>
    public static string LeadPhrase(string rest)
    {
        var stop = rest.IndexOfAny(['。', '；', ';', '：']);
        return stop is > 0 and <= 40 ? rest[..stop].Trim() : "";
    }
}
