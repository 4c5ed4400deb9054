using System.Collections.Concurrent;
using PlanAtlas.Model;
using PlanAtlas.Render.Compare;
using PlanAtlas.Render.Themes;
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
/// Every page of an incremental build is fingerprinted, so these run for every plan after any edit: they allocate little
/// and build no delegates or LINQ chains per page.
/// </summary>
/// <param name="rows">Every plan's row by id (a peer shows its row).</param>
/// <param name="taxonomy">The themes whose names a compare page shows, when themes were analysed.</param>
public sealed class PlanPageInputs(TemplateEngine templates, ItemLinks links, IReadOnlyDictionary<string, PlanRow> rows, PeerAnalysis analysis,
    ThemeTaxonomy? taxonomy = null)
{
    /// <summary>Every theme's id and name, once per build: a compare page names the themes it differs on.</summary>
    private readonly byte[] _themeNames = ThemeNames(taxonomy);

    private static byte[] ThemeNames(ThemeTaxonomy? taxonomy)
    {
        using var part = PageInputs.Part();
        part.Add(taxonomy?.Themes.Count ?? -1);
        foreach (var theme in taxonomy?.Themes ?? []) part.Add(theme.Id).Add(theme.NameZh).Add(theme.NameEn);
        return part.Digest();
    }

    /// <summary>Each known item's link digest by its number (<see cref="ItemLinks.Number"/>), made when a page first needs it.</summary>
    private readonly byte[]?[] _links = new byte[]?[links.Count];
    private readonly ConcurrentDictionary<string, byte[]> _rows = new(StringComparer.Ordinal), _profiles = new(StringComparer.Ordinal);

    /// <summary>A compare page's peers of one group, and the plans whose profiles it shows: kept by the thread from page to page.</summary>
    [ThreadStatic] private static HashSet<string>? t_peers, t_profiled;

    /// <summary>
    /// The plan page: the plan itself (row, metadata, items, source, diagnostics all come from its record), the
    /// "see also" list of each item (<see cref="ItemLinks.Shown"/>), and its theme profile as built (small, and made
    /// from the theme analysis and taxonomy).
    /// </summary>
    public string? PlanPage(Plan plan, ThemeProfileModel? themeProfile)
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
        inputs.Add("end of items").Add(Digest(themeProfile));
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
        var peerIds = t_peers ??= new HashSet<string>(StringComparer.Ordinal);
        var profiled = t_profiled ??= new HashSet<string>(StringComparer.Ordinal);
        profiled.Clear();
        var profiles = analysis.ThemeProfiles;
        inputs.Add(profiles is not null);
        if (profiles is not null && profiled.Add(plan.Id)) inputs.Add(plan.Id).Add(ProfileOf(plan.Id));
        var candidates = ComparePages.Candidates(plan, analysis);
        inputs.Add(_themeNames);
        var all = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            inputs.Add((long)group.Kind).Add(group.Peers.Count);
            peerIds.Clear();
            foreach (var peer in group.Peers)
            {
                inputs.Add(peer.PlanId).Add(peer.Similarity).Add(_rows.GetOrAdd(peer.PlanId, static (id, self) => self.RowDigest(id), this));
                if (profiles is not null && profiled.Add(peer.PlanId)) inputs.Add(ProfileOf(peer.PlanId));
                if (rows.ContainsKey(peer.PlanId)) { peerIds.Add(peer.PlanId); all.Add(peer.PlanId); }
            }
            foreach (var (item, best, sideBySide) in ComparePages.Counterparts(candidates, peerIds, links))
            {
                inputs.Add(item.ItemId).Add(sideBySide);
                if (best is null) inputs.Add(false);
                else Match(inputs.Add(true), best);
            }
            inputs.Add("end of group");
        }
        // The distinctive tasks, in the order shown, with the link of each.
        var distinctive = ComparePages.Distinctive(candidates, all, links);
        inputs.Add(distinctive.Count);
        for (var i = 0; i < distinctive.Count && i < ComparePages.DistinctiveShown; i++) inputs.Add(distinctive[i].ItemId).Add(LinkOf(distinctive[i]));
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
            if (known && shown++ < steps) inputs.Add(LinkOf(mention.Item));
        }
        return inputs.Fingerprint();
    }

    /// <summary>A match as a page shows it: the item it points to (its link), its score as printed, reused or not.</summary>
    private void Match(PageInputs inputs, ItemMatch match) =>
        inputs.Add(match.Other.PlanId).Add(match.Other.ItemId).Add(ItemLinks.Rounded(match.Score)).Add(match.Reused)
            .Add(LinkOf(match.Other));

    private byte[] LinkOf(ItemKey key)
    {
        var number = links.Number(key);
        if (number < 0) return UnknownLink;
        // Two threads may both make it: the digests are equal.
        return _links[number] ??= LinkDigest(number);
    }

    // Static lambdas with the instance as their argument: a method group passed to GetOrAdd is a new delegate at every call.
    private byte[] ProfileOf(string planId) => _profiles.GetOrAdd(planId, static (id, self) => self.ProfileDigest(id), this);

    private byte[] RowDigest(string planId) => Digest(rows.GetValueOrDefault(planId));

    /// <summary>An item's link as the pages show it, from what the link is made of (<see cref="ItemLinks.AddSource(int, PageInputs)"/>).</summary>
    private byte[] LinkDigest(int number)
    {
        using var part = PageInputs.Part();
        links.AddSource(number, part.Add(true));
        return part.Digest();
    }

    /// <summary>The digest of a link to an item no plan has.</summary>
    private static readonly byte[] UnknownLink = UnknownLinkDigest();

    private static byte[] UnknownLinkDigest()
    {
        using var part = PageInputs.Part();
        return part.Add(false).Digest();
    }

    /// <summary>Every field of a row (PlanPageInputsTests check that each one changes the digest: a new field must be added here).</summary>
    internal static byte[] Digest(PlanRow? row)
    {
        using var part = PageInputs.Part();
        if (row is null) return part.Add(false).Digest();
        return part.Add(true).Add(row.Id).Add(row.Url).Add(row.Title).Add(row.Region).Add(row.Province).Add(row.City).Add(row.County)
            .Add(row.RegionCode).Add(row.Level).Add(row.LevelLabel).Add(row.Year).Add(row.Issuer).Add(row.Kind).Add(row.KindLabel).Add(row.ItemCount)
            .Digest();
    }

    /// <summary>Every field of a plan page's theme profile (checked by PlanPageInputsTests like a row's).</summary>
    internal static byte[] Digest(ThemeProfileModel? profile)
    {
        using var part = PageInputs.Part();
        if (profile is null) return part.Add(false).Digest();
        part.Add(true).Add(profile.AnalysedItems).Add(profile.Rows.Count);
        foreach (var row in profile.Rows)
            part.Add(row.Name).Add(row.Url).Add(row.Items).Add(row.ShareItems).Add(row.ShareChars).Add(row.Width);
        return part.Digest();
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
