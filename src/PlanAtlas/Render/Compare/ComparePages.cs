using System.Globalization;
using PlanAtlas.Model;
using PlanAtlas.Render.Charts;
using PlanAtlas.Render.Views;

namespace PlanAtlas.Render.Compare;

/// <summary>
/// compare/{plan-id}/ for every plan: its peer groups (switched in the browser by assets/js/compare.js; without
/// script every group is shown), and per group the themes it has and its peers lack, its items with a close
/// counterpart in a peer side by side with the differing characters marked, and the items no peer has.
/// The theme part appears only when the analysis carries theme profiles.
/// </summary>
/// <param name="rows">Every plan's row by id, as the renderer built them for its lists: a peer's row is not built again per group and page.</param>
/// <param name="inputs">The pages' input fingerprints, when an incremental build may keep unchanged pages; null renders every page.</param>
public sealed class ComparePages(SiteRenderer site, ItemLinks links, IReadOnlyDictionary<string, PlanRow> rows, PlanPageInputs? inputs = null)
{
    /// <summary>A similar (not reused) item counts as a counterpart from this share of common wording.</summary>
    public const double CounterpartScore = 0.5;

    /// <summary>
    /// Counterparts shown side by side per group (the closest: reused first, then by score); the others are listed as
    /// links. Five groups of whole-plan diffs made a compare page several times its plan's size.
    /// </summary>
    public const int SideBySideShown = 8;

    public static readonly IReadOnlyList<string> Scripts = ["assets/js/compare.js"];

    public static string ComparePath(string planId) => $"compare/{planId}/";

    public void Render(IReadOnlyList<Plan> plans, PeerAnalysis analysis, OutputFolder output)
    {
        var byId = plans.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var charts = new ChartWriter(output, site.Urls);
        Parallel.ForEach(plans, plan =>
        {
            var path = ComparePath(plan.Id);
            // Kept with its chart data before anything of the page is built.
            var fingerprint = inputs?.ComparePage(plan);
            if (fingerprint is not null && output.TryKeep(path, fingerprint)) return;
            var groups = analysis.PeerGroups.GetValueOrDefault(plan.Id) ?? [];
            var alignments = new Dictionary<(ItemKey, ItemKey), Lazy<IReadOnlyList<DiffSegmentView>>>();
            // The plan's items appear in every group (as counterparts or as unique): one view each per page.
            var itemViews = new Dictionary<ItemKey, ItemLinkView>();
            var candidates = Candidates(plan, analysis);
            var views = groups.Select(g => Group(plan, g, byId, analysis, candidates, alignments, itemViews)).ToList();
            var first = views.FindIndex(v => v.Peers.Count > 0);
            if (first >= 0) views[first] = views[first] with { Selected = true };
            var chart = ThemeChart(plan, views, charts);
            var t = site.Strings;
            var title = string.Format(CultureInfo.InvariantCulture, t["compare.title"], plan.Title);
            var page = new PageInfo(title, path, t["compare.intro"], "compare")
            {
                Scripts = Scripts,
                Breadcrumbs = [new PageCrumb(plan.Title, SiteUrls.PlanPath(plan.Id))],
            };
            site.Templates.WritePage(output, "compare", page, new ComparePageModel(Row(plan), views, chart), fingerprint,
                chart is null ? [] : [ChartWriter.CsvPath(ChartName(plan))]);
        });
    }

    private static string ChartName(Plan plan) => $"compare-{plan.Id}";

    private PeerGroupView Group(Plan plan, PeerGroup group, Dictionary<string, Plan> byId, PeerAnalysis analysis,
        IReadOnlyList<(ItemKey Item, IReadOnlyList<ItemMatch> Matches)> candidates, Dictionary<(ItemKey, ItemKey), Lazy<IReadOnlyList<DiffSegmentView>>> alignments, Dictionary<ItemKey, ItemLinkView> itemViews)
    {
        ItemLinkView View(ItemKey key)
        {
            if (!itemViews.TryGetValue(key, out var view)) itemViews[key] = view = links.View(key);
            return view;
        }

        var t = site.Strings;
        var peers = group.Peers.Where(p => byId.ContainsKey(p.PlanId)).ToList();
        var peerIds = peers.Select(p => p.PlanId).ToHashSet(StringComparer.Ordinal);
        var unique = new List<ItemLinkView>();
        var shared = new List<CounterpartView>();
        var moreShared = new List<CounterpartView>();
        foreach (var (key, best, sideBySide) in Counterparts(candidates, peerIds, links))
        {
            if (best is null)
            {
                unique.Add(View(key));
                continue;
            }
            var (mine, theirs) = (View(key), View(best.Other));
            Lazy<IReadOnlyList<DiffSegmentView>>? alignment = null;
            if (sideBySide && !alignments.TryGetValue((key, best.Other), out alignment))
                alignments[(key, best.Other)] = alignment = new(() => ItemLinks.Diff(mine.Text, theirs.Text));
            (sideBySide ? shared : moreShared).Add(new CounterpartView(mine, theirs, ItemLinks.Percent(best.Score), best.Reused, alignment));
        }
        var kind = group.Kind.ToString().ToLowerInvariant();
        var (themes, onlyHere, onlyInPeers) = Themes(plan, peerIds, analysis);
        return new PeerGroupView(kind, t[$"compare.group.{kind}"], t[$"compare.group.{kind}.about"],
            peers.Select(p => Peer(byId[p.PlanId], p.Similarity)).ToList(), themes, onlyHere, onlyInPeers, shared, unique) { MoreShared = moreShared };
    }

    /// <summary>One of the plan's items in a peer group: its counterpart in the peers (null: no peer has it), and whether it is shown side by side.</summary>
    public readonly record struct Counterpart(ItemKey Item, ItemMatch? Best, bool SideBySide);

    /// <summary>
    /// What a group shows of the plan's items (sections left out), in document order: each item's counterpart — its first
    /// match in a peer that is reused or shares enough wording and points to a known item — and the closest <see cref="SideBySideShown"/> (reused
    /// first, then by score) shown side by side. The page and its input fingerprint (<see cref="PlanPageInputs"/>) both use it.
    /// </summary>
    /// <param name="candidates">The plan's <see cref="Candidates"/>, made once for all its groups.</param>
    public static IReadOnlyList<Counterpart> Counterparts(IReadOnlyList<(ItemKey Item, IReadOnlyList<ItemMatch> Matches)> candidates, IReadOnlySet<string> peerIds, ItemLinks links)
    {
        var result = new Counterpart[candidates.Count];
        // The closest paired items so far, closest first: a small insertion sort instead of ordering every paired item
        // (every compare page's fingerprint runs this for each of its groups).
        Span<int> closest = stackalloc int[SideBySideShown];
        var kept = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            ItemMatch? best = null;
            foreach (var match in candidates[i].Matches)
                // The cheap tests first: the lookup of the item runs about once per item and group.
                if ((match.Reused || match.Score >= CounterpartScore) && peerIds.Contains(match.Other.PlanId) && links.Contains(match.Other)) { best = match; break; }
            result[i] = new Counterpart(candidates[i].Item, best, false);
            if (best is null) continue;
            // Later items go after earlier ones that are as close: ties keep document order.
            var at = kept;
            while (at > 0 && Closer(best, result[closest[at - 1]].Best!)) at--;
            if (at == SideBySideShown) continue;
            if (kept < SideBySideShown) kept++;
            for (var j = kept - 1; j > at; j--) closest[j] = closest[j - 1];
            closest[at] = i;
        }
        foreach (var i in closest[..kept]) result[i] = result[i] with { SideBySide = true };
        return result;
    }

    /// <summary>Reused before similar, then the higher score.</summary>
    private static bool Closer(ItemMatch a, ItemMatch b) => a.Reused != b.Reused ? a.Reused : a.Score.CompareTo(b.Score) > 0;

    /// <summary>
    /// The plan's items (sections left out) with their "see also" matches as the analysis lists them, in order:
    /// <see cref="Counterparts"/> picks from these. Not filtered here: that took a
    /// lookup of every match's item, a million per rebuild's fingerprints, where a group needs only its first match in a peer.
    /// </summary>
    public static IReadOnlyList<(ItemKey Item, IReadOnlyList<ItemMatch> Matches)> Candidates(Plan plan, PeerAnalysis analysis)
    {
        var candidates = new List<(ItemKey, IReadOnlyList<ItemMatch>)>(plan.Items.Count);
        foreach (var item in plan.Items)
        {
            if (item.Kind == ItemKind.Section) continue;
            var key = new ItemKey(plan.Id, item.Id);
            candidates.Add((key, analysis.SeeAlso.TryGetValue(key, out var all) ? all : []));
        }
        return candidates;
    }

    private PeerView Peer(Plan peer, double? similarity)
    {
        var row = Row(peer);
        return new PeerView(peer.Id, peer.Title, row.Url, site.Urls.Url(ComparePath(peer.Id)), row.Region, row.Year,
            similarity is { } s ? ItemLinks.Percent(s) : "");
    }

    private PlanRow Row(Plan plan) => rows.TryGetValue(plan.Id, out var row) ? row : PlanRow.From(plan, site.Urls, site.Strings);

    private static (List<ThemeShareView>, List<string>, List<string>) Themes(Plan plan, HashSet<string> peerIds, PeerAnalysis analysis)
    {
        if (analysis.ThemeProfiles is not { } profiles || !profiles.TryGetValue(plan.Id, out var mine)) return ([], [], []);
        var theirs = peerIds.Select(id => profiles.GetValueOrDefault(id)).Where(p => p is not null).ToList();
        var themes = mine.Keys.Concat(theirs.SelectMany(p => p!.Keys)).Distinct().Order(StringComparer.Ordinal).ToList();
        var rows = themes.Select(theme =>
        {
            var here = mine.GetValueOrDefault(theme);
            var mean = theirs.Count == 0 ? 0 : theirs.Average(p => p!.GetValueOrDefault(theme));
            return (Theme: theme, Here: here, Mean: mean);
        }).OrderByDescending(r => Math.Abs(r.Here - r.Mean)).ThenBy(r => r.Theme, StringComparer.Ordinal).ToList();
        return (
            rows.Select(r => new ThemeShareView(r.Theme, Pct(r.Here), Pct(r.Mean), Pct(r.Here - r.Mean))).ToList(),
            theirs.Count == 0 ? [] : rows.Where(r => r.Here > 0 && r.Mean == 0).Select(r => r.Theme).ToList(),
            rows.Where(r => r.Here == 0 && r.Mean > 0).Select(r => r.Theme).ToList());
    }

    private static string Pct(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Differences from the first group that has peers; null without theme profiles.</summary>
    private BarChartView? ThemeChart(Plan plan, List<PeerGroupView> groups, ChartWriter charts)
    {
        var group = groups.FirstOrDefault(g => g.Peers.Count > 0 && g.Themes.Count > 0);
        if (group is null) return null;
        var t = site.Strings;
        var rows = group.Themes.OrderBy(r => r.Theme, StringComparer.Ordinal).ToList();
        var values = rows.Select(r => double.Parse(r.Difference, CultureInfo.InvariantCulture)).ToList();
        var bars = BarChartView.Scale(rows.Select(r => r.Theme).ToList(), values, v => v.ToString("+0.#;-0.#;0", CultureInfo.InvariantCulture));
        var title = string.Format(CultureInfo.InvariantCulture, t["compare.chart.title"], group.Label);
        var summary = string.Format(CultureInfo.InvariantCulture, t["compare.chart.summary"],
            string.Join("、", group.Themes.Take(3).Select(r => $"{r.Theme} {r.Difference}")));
        return charts.WriteBars(ChartName(plan), title, summary, bars, diverging: true, ["theme", "plan_percent", "peer_mean_percent", "difference"],
            rows.Select(r => (IReadOnlyList<string>)[r.Theme, r.Plan, r.Peers, r.Difference]));
    }
}
