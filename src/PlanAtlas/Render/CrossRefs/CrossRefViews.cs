using PlanAtlas.Render.Compare;
using PlanAtlas.Render.Views;

namespace PlanAtlas.Render.CrossRefs;

/// <summary>One appearance, as a step of a timeline.</summary>
public sealed record MentionView(string Year, ItemLinkView Item, string AsWritten);

/// <param name="Url">The entry's own page, where it has one (cited documents); empty otherwise.</param>
/// <param name="Timeline">Every appearance, earliest first: the first is where it enters the corpus.</param>
public sealed record CrossRefRow(string Key, string Url, int Plans, int Mentions, string FirstYear, string FirstPlan,
    IReadOnlyList<MentionView> Timeline, IReadOnlyList<string> Variants)
{
    /// <summary>Appearances after the last one <see cref="Timeline"/> shows (they are in the CSV).</summary>
    public int MoreSteps { get; init; }
}

/// <param name="Kind">"citations", "slogans", "units" or "reuse": picks the columns the template shows.</param>
/// <param name="WithinPlan">Reuse page only: plans that repeat their own text, with the number of links.</param>
public sealed record CrossRefIndexModel(string Kind, string Heading, string Intro, IReadOnlyList<CrossRefRow> Rows, string CsvUrl,
    IReadOnlyList<LinkCount> WithinPlan)
{
    /// <summary>Entries in the whole index; <see cref="Rows"/> are the first of them.</summary>
    public int Total { get; init; }
    public int WithinPlanTotal { get; init; }
}

public sealed record CrossRefDetailModel(string Kind, CrossRefRow Row, string IndexUrl);
