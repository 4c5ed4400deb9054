using PlanAtlas.Model;
using PlanAtlas.Parse.Regions;

namespace PlanAtlas.Tests.Analyze.Reuse;

/// <summary>Builds Plan and Item records directly, with the fields the parser will fill (units, citations, slogans).</summary>
public static class TestPlans
{
    public static Plan Plan(string id, int? year, string? regionCode, params Item[] items)
    {
        var metadata = new PlanMetadata
        {
            Title = new Sourced<string>($"{id} 安全生产工作要点", Provenance.Manifest),
            Year = year is { } y ? new Sourced<int>(y, Provenance.Manifest) : null,
            Region = regionCode is null ? null : new Sourced<Region>(Gazetteer.Default.ByCode(regionCode)!, Provenance.Manifest),
        };
        return new Plan(id, id + ".txt", metadata, items, [], []);
    }

    public static Item Item(string id, string text, int line = 1, ItemKind kind = ItemKind.Item, string? parent = null) =>
        new(id, id, parent is null ? 1 : 2, kind, null, "", text, parent, line);

    /// <summary>A plan of one item per text, item ids i1, i2 … and lines 1, 2 ….</summary>
    public static Plan Texts(string id, int? year, string? regionCode, params string[] texts) =>
        Plan(id, year, regionCode, texts.Select((t, i) => Item($"i{i + 1}", t, i + 1)).ToArray());
}
