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
/// <param name="themeName">A theme id's name in the site's language (the id itself without a taxonomy).</param>
public sealed class ComparePages(SiteRenderer site, ItemLinks links, IReadOnlyDictionary<string, PlanRow> rows, PlanPageInputs? inputs = null,
    Func<string, string>? themeName = null)
{
    private readonly Func<string, string> _themeName = themeName ?? (id => id);

    /// <summary>Distinctive items a compare page lists, most distinctive first; the page says how many there are in all.</summary>
    public const int DistinctiveShown = 20;

    /// <summary>A similar (not reused) item counts as a counterpart from this share of common wording.</summary>
    public const double CounterpartScore = 0.5;

    /// <summary>
    /// Counterparts shown side by side per group (the closest: reused first, then by score); the others are listed as
    /// links. Five groups of whole-plan diffs made a compare page several times its plan's size.
    /// </summary>
    public const int SideBySideShown = 8;

    public static readonly IReadOnlyList<string> Scripts = ["assets/js/compare.js"];


    public void Render(IReadOnlyList<Plan> plans, PeerAnalysis analysis, OutputFolder output)
    {
        var byId = plans.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var charts = new ChartWriter(output, site.Urls);
        Parallel.ForEach(plans, plan =>
        {
            var path = SiteUrls.ComparePath(plan.Id);
            // Kept with its chart data before anything of the page is built.
            var fingerprint = inputs?.ComparePage(plan);
            if (fingerprint is not null && output.TryKeep(path, fingerprint)) return;
            var groups = analysis.PeerGroups.GetValueOrDefault(plan.Id) ?? [];
            var alignments = new Dictionary<(ItemKey, ItemKey), Lazy<IReadOnlyList<DiffSegmentView>>>();
            // The plan's items appear in every group (as counterparts or as unique): one view each per page.
            var itemViews = new Dictionary<ItemKey, ItemLinkView>();
            var candidates = Candidates(plan, analysis);
            var views = MergeSameChoices(groups.Select(g => Group(plan, g, byId, analysis, candidates, alignments, itemViews)).ToList());
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
            var allPeers = groups.SelectMany(g => g.Peers).Select(p => p.PlanId).Where(byId.ContainsKey).ToHashSet(StringComparer.Ordinal);
            var distinctive = Distinctive(candidates, allPeers, links);
            var model = new ComparePageModel(Row(plan), views, chart)
            {
                Distinctive = distinctive.Take(DistinctiveShown).Select(d => View(d, itemViews)).ToList(),
                DistinctiveTotal = distinctive.Count,
                PeerPlans = allPeers.Count,
            };
            site.Templates.WritePage(output, "compare", page, model, fingerprint,
                chart is null ? [] : [ChartWriter.CsvPath(ChartName(plan))]);
        });
    }

    private static string ChartName(Plan plan) => $"compare-{plan.Id}";

    private ItemLinkView View(ItemKey key, Dictionary<ItemKey, ItemLinkView> itemViews)
    {
        if (!itemViews.TryGetValue(key, out var view)) itemViews[key] = view = links.View(key);
        return view;
    }

    /// <summary>
    /// The groups chosen by text and by theme profile, as one table when they hold the same files (both similarities
    /// shown); the other groups as they are.
    /// </summary>
    private List<PeerGroupView> MergeSameChoices(List<PeerGroupView> views)
    {
        var text = views.FindIndex(v => v.Kind == "similartext");
        var themes = views.FindIndex(v => v.Kind == "similarthemes");
        if (text < 0 || themes < 0 || views[text].Peers.Count == 0) return views;
        var byId = views[themes].Peers.ToDictionary(p => p.Id, StringComparer.Ordinal);
        if (byId.Count != views[text].Peers.Count || !views[text].Peers.All(p => byId.ContainsKey(p.Id))) return views;
        var t = site.Strings;
        var merged = views[text] with
        {
            Label = t["compare.group.both"],
            Description = t["compare.group.both.about"],
            Peers = views[text].Peers.Select(p => p with { ThemeSimilarity = byId[p.Id].Similarity }).ToList(),
            ThemeSimilarityHeading = t["compare.similarity.similarthemes"],
            ThemeSummary = ThemeSummary(views[text].Themes, views[text].Peers.Count, t["compare.group.both"]),
        };
        views[text] = merged;
        views.RemoveAt(themes);
        return views;
    }

    /// <summary>
    /// The plan's tasks with no close match in any peer (<see cref="Counterparts"/>'s rule over all peers together),
    /// most distinctive first: the lowest best score against any peer, then the longer text.
    /// </summary>
    public static IReadOnlyList<ItemKey> Distinctive(IReadOnlyList<(ItemKey Item, IReadOnlyList<ItemMatch> Matches)> candidates, IReadOnlySet<string> peerIds, ItemLinks links)
    {
        var found = new List<(ItemKey Key, double Best, int Length, int Order)>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var best = 0.0;
            var close = false;
            foreach (var match in candidates[i].Matches)
            {
                if (!peerIds.Contains(match.Other.PlanId) || !links.Contains(match.Other)) continue;
                if (match.Reused || match.Score >= CounterpartScore) { close = true; break; }
                best = Math.Max(best, match.Score);
            }
            if (!close && links.Contains(candidates[i].Item))
                found.Add((candidates[i].Item, ItemLinks.Rounded(best), links.ItemOf(candidates[i].Item).Text.Length, i));
        }
        return found.OrderBy(f => f.Best).ThenByDescending(f => f.Length).ThenBy(f => f.Order).Select(f => f.Key).ToList();
    }

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
        var label = t[$"compare.group.{kind}"];
        return new PeerGroupView(kind, label, t[$"compare.group.{kind}.about"],
            peers.Select(p => Peer(byId[p.PlanId], p.Similarity)).ToList(), themes, onlyHere, onlyInPeers, shared, unique)
        {
            MoreShared = moreShared,
            SimilarityHeading = t[group.Kind == PeerGroupKind.SimilarThemes ? "compare.similarity.similarthemes" : "compare.similarity"],
            ThemeSummary = ThemeSummary(themes, peers.Count, label),
        };
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
        // One candidate per task (PlanTasks), by its first place, with the matches of all its places: a body item and the
        // attachment row that restates it are compared once.
        var tasks = PlanAtlas.Analyze.Tasks.PlanTasks.Of(plan).Tasks;
        var candidates = new List<(ItemKey, IReadOnlyList<ItemMatch>)>(tasks.Count);
        foreach (var task in tasks)
        {
            var key = new ItemKey(plan.Id, task.Id);
            IReadOnlyList<ItemMatch> matches = analysis.SeeAlso.TryGetValue(key, out var own) ? own : [];
            if (task.Places.Count > 1)
            {
                var all = new List<ItemMatch>();
                foreach (var place in task.Places)
                    if (analysis.SeeAlso.TryGetValue(new ItemKey(plan.Id, place), out var more))
                        foreach (var m in more)
                            if (m.Other.PlanId != plan.Id) all.Add(m);
                // Reused before similar, then the higher score; a stable sort keeps the places' order among equals.
                matches = all.OrderByDescending(m => m.Reused).ThenByDescending(m => m.Score).ToList();
            }
            candidates.Add((key, matches));
        }
        return candidates;
    }

    private PeerView Peer(Plan peer, double? similarity)
    {
        var row = Row(peer);
        return new PeerView(peer.Id, peer.Title, row.Url, site.Urls.Url(SiteUrls.ComparePath(peer.Id)), row.Region, row.Year,
            similarity is { } s ? ItemLinks.Percent(s) : "");
    }

    private PlanRow Row(Plan plan) => rows.TryGetValue(plan.Id, out var row) ? row : PlanRow.From(plan, site.Urls, site.Strings);

    private (List<ThemeShareView>, List<string>, List<string>) Themes(Plan plan, HashSet<string> peerIds, PeerAnalysis analysis)
    {
        if (analysis.ThemeProfiles is not { } profiles || !profiles.TryGetValue(plan.Id, out var mine)) return ([], [], []);
        var theirs = peerIds.Select(id => profiles.GetValueOrDefault(id)).Where(p => p is not null).ToList();
        var themes = mine.Keys.Concat(theirs.SelectMany(p => p!.Keys)).Distinct().Order(StringComparer.Ordinal).ToList();
        var rows = themes.Select(theme =>
        {
            var here = mine.GetValueOrDefault(theme);
            var mean = theirs.Count == 0 ? 0 : theirs.Average(p => p!.GetValueOrDefault(theme));
            return (Theme: theme, Here: here, Mean: mean);
        })
            // By the difference a reader sees (to 0.1 point, as printed), then by the name they read, then by id: two rows
            // that print the same difference never look out of order.
            .OrderByDescending(r => Math.Abs(double.Parse(Pct(r.Here - r.Mean), CultureInfo.InvariantCulture)))
            .ThenBy(r => _themeName(r.Theme), StringComparer.Ordinal).ThenBy(r => r.Theme, StringComparer.Ordinal).ToList();
        return (
            rows.Select(r => new ThemeShareView(r.Theme, Pct(r.Here), Pct(r.Mean), Pct(r.Here - r.Mean)) { Name = _themeName(r.Theme) }).ToList(),
            theirs.Count == 0 ? [] : rows.Where(r => r.Here > 0 && r.Mean == 0).Select(r => _themeName(r.Theme)).ToList(),
            rows.Where(r => r.Here == 0 && r.Mean > 0).Select(r => _themeName(r.Theme)).ToList());
    }

    /// <summary>Themes a compare page's sentence names: the largest differences, at most this many.</summary>
    public const int SummaryThemes = 3;

    /// <summary>
    /// The sentence that says how the plan differs from a group: the themes it differs most on, each with its share here,
    /// the peers' mean and the difference in points, against the group (named, with its number of files). Empty without themes.
    /// </summary>
    private string ThemeSummary(IReadOnlyList<ThemeShareView> themes, int peers, string label)
    {
        var top = themes.Where(r => double.Parse(r.Difference, CultureInfo.InvariantCulture) != 0).Take(SummaryThemes).ToList();
        if (peers == 0 || themes.Count == 0) return "";
        var t = site.Strings;
        if (top.Count == 0) return string.Format(CultureInfo.InvariantCulture, t["compare.summary.same"], label, peers);
        var parts = top.Select(r => string.Format(CultureInfo.InvariantCulture, t["compare.summary.theme"], r.Name, r.Plan, r.Peers,
            double.Parse(r.Difference, CultureInfo.InvariantCulture).ToString("+0.#;−0.#;0", CultureInfo.InvariantCulture)));
        return string.Format(CultureInfo.InvariantCulture, t["compare.summary"], label, peers, string.Join("；", parts));
    }

    private static string Pct(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Differences from the first group that has peers; null without theme profiles.</summary>
    private BarChartView? ThemeChart(Plan plan, List<PeerGroupView> groups, ChartWriter charts)
    {
        var group = groups.FirstOrDefault(g => g.Peers.Count > 0 && g.Themes.Count > 0);
        if (group is null) return null;
        var t = site.Strings;
        // Largest difference first (the group's order), as the table.
        var rows = group.Themes.ToList();
        var values = rows.Select(r => double.Parse(r.Difference, CultureInfo.InvariantCulture)).ToList();
        var bars = BarChartView.Scale(rows.Select(r => r.Name).ToList(), values, v => v.ToString("+0.#;-0.#;0", CultureInfo.InvariantCulture));
        var title = string.Format(CultureInfo.InvariantCulture, t["compare.chart.title"], group.Label);
        var summary = group.ThemeSummary.Length > 0 ? group.ThemeSummary : string.Format(CultureInfo.InvariantCulture, t["compare.chart.summary"],
            string.Join("、", group.Themes.Take(3).Select(r => $"{r.Name} {r.Difference}")));
        return charts.WriteBars(ChartName(plan), title, summary, bars, diverging: true, ["theme_id", "theme", "plan_percent", "peer_mean_percent", "difference"],
            rows.Select(r => (IReadOnlyList<string>)[r.Theme, r.Name, r.Plan, r.Peers, r.Difference]));
    }
}
