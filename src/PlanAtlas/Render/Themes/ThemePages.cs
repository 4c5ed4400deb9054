using System.Globalization;
using PlanAtlas.Analyze.Tasks;
using PlanAtlas.Model;
using PlanAtlas.Render.Charts;

namespace PlanAtlas.Render.Themes;

/// <summary>
/// The theme and cluster pages: themes index, one page per theme, clusters index, one page per cluster, the
/// home page's trends dashboard and each plan's theme profile. Shares are per plan first, then averaged over the
/// plans of a group, so a long plan counts as much as a short one; every group label says how many plans it holds.
/// </summary>
public sealed class ThemePages
{
    /// <summary>Items a theme or cluster page lists (a theme page the newest plans' first); items.csv has every item with its themes and cluster.</summary>
    public const int ItemsShown = 100;
    /// <summary>Points the cluster map draws; a larger corpus is thinned evenly within each cluster (its CSV keeps every point).</summary>
    public const int MapPoints = 3000;

    private readonly ThemeAnalysis _analysis;
    private readonly IReadOnlyList<Plan> _plans;
    private readonly TemplateEngine _templates;
    private readonly SiteUrls _urls;
    private readonly UiStrings _t;
    /// <summary>The fewest plans a group must hold to be named as highest, leading or rising (site.yml's min_group_size).</summary>
    private readonly int _minGroup;
    private readonly Dictionary<string, Plan> _planById;
    private readonly Dictionary<ItemKey, Item> _items;
    /// <summary>
    /// Theme id → plan id → the plan's share of it. The means over groups of plans look up every plan of the corpus for
    /// every theme and chart (several hundred thousand lookups per build, whatever changed): keyed by a tuple of two
    /// strings, each lookup hashed both with the randomised string hash.
    /// </summary>
    private readonly Dictionary<string, Dictionary<string, PlanThemeShare>> _shares = new(StringComparer.Ordinal);

    public ThemePages(ThemeAnalysis analysis, IReadOnlyList<Plan> plans, TemplateEngine templates, SiteUrls urls, UiStrings strings,
        int minGroupSize = SiteSettings.DefaultMinGroupSize)
    {
        _minGroup = Math.Max(1, minGroupSize);
        _analysis = analysis;
        _plans = plans.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        _templates = templates;
        _urls = urls;
        _t = strings;
        _planById = _plans.ToDictionary(p => p.Id);
        _items = new Dictionary<ItemKey, Item>(_plans.Sum(p => p.Items.Count));
        foreach (var p in _plans)
            foreach (var i in p.Items) _items[new ItemKey(p.Id, i.Id)] = i;
        foreach (var share in analysis.Shares)
        {
            if (!_shares.TryGetValue(share.ThemeId, out var byPlan)) _shares[share.ThemeId] = byPlan = new Dictionary<string, PlanThemeShare>(StringComparer.Ordinal);
            // Add, not set: a plan with two shares of one theme is an error, as it was for the dictionary by (plan, theme).
            byPlan.Add(share.PlanId, share);
        }
        (_taggedTasks, _mentionedTasks) = TasksByTheme(analysis, _plans);
        _themeChips = Themes.Select(theme => new ThemeChip(Name(theme), _urls.Url(SiteUrls.ThemePath(theme.Id)))).ToArray();
        // The first theme of an id, as Taxonomy.Find gives it.
        for (var i = 0; i < Themes.Count; i++) _chips.TryAdd(Themes[i].Id, _themeChips[i]);
    }

    /// <summary>Each theme's name and link, in taxonomy order.</summary>
    private readonly ThemeChip[] _themeChips;

    /// <summary>Theme id → its chip: an item on a theme or cluster page shows a chip per tag, and the chips are the same everywhere.</summary>
    private readonly Dictionary<string, ThemeChip> _chips = new(StringComparer.Ordinal);

    /// <summary>
    /// Theme id → the tasks (<see cref="PlanTasks"/>) that have it as a subject, each with the first of its places that
    /// does, plans by id and tasks in document order: what a theme's count and list are of (a task has a theme when any
    /// place has it).
    /// </summary>
    private readonly Dictionary<string, List<ItemKey>> _taggedTasks;

    /// <summary>Theme id → the tasks that only mention it (no place has it as a subject), likewise: the page's second, lighter list.</summary>
    private readonly Dictionary<string, List<ItemKey>> _mentionedTasks;

    private static (Dictionary<string, List<ItemKey>> Subjects, Dictionary<string, List<ItemKey>> Mentions) TasksByTheme(ThemeAnalysis analysis, IReadOnlyList<Plan> plans)
    {
        var tagged = new Dictionary<string, List<ItemKey>>(StringComparer.Ordinal);
        var mentioned = new Dictionary<string, List<ItemKey>>(StringComparer.Ordinal);
        var subjects = new HashSet<string>(StringComparer.Ordinal);
        var mentions = new Dictionary<string, ItemKey>(StringComparer.Ordinal);
        foreach (var plan in plans)
            foreach (var task in PlanTasks.Of(plan).Tasks)
            {
                subjects.Clear();
                mentions.Clear();
                foreach (var place in task.Places)
                {
                    var key = new ItemKey(plan.Id, place);
                    foreach (var tag in analysis.TagsOf(key))
                    {
                        if (!tag.IsSubject) { mentions.TryAdd(tag.ThemeId, key); continue; }
                        if (!subjects.Add(tag.ThemeId)) continue;
                        Add(tagged, tag.ThemeId, key);
                    }
                }
                if (mentions.Count == 0) continue;
                foreach (var theme in analysis.Taxonomy.Themes)
                    if (mentions.TryGetValue(theme.Id, out var key) && !subjects.Contains(theme.Id)) Add(mentioned, theme.Id, key);
            }
        return (tagged, mentioned);
    }

    private static void Add(Dictionary<string, List<ItemKey>> byTheme, string theme, ItemKey key)
    {
        if (!byTheme.TryGetValue(theme, out var keys)) byTheme[theme] = keys = [];
        keys.Add(key);
    }

    private IReadOnlyList<ItemKey> TasksWith(string themeId) => _taggedTasks.TryGetValue(themeId, out var keys) ? keys : [];

    private IReadOnlyList<ItemKey> TasksMentioning(string themeId) => _mentionedTasks.TryGetValue(themeId, out var keys) ? keys : [];


    private IReadOnlyList<Theme> Themes => _analysis.Taxonomy.Themes;
    private string Name(Theme theme) => theme.Name(_t.Language);

    /// <summary>Writes every theme and cluster page and the data files; returns the home dashboard (null when there is nothing to chart).</summary>
    public DashboardModel? Render(OutputFolder output)
    {
        var writer = new ChartWriter(output, _urls);
        var charts = new ThemeCharts(writer);
        new ThemeData(_analysis, _t.Language).Write(output);
        // Each theme's row is on the index and on its own page: made once.
        var rows = Themes.Select(Row).ToList();
        RenderThemesIndex(output, charts, rows);
        // Pages are independent: rendered in parallel.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        PlanGrouping[] groupings = _plans.Count == 0 ? [] :
        [
            Grouping("year", _t["theme.chart.year"], _t["axis.year"], p => p.Year?.ToString(CultureInfo.InvariantCulture) ?? _t["group.unknown"]),
            Grouping("region", _t["theme.chart.region"], _t["axis.region"], p => p.Region?.ProvinceName ?? _t["group.unknown"]),
            Grouping("level", _t["theme.chart.level"], _t["axis.level"], p => _t[$"level.{(p.Region?.Level ?? AdminLevel.Unknown).ToString().ToLowerInvariant()}"]),
        ];
        Parallel.For(0, Themes.Count, parallel, i => RenderTheme(Themes[i], rows[i], output, charts, groupings));
        RenderClustersIndex(output, charts);
        Parallel.ForEach(_analysis.Clustering.Clusters, parallel, cluster => RenderCluster(cluster, output, charts));
        return Themes.Count == 0 || _plans.Count == 0 ? null : Dashboard(charts);
    }

    /// <summary>
    /// The plan's theme profile. Every plan's is made in every build (it is part of a plan page's fingerprint): the
    /// themes' names and links come from <see cref="_chips"/>, and the rows are sorted in place.
    /// </summary>
    public ThemeProfileModel Profile(Plan plan)
    {
        var analysed = PlanTasks.Of(plan).Count;
        var shown = new List<(int Index, PlanThemeShare Share)>();
        for (var i = 0; i < Themes.Count; i++)
            if (Share(plan.Id, Themes[i].Id) is { Items: > 0 } share) shown.Add((i, share));
        // By share of items, largest first, then by theme id; equal ones stay in taxonomy order (as a stable sort leaves them).
        shown.Sort((a, b) =>
        {
            var byShare = b.Share.ShareItems.CompareTo(a.Share.ShareItems);
            if (byShare != 0) return byShare;
            var byId = string.CompareOrdinal(Themes[a.Index].Id, Themes[b.Index].Id);
            return byId != 0 ? byId : a.Index.CompareTo(b.Index);
        });
        var rows = new List<ThemeProfileRow>(shown.Count);
        foreach (var (index, share) in shown)
        {
            var chip = _themeChips[index];
            rows.Add(new ThemeProfileRow(chip.Name, chip.Url, share.Items, Percent(share.ShareItems), Percent(share.ShareChars), (int)Math.Round(share.ShareItems * 100)));
        }
        return new ThemeProfileModel(rows, analysed);
    }

    private void RenderThemesIndex(OutputFolder output, ThemeCharts charts, List<ThemeRow> rows)
    {
        var list = new List<ChartView>();
        if (rows.Count > 0 && _plans.Count > 0)
        {
            var means = Themes.Select(t => MeanShare(_plans, t.Id)).ToList();
            var top = Themes.Zip(means).OrderByDescending(x => x.Second).First();
            list.Add(charts.Columns("themes-overall", _t["themes.chart.overall"], _t["axis.theme"], _t["axis.share_items"],
                Themes.Select(Name).ToList(), means.Select(m => m * 100).ToList(),
                string.Format(CultureInfo.InvariantCulture, _t["themes.chart.overall.summary"], _plans.Count, Name(top.First), Percent(top.Second)),
                ["theme_id", "theme", "plans", "mean_share_items"],
                Themes.Zip(means).Select(x => (IReadOnlyList<string>)[x.First.Id, Name(x.First), ThemeData.Int(_plans.Count), ThemeData.Num(x.Second)])));
        }
        var tasks = _plans.Sum(p => PlanTasks.Of(p).Count);
        var taggedTasks = _plans.Sum(p => PlanTasks.Of(p).Tasks.Count(t => t.Places.Any(place => _analysis.SubjectsOf(new ItemKey(p.Id, place)).Any())));
        var model = new ThemesIndexModel(rows, list, taggedTasks, tasks);
        var page = new PageInfo(_t["nav.themes"], SiteUrls.Themes, _t["themes.intro"], "themes") { Scripts = list.Count > 0 ? ChartWriter.Scripts : [] };
        _templates.WritePage(output, SiteUrls.Themes, "themes", page, model);
    }

    private ThemeRow Row(Theme t)
    {
        var tagged = TasksWith(t.Id);
        return new ThemeRow(t.Id, Name(t), t.NameEn, _urls.Url(SiteUrls.ThemePath(t.Id)), tagged.Count, tagged.Select(k => k.PlanId).Distinct().Count(),
            Percent(MeanShare(_plans, t.Id)), t.Definition) { Mentions = TasksMentioning(t.Id).Count };
    }

    private void RenderTheme(Theme theme, ThemeRow row, OutputFolder output, ThemeCharts charts, IReadOnlyList<PlanGrouping> groupings)
    {
        var name = Name(theme);
        var list = groupings.Select(g => GroupChart(charts, theme, g)).ToList();
        var tagged = TasksWith(theme.Id);
        var items = Newest(tagged).Select(k => ItemView(k, theme.Id)).ToList();
        var model = new ThemePageModel(row, theme.Signals, theme.Exclusions, list, items)
        {
            ItemsTotal = tagged.Count, ItemsCsv = _urls.Url("data/items.csv"),
            Mentions = Newest(TasksMentioning(theme.Id)).Select(k => ItemView(k, theme.Id)).ToList(),
        };
        var page = new PageInfo(name, SiteUrls.ThemePath(theme.Id), theme.Definition, "themes")
        { Breadcrumbs = [new PageCrumb(_t["nav.themes"], SiteUrls.Themes)] };
        _templates.WritePage(output, page.SitePath, "theme", page, model);
    }

    /// <summary>The items a theme page lists: the newest plans' first, at most <see cref="ItemsShown"/>.</summary>
    private IEnumerable<ItemKey> Newest(IReadOnlyList<ItemKey> keys) =>
        keys.OrderByDescending(k => _planById[k.PlanId].Year ?? int.MinValue).ThenBy(k => k).Take(ItemsShown);

    /// <summary>
    /// The plans in groups (by year, region or level), ordered by group, each group labelled with its n: the same for
    /// every theme, so made once, not once per theme and chart.
    /// </summary>
    private sealed record PlanGrouping(string Name, string TitleFormat, string Axis, List<IGrouping<string, Plan>> Groups, List<string> Labels);

    private PlanGrouping Grouping(string name, string titleFormat, string axis, Func<Plan, string> groupOf)
    {
        var groups = _plans.GroupBy(groupOf).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        return new PlanGrouping(name, titleFormat, axis, groups, groups.Select(g => $"{g.Key}（n={g.Count()}）").ToList());
    }

    /// <summary>A theme's mean share of items per group of plans (year, region, level), each group labelled with its n.</summary>
    private BarChartView GroupChart(ThemeCharts charts, Theme theme, PlanGrouping grouping)
    {
        var groups = grouping.Groups;
        var values = groups.Select(g => MeanShare(g, theme.Id)).ToList();
        var title = string.Format(CultureInfo.InvariantCulture, grouping.TitleFormat, Name(theme));
        var summary = groups.Count == 0 ? _t["chart.empty"] : string.Format(CultureInfo.InvariantCulture, _t["theme.chart.summary"],
            Name(theme), string.Join("、", groups.Zip(values).Select(x => $"{x.First.Key} {Percent(x.Second)}（n={x.First.Count()}）")));
        if (groups.Any(g => g.Count() < _minGroup)) summary += Format("chart.few", _minGroup);
        return charts.Shares($"theme-{theme.Id}-{grouping.Name}", title, grouping.Labels, values, summary,
            ["group", "plans", "mean_share_items", "mean_share_chars"],
            groups.Zip(values).Select(x => (IReadOnlyList<string>)[x.First.Key, ThemeData.Int(x.First.Count()), ThemeData.Num(x.Second),
                ThemeData.Num(x.First.Average(p => Share(p.Id, theme.Id)?.ShareChars ?? 0))]),
            groups.Select(g => g.Count() < _minGroup).ToList());
    }

    private PlanThemeShare? Share(string planId, string themeId) =>
        _shares.TryGetValue(themeId, out var byPlan) && byPlan.TryGetValue(planId, out var share) ? share : null;

    /// <summary>The mean share of items over <paramref name="plans"/>, summed in their order as Enumerable.Average sums (the same bits).</summary>
    private double MeanShare(IEnumerable<Plan> plans, string themeId)
    {
        var byPlan = _shares.GetValueOrDefault(themeId);
        double ShareOf(Plan plan) => byPlan is not null && byPlan.TryGetValue(plan.Id, out var share) ? share.ShareItems : 0;
        double sum = 0;
        long count = 0;
        foreach (var plan in plans)
        {
            sum += ShareOf(plan);
            count++;
        }
        return count == 0 ? 0 : sum / count;
    }

    private TaggedItemView ItemView(ItemKey key, string? themeId)
    {
        var plan = _planById[key.PlanId];
        var item = _items[key];
        var tags = _analysis.TagsOf(key);
        var evidence = tags.Where(t => themeId is null || t.ThemeId == themeId).SelectMany(t => t.Evidence);
        var planUrl = _urls.Url(SiteUrls.PlanPath(plan.Id));
        var chips = new List<ThemeChip>(tags.Count);
        var mentions = new List<ThemeChip>();
        foreach (var tag in tags)
            if (_chips.TryGetValue(tag.ThemeId, out var chip)) (tag.IsSubject ? chips : mentions).Add(chip);
        return new TaggedItemView(plan.Title, planUrl, planUrl + "#" + Uri.EscapeDataString(item.Id), Views.ItemLabel.Of(item), EvidenceHtml.Mark(item.Text, evidence), chips)
        { Mentions = mentions };
    }

    private void RenderClustersIndex(OutputFolder output, ThemeCharts charts)
    {
        var clustering = _analysis.Clustering;
        var rows = clustering.Clusters.Select(ClusterRow).ToList();
        var list = new List<ChartView>();
        if (clustering.Silhouette.Count > 0)
        {
            var chosen = clustering.Clusters.Count;
            list.Add(charts.Lines("clusters-silhouette", _t["clusters.chart.silhouette"], _t["axis.k"], _t["axis.silhouette"],
                [(_t["axis.silhouette"], clustering.Silhouette.Select(s => ThemeData.Int(s.Key)).ToArray(), clustering.Silhouette.Select(s => s.Value).ToArray())],
                string.Format(CultureInfo.InvariantCulture, _t["clusters.chart.silhouette.summary"], clustering.Silhouette[0].Key, clustering.Silhouette[^1].Key, chosen),
                ["k", "silhouette"], clustering.Silhouette.Select(s => (IReadOnlyList<string>)[ThemeData.Int(s.Key), ThemeData.Num(s.Value)])));
        }
        if (clustering.Coordinates.Count > 0)
        {
            var stride = (clustering.Coordinates.Count + MapPoints - 1) / MapPoints;
            var groups = clustering.Clusters.Select(c =>
            {
                var keys = c.Members.Where(clustering.Coordinates.ContainsKey).Where((_, i) => i % stride == 0).ToList();
                return ($"{c.Number} {c.Label}", keys.Select(k => (double)clustering.Coordinates[k].X).ToArray(), keys.Select(k => (double)clustering.Coordinates[k].Y).ToArray(),
                    keys.Select(k => Snippet(_items[k].Text)).ToArray(), keys.Select(k => _urls.Url(SiteUrls.PlanPath(k.PlanId)) + "#" + Uri.EscapeDataString(k.ItemId)).ToArray());
            }).ToList();
            list.Add(charts.Map("clusters-map", _t["clusters.chart.map"], _t["axis.pc1"], _t["axis.pc2"], groups,
                string.Format(CultureInfo.InvariantCulture, _t["clusters.chart.map.summary"], clustering.Coordinates.Count, clustering.Clusters.Count),
                (into, csv) => MapCsv(into, csv, clustering)));
        }
        var choice = clustering.Clusters.Count == 0 ? _t["clusters.none"]
            : clustering.FixedBySettings ? string.Format(CultureInfo.InvariantCulture, _t["clusters.fixed"], clustering.Clusters.Count)
            : string.Format(CultureInfo.InvariantCulture, _t["clusters.chosen"], clustering.Clusters.Count, clustering.Silhouette.FirstOrDefault().Key, clustering.Silhouette.LastOrDefault().Key);
        var page = new PageInfo(_t["nav.clusters"], SiteUrls.Clusters, _t["clusters.intro"], "clusters") { Scripts = list.Count > 0 ? ChartWriter.Scripts : [] };
        var reused = clustering.Reused is { } r
            ? string.Format(CultureInfo.InvariantCulture, _t["clusters.reused"], SmallPercent(r.Drift), Percent(r.MaxDrift))
            : null;
        _templates.WritePage(output, SiteUrls.Clusters, "clusters", page, new ClustersIndexModel(rows, list, choice, reused));
    }

    private static readonly string[] MapHeader = ["plan_id", "item_id", "cluster", "x", "y"];

    /// <summary>
    /// Every point of the map (plan_id, item_id, cluster, x, y), in item order, a part per plan (<see cref="Data.CsvParts"/>):
    /// after an edit only the edited plan's points are new, and the file has a row for every clustered item of the corpus.
    /// </summary>
    private static void MapCsv(OutputFolder output, string sitePath, ItemClustering clustering)
    {
        var keys = clustering.Coordinates.Keys.Order().ToArray();
        Data.CsvParts.Write(output, sitePath, MapHeader, Data.CsvParts.Runs(keys.Length, (i, j) => keys[i].PlanId == keys[j].PlanId),
            (start, count) =>
            {
                using var inputs = PageInputs.Part();
                inputs.Add("map.csv").Add(keys[start].PlanId).Add(count);
                for (var i = start; i < start + count; i++)
                {
                    var (x, y) = clustering.Coordinates[keys[i]];
                    inputs.Add(keys[i].ItemId).Add(clustering.Assignment[keys[i]]).Add((double)x).Add((double)y);
                }
                return inputs.Digest();
            },
            (writer, start, count) =>
            {
                Span<char> number = stackalloc char[32];
                for (var i = start; i < start + count; i++)
                {
                    var key = keys[i];
                    var (x, y) = clustering.Coordinates[key];
                    Data.CsvText.Field(writer, key.PlanId, Data.CsvText.Quoting.Default);
                    writer.Write(',');
                    Data.CsvText.Field(writer, key.ItemId, Data.CsvText.Quoting.Default);
                    writer.Write(',');
                    writer.Write(clustering.Assignment[key].TryFormat(number, out var length, provider: CultureInfo.InvariantCulture) ? number[..length] : ThemeData.Int(clustering.Assignment[key]));
                    writer.Write(',');
                    writer.Write(x.TryFormat(number, out length, "0.####", CultureInfo.InvariantCulture) ? number[..length] : x.ToString("0.####", CultureInfo.InvariantCulture));
                    writer.Write(',');
                    writer.Write(y.TryFormat(number, out length, "0.####", CultureInfo.InvariantCulture) ? number[..length] : y.ToString("0.####", CultureInfo.InvariantCulture));
                    writer.Write("\r\n");
                }
            });
    }

    private ClusterRow ClusterRow(ItemCluster c) =>
        new(c.Number, c.Label, _urls.Url(SiteUrls.ClusterPath(c.Number)), c.Size, string.Join("、", c.TopTerms),
            c.ThemeOverlap.Take(5).Select(o => _analysis.Taxonomy.Find(o.Key) is { } t ? new OverlapView(Name(t), _urls.Url(SiteUrls.ThemePath(t.Id)), Percent(o.Value)) : null)
                .OfType<OverlapView>().ToList());

    private void RenderCluster(ItemCluster cluster, OutputFolder output, ThemeCharts charts)
    {
        var list = new List<BarChartView>();
        var overlap = cluster.ThemeOverlap.Where(o => _analysis.Taxonomy.Find(o.Key) is not null).ToList();
        if (overlap.Count > 0)
        {
            var top = overlap[0];
            list.Add(charts.Shares($"cluster-{cluster.Number}-themes", string.Format(CultureInfo.InvariantCulture, _t["cluster.chart.themes"], cluster.Number),
                overlap.Select(o => Name(_analysis.Taxonomy.Find(o.Key)!)).ToList(), overlap.Select(o => o.Value).ToList(),
                string.Format(CultureInfo.InvariantCulture, _t["cluster.chart.themes.summary"], cluster.Size, Name(_analysis.Taxonomy.Find(top.Key)!), Percent(top.Value)),
                ["theme_id", "theme", "share_of_cluster"], overlap.Select(o => (IReadOnlyList<string>)[o.Key, Name(_analysis.Taxonomy.Find(o.Key)!), ThemeData.Num(o.Value)])));
        }
        var model = new ClusterPageModel(ClusterRow(cluster), cluster.TopTerms, list,
            cluster.Representative.Select(k => ItemView(k, null)).ToList(), cluster.Members.Take(ItemsShown).Select(k => ItemView(k, null)).ToList())
        { ItemsCsv = _urls.Url("data/items.csv") };
        var title = string.Format(CultureInfo.InvariantCulture, _t["cluster.title"], cluster.Number, cluster.Label);
        var page = new PageInfo(title, SiteUrls.ClusterPath(cluster.Number), string.Join("、", cluster.TopTerms), "clusters")
        { Breadcrumbs = [new PageCrumb(_t["nav.clusters"], SiteUrls.Clusters)] };
        _templates.WritePage(output, page.SitePath, "cluster", page, model);
    }

    private string Format(string key, params object[] args) => string.Format(CultureInfo.InvariantCulture, _t[key], args);

    private static string Label<TKey>(IGrouping<TKey, Plan> group) => $"{group.Key}（n={group.Count()}）";

    private DashboardModel Dashboard(ThemeCharts charts)
    {
        var list = new List<ChartView>();
        var notes = new List<string>();
        list.Add(Heatmap(charts));
        // Theme × year lines for the themes with the largest overall share (all themes would be unreadable; the CSV has all).
        var years = _plans.Where(p => p.Year is not null).GroupBy(p => p.Year!.Value).OrderBy(g => g.Key).ToList();
        if (years.Count > 0)
        {
            list.Add(YearLines(charts, years));
            if (Change(charts, notes) is { } change) list.Add(change);
        }
        return new DashboardModel(list) { Notes = notes };
    }

    /// <summary>
    /// Region × theme: one column per province (n plans each), one row per theme, cells the mean share of items. Provinces
    /// with fewer than <see cref="_minGroup"/> plans are a grey trace of their own, after the others, and the summary names
    /// the highest cell among the others only.
    /// </summary>
    private ChartView Heatmap(ThemeCharts charts)
    {
        var regions = _plans.GroupBy(p => p.Region?.ProvinceName ?? _t["group.unknown"]).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var full = regions.Where(g => g.Count() >= _minGroup).ToList();
        var small = regions.Where(g => g.Count() < _minGroup).ToList();
        var names = Themes.Select(Name).ToList();
        // Each region's mean share of each theme, once: the cells, the summary and the CSV all read it.
        var means = regions.ToDictionary(g => g.Key, g => Themes.Select(t => MeanShare(g, t.Id)).ToArray(), StringComparer.Ordinal);
        HeatmapColumns Columns(List<IGrouping<string, Plan>> groups, bool greyed) =>
            new(groups.Select(Label).ToList(), Themes.Select((_, c) => groups.Select(g => Math.Round(means[g.Key][c] * 100, 1)).ToArray()).ToArray(), greyed);
        string summary;
        if (full.Count == 0) summary = Format("dashboard.heatmap.none", regions.Count, _minGroup);
        else
        {
            var hottest = full.SelectMany(g => Themes.Select((t, c) => (Region: g.Key, Theme: t, Value: Math.Round(means[g.Key][c] * 100, 1))))
                .OrderByDescending(x => x.Value).First();
            summary = Format("dashboard.heatmap.summary", full.Count, Themes.Count, hottest.Region, Name(hottest.Theme),
                hottest.Value.ToString("0.#", CultureInfo.InvariantCulture) + "%", _minGroup);
            if (small.Count > 0) summary += Format("dashboard.heatmap.small", small.Count, _minGroup);
        }
        // No axis titles (the chart's title names both): plotly.js draws them over the longest row and column labels.
        return charts.Heatmap("dashboard-region-theme", _t["dashboard.heatmap"], "", "", names,
            new[] { (Groups: full, Greyed: false), (Groups: small, Greyed: true) }.Where(c => c.Groups.Count > 0).Select(c => Columns(c.Groups, c.Greyed)).ToList(),
            summary,
            ["region", "plans", "theme_id", "mean_share_items", "theme"],
            regions.SelectMany(g => Themes.Select((t, c) => (IReadOnlyList<string>)[g.Key, ThemeData.Int(g.Count()), t.Id, ThemeData.Num(means[g.Key][c]), Name(t)])));
    }

    /// <summary>The themes of the largest overall share by year; the leading ones are named from the years that hold enough plans only.</summary>
    private ChartView YearLines(ThemeCharts charts, List<IGrouping<int, Plan>> years)
    {
        var yearLabels = years.Select(Label).ToArray();
        var shown = Themes.OrderByDescending(t => MeanShare(_plans, t.Id)).ThenBy(t => t.Id, StringComparer.Ordinal).Take(8).ToList();
        var ranked = years.Where(g => g.Count() >= _minGroup).SelectMany(g => g).ToList();
        var summary = ranked.Count == 0
            ? Format("dashboard.lines.small", shown.Count, years.First().Key, years.Last().Key, _minGroup)
            : Format("dashboard.lines.summary", shown.Count, years.First().Key, years.Last().Key,
                string.Join("、", shown.OrderByDescending(t => MeanShare(ranked, t.Id)).ThenBy(t => t.Id, StringComparer.Ordinal).Take(3).Select(Name)), _minGroup);
        if (ranked.Count > 0 && years.Any(g => g.Count() < _minGroup)) summary += Format("dashboard.lines.few", _minGroup);
        return charts.Lines("dashboard-theme-year", _t["dashboard.lines"], _t["axis.year"], _t["axis.share_items"],
            shown.Select(t => (Name(t), yearLabels, years.Select(g => Math.Round(MeanShare(g, t.Id) * 100, 1)).ToArray())).ToList(), summary,
            ["year", "plans", "theme_id", "mean_share_items", "theme"],
            years.SelectMany(g => Themes.Select(t => (IReadOnlyList<string>)[ThemeData.Int(g.Key), ThemeData.Int(g.Count()), t.Id, ThemeData.Num(MeanShare(g, t.Id)), Name(t)])));
    }

    /// <summary>
    /// Rise and fall: the latest year's mean share minus the mean over the earlier years, in percentage points, within one
    /// group of comparable plans (<see cref="ComparableGroups"/>): the largest group with at least <see cref="_minGroup"/>
    /// plans in a year and as many before it, at its latest such year. Without one there is no chart, and a note says why.
    /// </summary>
    private ChartView? Change(ThemeCharts charts, List<string> notes)
    {
        var group = ComparableGroups().FirstOrDefault();
        if (group is null)
        {
            notes.Add(Format("dashboard.change.none", _minGroup));
            return null;
        }
        var (latestYear, latest, earlier) = (group.LatestYear, group.Latest, group.Earlier);
        var label = group.Label;
        var change = Themes.Select(t => (Theme: t, Delta: Math.Round((MeanShare(latest, t.Id) - MeanShare(earlier, t.Id)) * 100, 1)))
            .OrderByDescending(x => x.Delta).ThenBy(x => x.Theme.Id, StringComparer.Ordinal).ToList();
        var moved = change.Take(5).Concat(change.TakeLast(5)).DistinctBy(x => x.Theme.Id).Where(x => x.Delta != 0).OrderBy(x => x.Delta).ToList();
        var summary = Format("dashboard.change.summary", latestYear, latest.Count, earlier.Count,
            $"{Name(change[0].Theme)}（{change[0].Delta:+0.0;-0.0;0}）", $"{Name(change[^1].Theme)}（{change[^1].Delta:+0.0;-0.0;0}）", label);
        return charts.HorizontalBars("dashboard-rise-fall", Format("dashboard.change", latestYear, label),
            _t["axis.change"], _t["axis.theme"], moved.Select(x => Name(x.Theme)).ToList(), moved.Select(x => x.Delta).ToList(), summary,
            ["theme_id", "theme", "latest_year", "latest_plans", "earlier_plans", "change_points", "plans_compared"],
            change.Select(x => (IReadOnlyList<string>)[x.Theme.Id, Name(x.Theme), ThemeData.Int(latestYear), ThemeData.Int(latest.Count), ThemeData.Int(earlier.Count),
                x.Delta.ToString("0.0", CultureInfo.InvariantCulture), label]));
    }

    /// <summary>Plans of one level and one kind of document, split into a year (<paramref name="LatestYear"/>) and the years before it.</summary>
    private sealed record ComparableGroup(string Label, int LatestYear, List<Plan> Latest, List<Plan> Earlier);

    /// <summary>What a plan is, for comparing it over time: a work plan (工作要点 or 通知) and a review (总结/综述) are not comparable.</summary>
    private enum KindFamily { WorkPlan, Review }

    private static KindFamily? FamilyOf(Plan plan) => plan.Metadata.Kind?.Value switch
    {
        PlanKind.WorkPoints or PlanKind.Notice => KindFamily.WorkPlan,
        PlanKind.Summary => KindFamily.Review,
        _ => null,
    };

    /// <summary>
    /// The groups of plans of the same level and kind (a known year, level and kind each), each split at its latest year
    /// that holds at least <see cref="_minGroup"/> plans with as many in the years before; the largest first.
    /// </summary>
    private IEnumerable<ComparableGroup> ComparableGroups() =>
        _plans.Where(p => p.Year is not null && p.Region is { Level: not AdminLevel.Unknown } && FamilyOf(p) is not null)
            .GroupBy(p => (Level: p.Region!.Level, Family: FamilyOf(p)!.Value))
            .Select(g =>
            {
                var label = _t[$"level.{g.Key.Level.ToString().ToLowerInvariant()}"] + _t[g.Key.Family == KindFamily.WorkPlan ? "kind.family.workplan" : "kind.family.review"];
                var split = g.Select(p => p.Year!.Value).Distinct().OrderDescending()
                    .Select(year => new ComparableGroup(label, year, g.Where(p => p.Year == year).ToList(), g.Where(p => p.Year < year).ToList()))
                    .FirstOrDefault(c => c.Latest.Count >= _minGroup && c.Earlier.Count >= _minGroup);
                return (g.Key, Group: split);
            })
            .Where(x => x.Group is not null)
            .OrderByDescending(x => x.Group!.Latest.Count + x.Group.Earlier.Count).ThenByDescending(x => x.Group!.LatestYear)
            .ThenBy(x => x.Key.Level).ThenBy(x => x.Key.Family)
            .Select(x => x.Group!);

    // A drift is often a fraction of a percent: "0%" would say nothing changed.
    private static string SmallPercent(double share) =>
        share is > 0 and < 0.0001 ? "<0.01%" : (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    internal static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Snippet(string text)
    {
        var t = text.Trim();
        return System.Net.WebUtility.HtmlEncode(t.Length <= 60 ? t : t[..60] + "…");
    }
}
