using System.Globalization;
using PlanAtlas.Analyze.Tasks;
using PlanAtlas.Model;

namespace PlanAtlas.Render.Views;

/// <summary>One plan as a row of a list (home, region and year pages). Plain strings: templates escape them.</summary>
/// <param name="ItemCount">The plan's tasks (<see cref="PlanTasks"/>): the count every page shows.</param>
public sealed record PlanRow(
    string Id, string Url, string Title, string Region, string Province, string City, string County,
    string RegionCode, string Level, string LevelLabel, string Year, string Issuer, string Kind, string KindLabel, int ItemCount)
{
    public static PlanRow From(Plan plan, SiteUrls urls, UiStrings t)
    {
        var region = plan.Region;
        var level = region?.Level ?? AdminLevel.Unknown;
        var kind = plan.Metadata.Kind?.Value ?? PlanKind.Other;
        return new PlanRow(
            plan.Id, urls.Url(SiteUrls.PlanPath(plan.Id)), plan.Title,
            region?.Name ?? "", region?.ProvinceName ?? "", region?.CityName ?? "", region?.CountyName ?? "",
            region?.Code ?? "", level.ToString().ToLowerInvariant(), t[$"level.{level.ToString().ToLowerInvariant()}"],
            plan.Year?.ToString(CultureInfo.InvariantCulture) ?? "", plan.Metadata.Issuer?.Value ?? "",
            kind.ToString().ToLowerInvariant(), t[$"kind.{kind.ToString().ToLowerInvariant()}"],
            PlanTasks.Of(plan).Count);
    }
}

/// <summary>A metadata value with where it came from, for the plan page's metadata table.</summary>
public sealed record MetadataField(string Label, string Value, string Source, string? Note);

public sealed record ItemView(
    string Id, string Kind, int Level, string Path, string Marker, string Heading, string Body,
    IReadOnlyList<string> ResponsibleUnits, IReadOnlyList<string> Deadlines, IReadOnlyList<string> Targets,
    IReadOnlyList<string> Citations, IReadOnlyList<string> Slogans)
{
    public static ItemView From(Item item)
    {
        var text = item.Text.Trim();
        var marker = item.Marker?.Trim() ?? "";
        var rest = marker.Length > 0 && text.StartsWith(marker, StringComparison.Ordinal) ? text[marker.Length..] : text;
        var heading = item.Heading.Length > 0 && rest.StartsWith(item.Heading, StringComparison.Ordinal) ? item.Heading : "";
        var body = rest[heading.Length..];
        if (item.Kind == ItemKind.Section) { heading = rest; body = ""; }
        return new ItemView(item.Id, item.Kind.ToString().ToLowerInvariant(), Math.Clamp(item.Level, 0, 6), item.Path, marker, heading, body,
            item.ResponsibleUnits, item.Deadlines.Select(d => d.Date is { } date ? $"{d.Text}（{date:yyyy-MM-dd}）" : d.Text).ToList(),
            item.Targets, item.Citations, item.Slogans);
    }
}

public sealed record PlanPageModel(
    PlanRow Plan,
    IReadOnlyList<MetadataField> Metadata,
    IReadOnlyList<ItemView> Items,
    IReadOnlyList<ItemView> Outline,
    IReadOnlyList<RemovedText> Removed,
    IReadOnlyList<string> Diagnostics,
    IReadOnlyList<string> SourceLines,
    string? SourceUrl)
{
    /// <summary>Item id → its closest items elsewhere (the analyze stage's reuse detection); empty without it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Compare.SeeAlsoView>> SeeAlso { get; init; } = new Dictionary<string, IReadOnlyList<Compare.SeeAlsoView>>();
    /// <summary>The plan's compare page, when one was rendered.</summary>
    public string? CompareUrl { get; init; }
    /// <summary>The plan's theme shares (Render/Themes); null when themes were not analysed.</summary>
    public Themes.ThemeProfileModel? ThemeProfile { get; init; }
    /// <summary>Said above the text when it was recognised from page images (OCR), with the engine's confidence.</summary>
    public string? RecognitionNote { get; init; }
}

public sealed record ListPageModel(string Heading, string? Intro, IReadOnlyList<PlanRow> Plans, IReadOnlyList<LinkCount> Children)
{
    /// <summary>Plans in the whole list, when <see cref="Plans"/> is one page of it.</summary>
    public int Total { get; init; }
    public PagerView? Pager { get; init; }
}

/// <summary>A link with a count, e.g. a province and its number of plans.</summary>
public sealed record LinkCount(string Title, string Url, int Count);

public sealed record HomePageModel(IReadOnlyList<PlanRow> Plans, IReadOnlyList<string> Years, IReadOnlyList<string> Provinces,
    IReadOnlyList<LinkCount> Levels, int ItemCount)
{
    /// <summary>The trends dashboard (Render/Themes); null when themes were not analysed.</summary>
    public Themes.DashboardModel? Dashboard { get; init; }

    /// <summary>Plans in the corpus; more than <see cref="Plans"/> when the table shows only the newest.</summary>
    public int Total { get; init; }
}

public sealed record ContentPageModel(string Html);
