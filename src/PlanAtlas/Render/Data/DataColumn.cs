namespace PlanAtlas.Render.Data;

/// <summary>
/// One column of a data download: its header and how to get its value. Later stages append their own columns
/// (themes, cluster) through <see cref="DataExportOptions"/>; the base columns keep their order.
/// </summary>
/// <param name="Source">
/// Adds what the value is made from to a part's key without making the value (an incremental build keys every plan's
/// rows of items.csv by its items' values of the added columns); null: the value itself is added.
/// </param>
public sealed record DataColumn<T>(string Name, Func<T, string> Value, Action<T, PageInputs>? Source = null)
{
    /// <summary>Adds the value, or what it is made from, to <paramref name="inputs"/>.</summary>
    public void AddTo(T row, PageInputs inputs)
    {
        if (Source is { } source) source(row, inputs);
        else inputs.Add(Value(row));
    }
}

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
