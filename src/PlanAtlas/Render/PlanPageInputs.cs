using System.Collections.Concurrent;
using PlanAtlas.Model;
using PlanAtlas.Render.Compare;
using PlanAtlas.Render.Views;

namespace PlanAtlas.Render;

/// <summary>
/// Everything the two pages each plan has — plans/{id}/ and compare/{id}/ — are built from, gathered here and nowhere
/// else, as their input fingerprints (<see cref="PageInputs"/>). A value a page shows and these methods miss would keep
/// a stale page in an incremental build: a page model that starts reading something new must add it here
/// (tests/…/Render/PlanPageInputsTests check the list by editing each input and comparing with a full build).
/// Null when no page can be kept (a plan without a content key).
/// Another plan enters a page as what the page shows of it (its row, an item's link), not as its whole record: an edit
/// of one plan then renders again only the pages that show what changed, not every page that mentions the plan.
/// Those parts appear on many pages: each is hashed once per build and enters a page as its digest.
/// </summary>
/// <param name="rows">Every plan's row by id (a peer shows its row).</param>
public sealed class PlanPageInputs(TemplateEngine templates, ItemLinks links, IReadOnlyDictionary<string, PlanRow> rows, PeerAnalysis analysis)
{
    private readonly ConcurrentDictionary<ItemKey, byte[]> _links = new();
    private readonly ConcurrentDictionary<string, byte[]> _rows = new(StringComparer.Ordinal), _profiles = new(StringComparer.Ordinal),
        _seeAlso = new(StringComparer.Ordinal);

    /// <summary>
    /// The plan page: the plan itself (row, metadata, items, source, diagnostics all come from its record), the
    /// "see also" matches of its items with the link of each item they point to, and its theme profile as built
    /// (small, and made from the theme analysis and taxonomy).
    /// </summary>
    public string? PlanPage(Plan plan, object? themeProfile)
    {
        using var inputs = templates.Inputs("plan");
        inputs.Plan(plan);
        SeeAlso(inputs, plan);
        inputs.Built(themeProfile);
        return inputs.Fingerprint();
    }

    /// <summary>
    /// The compare page: the plan, its peer groups with each peer's similarity and row, the matches of its items with
    /// the link of each item they point to (the counterparts: their text is aligned with the plan's), and the theme
    /// profiles of the plan and of every peer (the theme table and chart, and the chart's CSV).
    /// </summary>
    public string? ComparePage(Plan plan)
    {
        using var inputs = templates.Inputs("compare");
        inputs.Plan(plan);
        var groups = analysis.PeerGroups.GetValueOrDefault(plan.Id) ?? [];
        inputs.Add(groups.Count);
        var profiled = new List<string> { plan.Id };
        foreach (var group in groups)
        {
            inputs.Add((long)group.Kind).Add(group.Peers.Count);
            foreach (var peer in group.Peers)
            {
                inputs.Add(peer.PlanId).Add(peer.Similarity).Add(_rows.GetOrAdd(peer.PlanId, RowDigest));
                profiled.Add(peer.PlanId);
            }
        }
        SeeAlso(inputs, plan);
        if (analysis.ThemeProfiles is not { } profiles) inputs.Add(false);
        else
        {
            inputs.Add(true);
            foreach (var id in profiled.Distinct(StringComparer.Ordinal)) inputs.Add(id).Add(_profiles.GetOrAdd(id, ProfileDigest));
        }
        return inputs.Fingerprint();
    }

    /// <summary>Every item's matches, in order, each with the link of the item it points to; hashed once for both pages.</summary>
    private void SeeAlso(PageInputs inputs, Plan plan) => inputs.Add(_seeAlso.GetOrAdd(plan.Id, _ => SeeAlsoDigest(plan)));

    private byte[] SeeAlsoDigest(Plan plan)
    {
        using var inputs = PageInputs.Part();
        foreach (var item in plan.Items)
        {
            if (!analysis.SeeAlso.TryGetValue(new ItemKey(plan.Id, item.Id), out var matches)) continue;
            inputs.Add(item.Id).Add(matches.Count);
            foreach (var match in matches)
            {
                inputs.Add(match.Other.PlanId).Add(match.Other.ItemId).Add(match.Score).Add(match.Reused).Add(_links.GetOrAdd(match.Other, LinkDigest));
            }
        }
        return inputs.Digest();
    }

    private byte[] RowDigest(string planId)
    {
        using var part = PageInputs.Part();
        if (rows.GetValueOrDefault(planId) is not { } row) return part.Add(false).Digest();
        return part.Add(true).Add(row.Id).Add(row.Url).Add(row.Title).Add(row.Region).Add(row.Province).Add(row.City).Add(row.County)
            .Add(row.RegionCode).Add(row.Level).Add(row.LevelLabel).Add(row.Year).Add(row.Issuer).Add(row.Kind).Add(row.KindLabel).Add(row.ItemCount)
            .Digest();
    }

    private byte[] LinkDigest(ItemKey key)
    {
        using var part = PageInputs.Part();
        if (!links.Contains(key)) return part.Add(false).Digest();
        var link = links.View(key);
        return part.Add(true).Add(link.PlanId).Add(link.PlanTitle).Add(link.Year).Add(link.Label).Add(link.Url).Add(link.Text).Add(link.Snippet)
            .Digest();
    }

    private byte[] ProfileDigest(string planId)
    {
        using var part = PageInputs.Part();
        if (analysis.ThemeProfiles?.GetValueOrDefault(planId) is not { } profile) return part.Add(false).Digest();
        part.Add(true).Add(profile.Count);
        foreach (var (theme, share) in profile.OrderBy(p => p.Key, StringComparer.Ordinal)) part.Add(theme).Add(share);
        return part.Digest();
    }
}
