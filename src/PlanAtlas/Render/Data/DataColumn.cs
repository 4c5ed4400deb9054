namespace PlanAtlas.Render.Data;

/// <summary>
/// One column of a data download: its header and how to get its value. Later stages append their own columns
/// (themes, cluster) through <see cref="DataExportOptions"/>; the base columns keep their order.
/// </summary>
public sealed record DataColumn<T>(string Name, Func<T, string> Value);

/// <summary>A plan and one of its items: the row source of items.csv.</summary>
public readonly record struct PlanItem(PlanAtlas.Model.Plan Plan, PlanAtlas.Model.Item Item);

public sealed record DataExportOptions
{
    public static DataExportOptions Default { get; } = new();

    /// <summary>Columns appended after the base columns of plans.csv, in this order.</summary>
    public IReadOnlyList<DataColumn<PlanAtlas.Model.Plan>> ExtraPlanColumns { get; init; } = [];

    /// <summary>Columns appended after the base columns of items.csv, in this order.</summary>
    public IReadOnlyList<DataColumn<PlanItem>> ExtraItemColumns { get; init; } = [];
}
