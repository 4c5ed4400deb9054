using System.Collections.Concurrent;
using PlanAtlas.Model;
using PlanAtlas.Render.Compare;
using PlanAtlas.Render.Views;

namespace PlanAtlas.Render;

/// <summary>
/// Everything the two pages each plan has — plans/{id}/ and compare/{id}/ — are built from, gathered here and nowhere
/// else, as their input fingerprints (<see cref="PageInputs"/>). A value a page shows and these methods miss would keep
/// a stale page in an incremental build: a page model that starts reading something new must add it here
/// (tests/…/Render/PlanPageInputsTests change each input and check the fingerprint; IncrementalPlanPagesTests compare
/// the pages with a full build's). Null when no page can be kept (a plan without a content key).
/// Other plans and the analysis enter as what the page shows of them — a peer's row, the matches a list shows with
/// their score as printed, each with the link of the item it points to — not as whole records and exact scores: an edit
/// of one plan moves many scores a little, and changes the words of a few items, and only the pages that show a
/// change are rendered again. Parts that appear on many pages are hashed once per build and enter a page as a digest.
/// </summary>
/// <param name="rows">Every plan's row by id (a peer shows its row).</param>
public sealed class PlanPageInputs(TemplateEngine templates, ItemLinks links, IReadOnlyDictionary<string, PlanRow> rows, PeerAnalysis analysis)
{
    private readonly ConcurrentDictionary<ItemKey, byte[]> _links = new();
    private readonly ConcurrentDictionary<string, byte[]> _rows = new(StringComparer.Ordinal), _profiles = new(StringComparer.Ordinal);

    /// <summary>
    /// The plan page: the plan itself (row, metadata, items, source, diagnostics all come from its record), the
    /// "see also" list of each item (<see cref="ItemLinks.Shown"/>), and its theme profile as built (small, and made
    /// from the theme analysis and taxonomy).
    /// </summary>
    public string? PlanPage(Plan plan, object? themeProfile)
    {
        using var inputs = templates.Inputs("plan");
        inputs.Plan(plan);
        foreach (var item in plan.Items)
        {
            if (!analysis.SeeAlso.TryGetValue(new ItemKey(plan.Id, item.Id), out var matches)) continue;
            inputs.Add(item.Id);
            foreach (var match in links.Shown(plan, matches)) Match(inputs, match);
            inputs.Add("end of item");
        }
        inputs.Add("end of items").Built(themeProfile);
        return inputs.Fingerprint();
    }

    /// <summary>
    /// The compare page: the plan, and per peer group each peer's similarity and row and what the group shows of the
    /// plan's items (<see cref="ComparePages.Counterparts"/>: the counterparts, whose text is aligned with the plan's);
    /// then the theme profiles of the plan and of every peer (the theme tables and chart, and the chart's CSV).
    /// </summary>
    public string? ComparePage(Plan plan)
    {
        using var inputs = templates.Inputs("compare");
        inputs.Plan(plan);
        var groups = analysis.PeerGroups.GetValueOrDefault(plan.Id) ?? [];
        inputs.Add(groups.Count);
        var profiled = new List<string> { plan.Id };
        var candidates = ComparePages.Candidates(plan, analysis, links);
        foreach (var group in groups)
        {
            inputs.Add((long)group.Kind).Add(group.Peers.Count);
            foreach (var peer in group.Peers)
            {
                inputs.Add(peer.PlanId).Add(peer.Similarity).Add(_rows.GetOrAdd(peer.PlanId, RowDigest));
                profiled.Add(peer.PlanId);
            }
            var peerIds = group.Peers.Select(p => p.PlanId).Where(rows.ContainsKey).ToHashSet(StringComparer.Ordinal);
            foreach (var (item, best, sideBySide) in ComparePages.Counterparts(candidates, peerIds))
            {
                inputs.Add(item.ItemId).Add(sideBySide);
                if (best is null) inputs.Add(false);
                else Match(inputs.Add(true), best);
            }
            inputs.Add("end of group");
        }
        if (analysis.ThemeProfiles is not { } profiles) inputs.Add(false);
        else
        {
            inputs.Add(true);
            foreach (var id in profiled.Distinct(StringComparer.Ordinal)) inputs.Add(id).Add(_profiles.GetOrAdd(id, ProfileDigest));
        }
        return inputs.Fingerprint();
    }

    /// <summary>
    /// A cited document's page (CrossRefs): the reference's key and every mention — its item, year and wording, whether
    /// the item is known — and the link of each mention the timeline shows (the first <paramref name="steps"/> known).
    /// Here rather than beside the page because, like the plan pages, it shows other plans' items through their links.
    /// </summary>
    public string? CitationPage(CrossReference reference, string sitePath, int steps)
    {
        using var inputs = templates.Inputs("crossref");
        inputs.Add(sitePath).Add(reference.Key).Add(reference.Mentions.Count);
        var shown = 0;
        foreach (var mention in reference.Mentions)
        {
            var known = links.Contains(mention.Item);
            inputs.Add(mention.Item.PlanId).Add(mention.Item.ItemId).Add(mention.Year.HasValue).Add(mention.Year ?? 0).Add(mention.AsWritten).Add(known);
            if (known && shown++ < steps) inputs.Add(_links.GetOrAdd(mention.Item, LinkDigest));
        }
        return inputs.Fingerprint();
    }

    /// <summary>A match as a page shows it: the item it points to (its link), its score as printed, reused or not.</summary>
    private void Match(PageInputs inputs, ItemMatch match) =>
        inputs.Add(match.Other.PlanId).Add(match.Other.ItemId).Add(ItemLinks.Rounded(match.Score)).Add(match.Reused)
            .Add(_links.GetOrAdd(match.Other, LinkDigest));

    private byte[] RowDigest(string planId) => Digest(rows.GetValueOrDefault(planId));

    private byte[] LinkDigest(ItemKey key) => Digest(links.Contains(key) ? links.View(key) : null);

    /// <summary>Every field of a row (PlanPageInputsTests check that each one changes the digest: a new field must be added here).</summary>
    internal static byte[] Digest(PlanRow? row)
    {
        using var part = PageInputs.Part();
        if (row is null) return part.Add(false).Digest();
        return part.Add(true).Add(row.Id).Add(row.Url).Add(row.Title).Add(row.Region).Add(row.Province).Add(row.City).Add(row.County)
            .Add(row.RegionCode).Add(row.Level).Add(row.LevelLabel).Add(row.Year).Add(row.Issuer).Add(row.Kind).Add(row.KindLabel).Add(row.ItemCount)
            .Digest();
    }

    /// <summary>Every field of an item's link (checked by PlanPageInputsTests like a row's).</summary>
    internal static byte[] Digest(ItemLinkView? link)
    {
        using var part = PageInputs.Part();
        if (link is null) return part.Add(false).Digest();
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
