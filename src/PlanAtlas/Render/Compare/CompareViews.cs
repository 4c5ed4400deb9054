using System.Text;
using System.Text.Json.Serialization;
using Scriban.Functions;
using PlanAtlas.Render.Charts;
using PlanAtlas.Render.Views;

namespace PlanAtlas.Render.Compare;

/// <param name="Similarity">The similarity the group chose the peer by (text, or theme profile), as printed.</param>
public sealed record PeerView(string Id, string Title, string Url, string CompareUrl, string Region, string Year, string Similarity)
{
    /// <summary>The theme-profile similarity too, where one table stands for both choices (empty otherwise).</summary>
    public string ThemeSimilarity { get; init; } = "";
}

/// <summary>One of the plan's items with its closest item in a peer, aligned character by character.</summary>
/// <param name="Alignment">
/// The alignment, made when a template first reads <see cref="Segments"/> (null: listed as links only). Lazy because
/// an incremental build renders only pages whose model changed, and the alignment is a function of the two texts the
/// model already holds: an unchanged page never needs it. Shared by the groups that show the same pair.
/// </param>
public sealed record CounterpartView(ItemLinkView Mine, ItemLinkView Theirs, string Score, bool Reused,
    [property: JsonIgnore] Lazy<IReadOnlyList<DiffSegmentView>>? Alignment)
{
    public bool SideBySide => Alignment is not null;

    [JsonIgnore]
    public IReadOnlyList<DiffSegmentView> Segments => Alignment?.Value ?? [];

    /// <summary>
    /// The plan's side of <see cref="Segments"/> as HTML: the common runs, and its own runs in &lt;del&gt;, escaped with
    /// Scriban's html.escape. Made here rather than by a loop in the template: the loop over every run of the eight pairs
    /// of five groups was a large part of rendering a compare page (a theme can still loop over <see cref="Segments"/>).
    /// </summary>
    [JsonIgnore]
    public string MineHtml => SideHtml("delete", "del");

    /// <summary>The peer's side, as <see cref="MineHtml"/>: the common runs, and its own runs in &lt;ins&gt;.</summary>
    [JsonIgnore]
    public string TheirsHtml => SideHtml("insert", "ins");

    private string SideHtml(string own, string tag)
    {
        var segments = Segments;
        if (segments.Count == 0) return "";
        var html = new StringBuilder();
        foreach (var segment in segments)
        {
            if (segment.Op == "equal") html.Append(HtmlFunctions.Escape(segment.Text));
            else if (segment.Op == own) html.Append('<').Append(tag).Append('>').Append(HtmlFunctions.Escape(segment.Text)).Append("</").Append(tag).Append('>');
        }
        return html.ToString();
    }
}

/// <summary>A theme's share in this plan and in the peers (mean), in percent.</summary>
public sealed record ThemeShareView(string Theme, string Plan, string Peers, string Difference)
{
    /// <summary>The theme's name in the site's language (<see cref="Theme"/> is its id).</summary>
    public string Name { get; init; } = Theme;
}

public sealed record PeerGroupView(
    string Kind, string Label, string Description,
    IReadOnlyList<PeerView> Peers,
    IReadOnlyList<ThemeShareView> Themes,
    IReadOnlyList<string> ThemesOnlyHere,
    IReadOnlyList<string> ThemesOnlyInPeers,
    IReadOnlyList<CounterpartView> Shared,
    IReadOnlyList<ItemLinkView> Unique)
{
    /// <summary>The group the switcher starts on: the first one that has peers.</summary>
    public bool Selected { get; init; }

    /// <summary>Counterparts beyond the closest few, listed as links without the side-by-side text (their segments are empty).</summary>
    public IReadOnlyList<CounterpartView> MoreShared { get; init; } = [];

    /// <summary>The peers table's similarity column: what the group chose its files by.</summary>
    public string SimilarityHeading { get; init; } = "";

    /// <summary>A second similarity column (theme profile) where the text and theme choices gave the same files; empty otherwise.</summary>
    public string ThemeSimilarityHeading { get; init; } = "";

    /// <summary>In words: the themes the plan differs most on from this group, by how much.</summary>
    public string ThemeSummary { get; init; } = "";
}

/// <param name="ThemeChart">The plan's theme profile minus the first group's mean; null when there are no theme profiles.</param>
public sealed record ComparePageModel(PlanRow Plan, IReadOnlyList<PeerGroupView> Groups, BarChartView? ThemeChart)
{
    /// <summary>The plan's tasks no peer of any group has close wording for, most distinctive first (at most ComparePages.DistinctiveShown).</summary>
    public IReadOnlyList<ItemLinkView> Distinctive { get; init; } = [];
    public int DistinctiveTotal { get; init; }
    /// <summary>Files in all the groups together.</summary>
    public int PeerPlans { get; init; }
}
