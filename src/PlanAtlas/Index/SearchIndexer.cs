using PlanAtlas.Model;
using PlanAtlas.Render;

namespace PlanAtlas.Index;

/// <summary>
/// The index stage: writes the static search index into search/index/ of the output (<see cref="IndexFiles"/>)
/// for the search page (theme/assets/js/search.js). Plans come from the model, other pages from their rendered
/// HTML (<see cref="PageDocuments"/>); each character and pair of adjacent characters of their text is a key
/// (<see cref="TermKeys"/>) whose documents are listed (<see cref="TermIndex"/>) in shard files of bounded size
/// (<see cref="ShardLayout"/>).
/// Written by hand rather than with Pagefind: with every Chinese character a word (the only way Pagefind found every
/// phrase), its index took too long, too much memory and too large downloads per query at scale (bench/README.md,
/// "Search at scale").
/// </summary>
public sealed class SearchIndexer(UiStrings strings)
{
    /// <summary>The index's folder in the site.</summary>
    public const string Folder = SiteUrls.Search + "index/";

    /// <summary>Pages the search never lists: the home page (an index of every plan) and the search page.</summary>
    private static readonly HashSet<string> SkippedPages = new(StringComparer.Ordinal) { "", SiteUrls.Search };

    /// <summary>
    /// Folders whose pages are not read: plans are indexed from the model, the compare pages show a plan's own
    /// text beside its peers' (already found as those plans), and the data page tabulates every plan.
    /// </summary>
    private static readonly string[] SkippedFolders = [SiteUrls.Plans, SiteUrls.Compare, SiteUrls.Data, Folder];

    /// <summary>The analyze stage's results: the theme filter comes from the plans' theme tags.</summary>
    public CorpusAnalysis? Analysis { get; init; }

    /// <summary>The term index of the previous build, when the cache kept one: few changed documents update it.</summary>
    public TermSnapshot? Previous { get; init; }

    /// <summary>The pages' texts as the previous build read them, when the cache kept them: unchanged page files are not read again.</summary>
    public PageTextMemo? PreviousPages { get; init; }

    /// <summary>After <see cref="Documents"/>: the pages' texts as read by this build, for the next one.</summary>
    public PageTextMemo? Pages { get; private set; }

    /// <summary>After <see cref="Write"/>: the term index it wrote, for the next build.</summary>
    public TermSnapshot? Snapshot { get; private set; }

    /// <summary>After <see cref="Write"/>: how many documents' keys were updated in <see cref="Previous"/>; null when the index was built afresh.</summary>
    public int? Updated { get; private set; }

    /// <summary>The documents, plans first (by id) then other pages (by path): a document's number is its place here.</summary>
    public IReadOnlyList<SearchDocument> Documents(IReadOnlyList<Plan> plans, OutputFolder output)
    {
        var planDocuments = new PlanDocuments(strings, ThemeNames(Analysis?.Themes));
        var documents = plans.OrderBy(p => p.Id, StringComparer.Ordinal).AsParallel().AsOrdered().Select(planDocuments.For).ToList();
        var pages = output.SiteFiles("*.html")
            .Select(file => (file.File, SitePath: Render.Publish.SitemapWriter.SitePathOf(file.Relative)))
            .Where(p => !SkippedPages.Contains(p.SitePath) && !SkippedFolders.Any(f => p.SitePath.StartsWith(f, StringComparison.Ordinal)))
            .OrderBy(p => p.SitePath, StringComparer.Ordinal)
            .ToList();
        var read = pages.AsParallel().AsOrdered().Select(p =>
        {
            var stamp = PageTextMemo.Stamp.Of(p.File);
            if (PreviousPages is null || !PreviousPages.TryGet(p.SitePath, stamp, out var page)) page = PageText.Extract(File.ReadAllText(p.File));
            return (p.SitePath, Stamp: stamp, Page: page);
        }).ToList();
        var memo = new PageTextMemo();
        foreach (var (sitePath, stamp, page) in read) memo.Add(sitePath, stamp, page);
        Pages = memo;
        documents.AddRange(read.Select(r => PageDocuments.From(r.SitePath, r.Page)).OfType<SearchDocument>());
        return documents;
    }

    /// <summary>Plan → the Chinese names of its themes (those tagging at least one item), in taxonomy order.</summary>
    private static Func<Plan, IReadOnlyList<string>>? ThemeNames(ThemeAnalysis? themes)
    {
        if (themes is null) return null;
        var byPlan = themes.Shares.Where(s => s.Items > 0).GroupBy(s => s.PlanId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(s => s.ThemeId).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        return plan => byPlan.TryGetValue(plan.Id, out var ids)
            ? themes.Taxonomy.Themes.Where(t => ids.Contains(t.Id)).Select(t => t.NameZh).ToList()
            : [];
    }

    /// <summary>Writes search/index/ into the output; returns the number of documents indexed.</summary>
    public int Write(IReadOnlyList<Plan> plans, OutputFolder output, CancellationToken cancellation = default)
    {
        var documents = Documents(plans, output);
        var plansCount = documents.Count(d => d.Type == SearchDocumentType.Plan);
        var hashes = new UInt128[documents.Count];
        var lengths = new int[documents.Count];
        string Keyed(int d, string raw)
        {
            var text = SearchText.Normalize(raw);
            lengths[d] = text.Length;
            return text;
        }
        IReadOnlyList<TermIndex.Entry>? entries = null;
        if (Previous is { } previous && previous.DocumentCount == documents.Count)
        {
            Parallel.For(0, documents.Count, new ParallelOptions { CancellationToken = cancellation }, d => hashes[d] = TermSnapshot.HashOf(documents[d]));
            previous.Lengths.CopyTo(lengths, 0);
            var changed = Enumerable.Range(0, documents.Count).Where(d => hashes[d] != previous.TextHashes[d]).ToList();
            entries = TermIndex.Update(previous, documents.Count, changed, d => Keyed(d, documents[d].Text));
            if (entries is not null) Updated = changed.Count;
        }
        entries ??= TermIndex.Build(documents.Select(d => d.Title.Length + d.Body.Length + d.Items.Sum(i => i.Text.Length)).ToList(), d =>
        {
            var raw = documents[d].Text;
            hashes[d] = TermSnapshot.HashOf(raw);
            return Keyed(d, raw);
        }, cancellation);
        Snapshot = new TermSnapshot { TextHashes = hashes, Lengths = lengths, Entries = entries };
        var layout = ShardLayout.For(entries);
        cancellation.ThrowIfCancellationRequested();

        var (table, setFiles) = DocumentTable.Build(documents, plansCount, layout.Count, lengths);
        IndexFiles.Write(output, Folder, table, setFiles, entries, layout, documents, hashes, cancellation);
        return documents.Count;
    }
}
