using System.Text.Json;
using PlanAtlas.Model;
using PlanAtlas.Render;

namespace PlanAtlas.Index;

/// <summary>
/// The index stage: builds the search records of the site (plans and their items from the model, other pages
/// from their HTML) and has Pagefind (npm, extended build) write the index into pagefind/ of the output.
/// Pagefind runs through its Node API (tools/search/build-index.mjs). Without Node.js the site is still built,
/// without search, and a warning says why.
/// </summary>
public sealed class SearchIndexer(SiteSettings settings, UiStrings strings, string? themeDirectory = null)
{
    public const string Script = "tools/search/build-index.mjs";
    public const string OutputFolderName = "pagefind";

    /// <summary>Pages the search never lists: the search page itself and the home page (an index of every plan).</summary>
    private static readonly HashSet<string> SkippedPages = new(StringComparer.Ordinal) { "", "search/" };

    /// <summary>The Node.js executable; tests point it elsewhere to check the build without Node.</summary>
    public string NodeProgram { get; init; } = "node";

    /// <summary>The analyze stage's results: the theme filter comes from the plans' theme tags.</summary>
    public CorpusAnalysis? Analysis { get; init; }

    /// <summary>The records, in a fixed order so the index is the same on every build.</summary>
    public IReadOnlyList<SearchRecord> Records(IReadOnlyList<Plan> plans, OutputFolder output)
    {
        var planRecords = new PlanRecords(strings, ThemeNames(Analysis?.Themes));
        var records = plans.OrderBy(p => p.Id, StringComparer.Ordinal).SelectMany(planRecords.For).ToList();
        var planFolder = Path.Combine(output.Root, "plans") + Path.DirectorySeparatorChar;
        var pagefindFolder = Path.Combine(output.Root, OutputFolderName) + Path.DirectorySeparatorChar;
        foreach (var file in Directory.EnumerateFiles(output.Root, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (file.StartsWith(planFolder, StringComparison.Ordinal) || file.StartsWith(pagefindFolder, StringComparison.Ordinal)) continue;
            var relative = Path.GetRelativePath(output.Root, file).Replace('\\', '/');
            var sitePath = relative.EndsWith("index.html", StringComparison.Ordinal) ? relative[..^"index.html".Length] : relative;
            if (SkippedPages.Contains(sitePath)) continue;
            if (PageRecords.From(sitePath, File.ReadAllText(file)) is { } record) records.Add(record);
        }
        return records;
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

    /// <summary>Writes pagefind/ into the output; returns the number of records indexed (0 when skipped).</summary>
    public int Write(IReadOnlyList<Plan> plans, OutputFolder output, List<Diagnostic> diagnostics, CancellationToken cancellation = default)
    {
        var tools = NodeTools.Find(Script, themeDirectory, AppContext.BaseDirectory, Directory.GetCurrentDirectory());
        if (tools is null)
        {
            diagnostics.Add(new Diagnostic(Severity.Warning, "PA600", Script, null,
                "the search index was not built: the PlanAtlas checkout with tools/search and package.json was not found above the theme, the tool or the working folder"));
            return 0;
        }
        var node = tools.Run(NodeProgram, ["--version"], null, TimeSpan.FromSeconds(30), cancellation);
        if (node.Error is not null)
        {
            diagnostics.Add(new Diagnostic(Severity.Warning, "PA601", Script, null, $"the search index was not built: {node.Error}"));
            return 0;
        }
        if (tools.EnsureInstalled("pagefind", cancellation) is { } installError)
        {
            diagnostics.Add(new Diagnostic(Severity.Warning, "PA602", "package.json", null, $"the search index was not built: {installError}"));
            return 0;
        }

        var records = Records(plans, output);
        var job = new
        {
            language = PagefindLanguage(settings.Language),
            output = Path.Combine(output.Root, OutputFolderName),
            records = records.Select(r => new { url = r.Url, content = r.Content, meta = r.Meta, filters = r.Filters, sort = r.Sort }),
        };
        var run = tools.Run(NodeProgram, [tools.Script(Script)], JsonSerializer.Serialize(job), TimeSpan.FromMinutes(10), cancellation);
        if (run.Error is not null)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, "PA603", Script, null, $"Pagefind could not write the search index: {run.Error}"));
            return 0;
        }
        return records.Count;
    }

    /// <summary>Pagefind splits indexes by ISO 639-1 language and segments Chinese only for "zh…".</summary>
    public static string PagefindLanguage(string siteLanguage) => siteLanguage.Split('-')[0].ToLowerInvariant() is { Length: > 0 } l ? l : "zh";
}
