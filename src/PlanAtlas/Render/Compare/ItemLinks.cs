using PlanAtlas.Analyze.Reuse;
using PlanAtlas.Model;

namespace PlanAtlas.Render.Compare;

/// <summary>An item as a link target on another page: which plan, which item, the address of its anchor, its text.</summary>
public sealed record ItemLinkView(string PlanId, string PlanTitle, string Year, string Label, string Url, string Text, string Snippet);

/// <summary>One entry of an item's "see also" list on a plan page.</summary>
public sealed record SeeAlsoView(ItemLinkView Item, string Score, bool Reused, bool SamePlan);

/// <summary>A run of a side-by-side comparison; <see cref="Op"/> is "equal", "delete" or "insert". Templates escape <see cref="Text"/>.</summary>
public sealed record DiffSegmentView(string Op, string Text);

/// <summary>
/// Resolves item keys to the plan and item they name, and makes the links and snippets pages show.
/// Built once per build from the parsed plans.
/// </summary>
public sealed class ItemLinks
{
    public const int SnippetLength = 60;
    /// <summary>Items a plan page lists under "see also".</summary>
    public const int SeeAlsoShown = 3;

    /// <summary>
    /// Plan id → item id → the item's number (its place in <see cref="_items"/>). Two small lookups rather than one by
    /// <see cref="ItemKey"/>: a rebuild's fingerprints look up about a million matches, and a dictionary of every item of
    /// the corpus, hashed by two strings each time, spent most of its time waiting for memory. The plans' table stays in
    /// cache, and so does a plan's while its page is fingerprinted.
    /// </summary>
    private readonly Dictionary<string, Dictionary<string, int>> _numbers = new(StringComparer.Ordinal);
    private readonly List<(Plan Plan, Item Item)> _items = [];
    private readonly ItemLinkView?[] _views;
    private readonly SiteUrls _urls;

    public ItemLinks(IReadOnlyList<Plan> plans, SiteUrls urls)
    {
        _urls = urls;
        foreach (var plan in plans)
        {
            if (!_numbers.TryGetValue(plan.Id, out var numbers)) _numbers[plan.Id] = numbers = new Dictionary<string, int>(plan.Items.Count, StringComparer.Ordinal);
            foreach (var item in plan.Items)
                if (numbers.TryAdd(item.Id, _items.Count)) _items.Add((plan, item));
        }
        _views = new ItemLinkView?[_items.Count];
    }

    /// <summary>How many items are known: their numbers (<see cref="Number"/>) run from 0 to one less.</summary>
    public int Count => _items.Count;

    /// <summary>The item's number among the known items; -1 when it is not known.</summary>
    public int Number(ItemKey key) =>
        _numbers.TryGetValue(key.PlanId, out var numbers) && numbers.TryGetValue(key.ItemId, out var number) ? number : -1;

    public bool Contains(ItemKey key) => Number(key) >= 0;

    public Plan PlanOf(ItemKey key) => _items[Known(key)].Plan;

    public Item ItemOf(ItemKey key) => _items[Known(key)].Item;

    private int Known(ItemKey key) => Number(key) is var number and >= 0 ? number : throw new KeyNotFoundException($"no item {key}");

    /// <summary>The link of an item; made once per build (a counterpart appears on many compare and plan pages, and in their fingerprints).</summary>
    public ItemLinkView View(ItemKey key)
    {
        var number = Known(key);
        // Two threads may both make it: the first one stored is used, and the links are equal.
        return _views[number] ?? Interlocked.CompareExchange(ref _views[number], MakeView(number), null) ?? _views[number]!;
    }

    /// <summary>
    /// Adds to <paramref name="inputs"/> everything <see cref="View"/> makes the item's link from (the site's base path
    /// is in every fingerprint already): a page fingerprint hashes a link this way without making it, since making and
    /// keeping the links of every item an incremental build's pages point to was about 40 MB of garbage per build. What
    /// MakeView starts reading must be added here (PlanPageInputsTests change each of these and check the digest).
    /// </summary>
    public void AddSource(ItemKey key, PageInputs inputs) => AddSource(Known(key), inputs);

    /// <summary><see cref="AddSource(ItemKey, PageInputs)"/> of the item numbered <paramref name="number"/>.</summary>
    public void AddSource(int number, PageInputs inputs)
    {
        var (plan, item) = _items[number];
        inputs.Add(plan.Id).Add(plan.Title).Add(plan.Year.HasValue).Add(plan.Year ?? 0)
            .Add(item.Id).Add((long)item.Kind).Add(item.Path).Add(item.Marker).Add(item.Line).Add(item.Text);
    }

    private ItemLinkView MakeView(int number)
    {
        var (plan, item) = _items[number];
        var text = item.Text.Trim();
        var label = Views.ItemLabel.Of(item);
        return new ItemLinkView(plan.Id, plan.Title, plan.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", label,
            _urls.Url(SiteUrls.PlanPath(plan.Id)) + "#" + Uri.EscapeDataString(item.Id), text,
            text.Length > SnippetLength ? text[..SnippetLength] + "…" : text);
    }

    /// <summary>Item id → its closest items elsewhere, for the plan page of <paramref name="plan"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SeeAlsoView>> SeeAlso(Plan plan, PeerAnalysis analysis)
    {
        var result = new Dictionary<string, IReadOnlyList<SeeAlsoView>>(StringComparer.Ordinal);
        foreach (var item in plan.Items)
        {
            if (!analysis.SeeAlso.TryGetValue(new ItemKey(plan.Id, item.Id), out var matches)) continue;
            var shown = Shown(plan, matches).Select(m => new SeeAlsoView(View(m.Other), Percent(m.Score), m.Reused, m.Other.PlanId == plan.Id)).ToList();
            if (shown.Count > 0) result[item.Id] = shown;
        }
        return result;
    }

    private static readonly (bool Reused, bool SamePlan)[] ShownOrder = [(true, false), (true, true), (false, false), (false, true)];

    /// <summary>
    /// The matches an item of <paramref name="plan"/> lists under "see also": reuse first, then items of other plans
    /// before this plan's own (that is what "see also" is for). The page and its input fingerprint (<see cref="PlanPageInputs"/>) both use it.
    /// </summary>
    public IReadOnlyList<ItemMatch> Shown(Plan plan, IReadOnlyList<ItemMatch> matches)
    {
        // A stable sort on two flags, as four passes: every plan page's every item goes through it, and its fingerprint too.
        var shown = new List<ItemMatch>(SeeAlsoShown);
        foreach (var (reused, samePlan) in ShownOrder)
            foreach (var m in matches)
            {
                if (shown.Count == SeeAlsoShown) return shown;
                if (m.Reused == reused && (m.Other.PlanId == plan.Id) == samePlan && Contains(m.Other)) shown.Add(m);
            }
        return shown;
    }

    public static IReadOnlyList<DiffSegmentView> Diff(string a, string b) =>
        TextAlignment.Segments(a, b).Select(s => new DiffSegmentView(s.Op.ToString().ToLowerInvariant(), s.Text)).ToList();

    public static string Percent(double share) => $"{Rounded(share):0}%";

    /// <summary>The number <see cref="Percent"/> prints: equal values print alike.</summary>
    public static double Rounded(double share) => Math.Round(share * 100);
}
