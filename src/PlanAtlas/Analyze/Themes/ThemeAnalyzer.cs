using PlanAtlas.Analyze.Clustering;
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

    /// <summary>The analyze stage's theme step: input/themes.yml (if any), site.yml's cluster count, all plans.</summary>
    public static ThemeAnalysis ForInput(string inputDirectory, SiteSettings settings, IReadOnlyList<Plan> plans, List<Diagnostic> diagnostics)
    {
        var taxonomy = ThemeTaxonomyLoader.Load(inputDirectory, diagnostics);
        return new ThemeAnalyzer(taxonomy, new ClusterOptions { Clusters = settings.Clusters }).Analyze(plans);
    }

    public ThemeAnalysis Analyze(IReadOnlyList<Plan> plans)
    {
        var tags = new Dictionary<ItemKey, IReadOnlyList<ThemeTag>>();
        var analysed = new HashSet<ItemKey>();
        var inputs = new List<ClusterInput>();
        var shares = new List<PlanThemeShare>();
        foreach (var plan in plans.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            var counted = new List<(Item Item, IReadOnlyList<ThemeTag> Tags)>();
            foreach (var item in plan.Items)
            {
                var key = new ItemKey(plan.Id, item.Id);
                var itemTags = _tagger.Tag(item.Text);
                if (itemTags.Count > 0) tags[key] = itemTags;
                if (!IsAnalysed(item)) continue;
                analysed.Add(key);
                inputs.Add(new ClusterInput(key, item.Text));
                counted.Add((item, itemTags));
            }
            shares.AddRange(Shares(plan.Id, counted));
        }
        var clustering = _clusterer.Cluster(inputs, key => tags.TryGetValue(key, out var t) ? t.Select(x => x.ThemeId).ToList() : []);
        return new ThemeAnalysis(_tagger.Taxonomy, tags, analysed, shares, clustering);
    }

    /// <summary>Content items: not section headings, not 一是… clauses (their text is already in their parent), not short lines.</summary>
    public static bool IsAnalysed(Item item) =>
        item.Kind is ItemKind.Item or ItemKind.TableRow or ItemKind.Paragraph && HanCount(item.Text) >= MinHanCharacters;

    private IEnumerable<PlanThemeShare> Shares(string planId, List<(Item Item, IReadOnlyList<ThemeTag> Tags)> counted)
    {
        var totalChars = counted.Sum(c => c.Item.Text.Length);
        foreach (var theme in _tagger.Taxonomy.Themes)
        {
            var tagged = counted.Where(c => c.Tags.Any(t => t.ThemeId == theme.Id)).ToList();
            yield return new PlanThemeShare(planId, theme.Id, tagged.Count,
                counted.Count == 0 ? 0 : Math.Round((double)tagged.Count / counted.Count, 4),
                totalChars == 0 ? 0 : Math.Round((double)tagged.Sum(c => c.Item.Text.Length) / totalChars, 4));
        }
    }

    private static int HanCount(string text)
    {
        var n = 0;
        foreach (var c in text) if (c is >= '\u4E00' and <= '\u9FFF') n++;
        return n;
    }
}
