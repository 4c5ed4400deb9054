using PlanAtlas.Model;

namespace PlanAtlas.Parse;

/// <summary>
/// Permalink ids: region code and year (420700-2018); a second plan of the same region and year gets -2, in
/// the order of their file names so the ids do not depend on reading order. Without a region or year the
/// id falls back to the file name, still readable and stable.
/// </summary>
public static class PlanIds
{
    public static IReadOnlyList<Plan> Assign(IEnumerable<Plan> plans)
    {
        var ordered = plans.OrderBy(p => p.SourceFile, StringComparer.Ordinal).ToList();
        var taken = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<Plan>(ordered.Count);
        foreach (var plan in ordered)
        {
            var baseId = plan.Region is { } r && plan.Year is { } y
                ? $"{r.Code}-{y}"
                : Slugs.ForPath(Path.GetFileNameWithoutExtension(plan.SourceFile));
            var n = taken[baseId] = taken.GetValueOrDefault(baseId) + 1;
            result.Add(plan with { Id = n == 1 ? baseId : $"{baseId}-{n}" });
        }
        return result;
    }
}
