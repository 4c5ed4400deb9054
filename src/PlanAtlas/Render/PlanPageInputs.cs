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
/// </summary>
/// <param name="rows">Every plan's row by id (a peer shows its row).</param>
public sealed class PlanPageInputs(TemplateEngine templates, ItemLinks links, IReadOnlyDictionary<string, PlanRow> rows, PeerAnalysis analysis)
{
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
                inputs.Add(peer.PlanId).Add(peer.Similarity);
                Row(inputs, rows.GetValueOrDefault(peer.PlanId));
                profiled.Add(peer.PlanId);
            }
        }
        SeeAlso(inputs, plan);
        if (analysis.ThemeProfiles is not { } profiles) inputs.Add(false);
        else
        {
            inputs.Add(true);
            foreach (var id in profiled.Distinct(StringComparer.Ordinal))
            {
                inputs.Add(id);
                if (!profiles.TryGetValue(id, out var profile)) { inputs.Add(-1L); continue; }
                inputs.Add(profile.Count);
                foreach (var (theme, share) in profile.OrderBy(p => p.Key, StringComparer.Ordinal)) inputs.Add(theme).Add(share);
            }
        }
        return inputs.Fingerprint();
    }

    /// <summary>Every item's matches, in order, each with the link of the item it points to.</summary>
    private void SeeAlso(PageInputs inputs, Plan plan)
    {
        foreach (var item in plan.Items)
        {
            if (!analysis.SeeAlso.TryGetValue(new ItemKey(plan.Id, item.Id), out var matches)) continue;
            inputs.Add(item.Id).Add(matches.Count);
            foreach (var match in matches)
            {
                inputs.Add(match.Other.PlanId).Add(match.Other.ItemId).Add(match.Score).Add(match.Reused);
                Link(inputs, links.Contains(match.Other) ? links.View(match.Other) : null);
            }
        }
        inputs.Add("end of matches");
    }

    private static void Row(PageInputs inputs, PlanRow? row)
    {
        if (row is null) { inputs.Add(false); return; }
        inputs.Add(true).Add(row.Id).Add(row.Url).Add(row.Title).Add(row.Region).Add(row.Province).Add(row.City).Add(row.County)
            .Add(row.RegionCode).Add(row.Level).Add(row.LevelLabel).Add(row.Year).Add(row.Issuer).Add(row.Kind).Add(row.KindLabel).Add(row.ItemCount);
    }

    private static void Link(PageInputs inputs, ItemLinkView? link)
    {
        if (link is null) { inputs.Add(false); return; }
        inputs.Add(true).Add(link.PlanId).Add(link.PlanTitle).Add(link.Year).Add(link.Label).Add(link.Url).Add(link.Text).Add(link.Snippet);
    }
}
