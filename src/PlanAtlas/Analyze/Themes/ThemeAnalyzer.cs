using PlanAtlas.Analyze.Clustering;
using PlanAtlas.Analyze.Tasks;
using PlanAtlas.Model;

namespace PlanAtlas.Analyze.Themes;

/// <summary>
/// The theme analysis of a corpus: tags every item with the taxonomy's themes (with evidence), measures each
/// theme's share of every plan (by items and by characters, so a long plan does not win by length), and
/// clusters the analysed items by their text. Linear in corpus size.
/// </summary>
public sealed class ThemeAnalyzer
{
    /// <summary>Shorter texts are titles, addressees or signatures, not content: tagged, but neither counted nor clustered.</summary>
    public const int MinHanCharacters = 15;

    private readonly ThemeTagger _tagger;
    private readonly ItemClusterer _clusterer;

    public ThemeAnalyzer(ThemeTaxonomy taxonomy, ClusterOptions? clusterOptions = null)
    {
        _tagger = new ThemeTagger(taxonomy);
        var tokenizer = new ChineseTokenizer(taxonomy.Themes.SelectMany(t => t.Signals));
        _clusterer = new ItemClusterer(tokenizer, clusterOptions);
    }

    public ThemeTagger Tagger => _tagger;

    /// <summary>The analyze stage's theme step: the taxonomy the read stage found, site.yml's cluster count, all plans.</summary>
    public static ThemeAnalysis ForInput(ThemeTaxonomy taxonomy, SiteSettings settings, IReadOnlyList<Plan> plans) =>
        ForInput(taxonomy, settings, plans, null).Analysis;

    /// <summary>The theme step of an incremental build: <paramref name="previous"/> is the model the last build saved.</summary>
    public static (ThemeAnalysis Analysis, ClusterModel? Model, bool Trained) ForInput(ThemeTaxonomy taxonomy, SiteSettings settings,
        IReadOnlyList<Plan> plans, ClusterModel? previous, AnalysisMemo? memo = null) =>
        new ThemeAnalyzer(taxonomy, new ClusterOptions { Clusters = settings.Clusters }).Analyze(plans, previous, DefaultMaxDrift, memo);

    public ThemeAnalysis Analyze(IReadOnlyList<Plan> plans) => Analyze(plans, null).Analysis;

    /// <summary>
    /// The analysis, reusing <paramref name="previous"/> (a model saved from an earlier build) instead of training
    /// when <see cref="ItemClusterer.CanReuse"/> and the corpus drifted at most <paramref name="maxDrift"/> from it.
    /// </summary>
    /// <param name="memo">Tags and cluster placements of unchanged plans from the last build, and where this one leaves its own.</param>
    /// <returns>The analysis and the model its clusters come from (null when nothing could be clustered).</returns>
    public (ThemeAnalysis Analysis, ClusterModel? Model, bool Trained) Analyze(IReadOnlyList<Plan> plans, ClusterModel? previous,
        double maxDrift = DefaultMaxDrift, AnalysisMemo? memo = null)
    {
        var ordered = plans.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        // Plans are tagged independently, then joined in plan order: the same result on any number of threads.
        var perPlan = new (List<(ItemKey Key, IReadOnlyList<ThemeTag> Tags)> Tags, List<ClusterInput> Inputs, string[][] InputThemes, List<PlanThemeShare> Shares)[ordered.Count];
        Parallel.For(0, ordered.Count, p => perPlan[p] = TagPlan(ordered[p], memo));
        var tags = new Dictionary<ItemKey, IReadOnlyList<ThemeTag>>(perPlan.Sum(p => p.Tags.Count));
        var inputs = new List<ClusterInput>(perPlan.Sum(p => p.Inputs.Count));
        var inputThemes = new List<IReadOnlyList<string>>(inputs.Capacity);
        var shares = new List<PlanThemeShare>(perPlan.Sum(p => p.Shares.Count));
        foreach (var plan in perPlan)
        {
            foreach (var (key, itemTags) in plan.Tags) tags[key] = itemTags;
            inputs.AddRange(plan.Inputs);
            inputThemes.AddRange(plan.InputThemes);
            shares.AddRange(plan.Shares);
        }
        // Sized at once rather than grown by doubling (tens of thousands of keys).
        var analysed = new HashSet<ItemKey>(inputs.Count);
        foreach (var input in inputs) analysed.Add(input.Key);
        var drift = previous is not null && _clusterer.CanReuse(previous) ? _clusterer.Drift(previous, inputs) : double.PositiveInfinity;
        var trained = drift > maxDrift;
        var model = trained ? _clusterer.Train(inputs) : previous;
        var clustering = model is null ? ItemClustering.Empty
            : _clusterer.Assign(model, inputs, key => tags.TryGetValue(key, out var t) ? t.SubjectIds().ToList() : [],
                memo is null ? null : new PlacementMemo(memo, model, ordered, _tagger.Fingerprint), inputThemes);
        // With no drift, training again would give this very model; with some, a fresh model could draw the clusters
        // differently, and readers comparing two builds should know why.
        if (!trained && drift > 0) clustering = clustering with { Reused = new ReusedClusterModel(drift, maxDrift) };
        return (new ThemeAnalysis(_tagger.Taxonomy, tags, analysed, shares, clustering), model, trained);
    }

    /// <summary>A saved cluster model is reused while at most this share of the training sample has changed.</summary>
    public const double DefaultMaxDrift = 0.05;

    private (List<(ItemKey, IReadOnlyList<ThemeTag>)> Tags, List<ClusterInput> Inputs, string[][] InputThemes, List<PlanThemeShare> Shares) TagPlan(Plan plan, AnalysisMemo? memo)
    {
        var tags = new List<(ItemKey, IReadOnlyList<ThemeTag>)>(plan.Items.Count);
        var inputs = new List<ClusterInput>(plan.Items.Count);
        var counted = new List<(Item Item, IReadOnlyList<ThemeTag> Tags)>(plan.Items.Count);
        var memoKey = memo is not null && AnalysisMemo.PlanKey(plan) is { } planKey ? ContentHash.Combine(planKey, _tagger.Fingerprint) : (ulong?)null;
        var itemsTags = memoKey is { } k ? Remembered(memo!.Get(MemoSection.ThemeTags, k), plan.Items.Count) : null;
        if (itemsTags is null)
        {
            itemsTags = plan.Items.Select(i => _tagger.Tag(i.Text)).ToArray();
            if (memoKey is { } key) memo!.Put(MemoSection.ThemeTags, key, ToBytes(itemsTags));
        }
        for (var i = 0; i < plan.Items.Count; i++)
        {
            var item = plan.Items[i];
            var key = new ItemKey(plan.Id, item.Id);
            var itemTags = itemsTags[i];
            if (itemTags.Count > 0) tags.Add((key, itemTags));
            if (!IsAnalysed(item)) continue;
            inputs.Add(new ClusterInput(key, item.Text) { Terms = ItemClusterer.ThemeTerms(itemTags.SubjectIds()) });
            counted.Add((item, itemTags));
        }
        // In key order (the plan's items by id) as the clusterer wants them: sorted here, plan by plan on every core, the
        // corpus' inputs come in key order and neither the drift nor the assignment sorts them again. Each input's themes
        // go along in the same order (ties by place, as the stable sort of ItemClusterer.Sorted).
        var order = Enumerable.Range(0, inputs.Count).ToArray();
        Array.Sort(order, (a, b) => inputs[a].Key.CompareTo(inputs[b].Key) is var c && c != 0 ? c : a.CompareTo(b));
        var themes = new string[order.Length][];
        for (var i = 0; i < order.Length; i++)
        {
            // A cluster's theme overlap is of what its items are about: subjects.
            themes[i] = counted[order[i]].Tags.SubjectIds().ToArray();
        }
        return (tags, order.Select(i => inputs[i]).ToList(), themes, Shares(plan, itemsTags).ToList());
    }

    private byte[] ToBytes(IReadOnlyList<ThemeTag>[] itemsTags)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(itemsTags.Length);
            foreach (var t in itemsTags) _tagger.Write(writer, t);
        }
        return stream.ToArray();
    }

    /// <summary>Each item's tags as the memo has them; null when it has none for the plan or they are damaged.</summary>
    private IReadOnlyList<ThemeTag>[]? Remembered(ReadOnlyMemory<byte>? bytes, int items)
    {
        if (bytes is null) return null;
        try
        {
            var reader = new MemoReader(bytes.Value.Span);
            if (reader.Int32() != items) return null;
            var tags = new IReadOnlyList<ThemeTag>[items];
            for (var i = 0; i < items; i++) tags[i] = _tagger.Read(ref reader);
            return reader.AtEnd ? tags : null;
        }
        catch (InvalidDataException) { return null; }
    }

    /// <summary>Content items: not section headings, not 一是… clauses (their text is already in their parent), not short lines.</summary>
    public static bool IsAnalysed(Item item) =>
        item.Kind is ItemKind.Item or ItemKind.TableRow or ItemKind.Paragraph && HanCount(item.Text) >= MinHanCharacters;

    /// <summary>
    /// Each theme's share of the plan's tasks (<see cref="PlanTasks"/>): a task has a theme when any of its places has it as a subject,
    /// and counts once however many places carry it; its characters are those of its own places, not of the attachment
    /// row that restates it nor of the clauses its item already holds.
    /// </summary>
    private IEnumerable<PlanThemeShare> Shares(Plan plan, IReadOnlyList<ThemeTag>[] itemsTags)
    {
        var position = new Dictionary<string, int>(plan.Items.Count, StringComparer.Ordinal);
        for (var i = 0; i < plan.Items.Count; i++) position.TryAdd(plan.Items[i].Id, i);
        var tasks = PlanTasks.Of(plan).Tasks;
        var totalChars = 0;
        var perTheme = new Dictionary<string, (int Items, int Chars)>(StringComparer.Ordinal);
        var themes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            themes.Clear();
            var chars = 0;
            foreach (var place in task.Places)
            {
                var i = position[place];
                foreach (var tag in itemsTags[i]) if (tag.IsSubject) themes.Add(tag.ThemeId);
                var item = plan.Items[i];
                if (task.Restatements.Contains(place) || item.Kind == ItemKind.SubItem && place != task.Id) continue;
                chars += item.Text.Length;
            }
            totalChars += chars;
            foreach (var theme in themes)
            {
                var (n, c) = perTheme.GetValueOrDefault(theme);
                perTheme[theme] = (n + 1, c + chars);
            }
        }
        foreach (var theme in _tagger.Taxonomy.Themes)
        {
            var (items, chars) = perTheme.GetValueOrDefault(theme.Id);
            yield return new PlanThemeShare(plan.Id, theme.Id, items,
                tasks.Count == 0 ? 0 : Math.Round((double)items / tasks.Count, 4),
                totalChars == 0 ? 0 : Math.Round((double)chars / totalChars, 4));
        }
    }

    private static int HanCount(string text)
    {
        var n = 0;
        foreach (var c in text) if (c is >= '\u4E00' and <= '\u9FFF') n++;
        return n;
    }
}
