namespace PlanAtlas.Model;

/// <summary>Everything the read stage found in an input folder.</summary>
public sealed record InputSet(
    string InputDirectory,
    SiteSettings Settings,
    IReadOnlyList<SourceDocument> Documents,
    IReadOnlyDictionary<string, ManifestEntry> Manifest,
    IReadOnlyList<ContentPage> Pages,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Plan files whose bytes a build cache already holds parsed: hashed, checked for duplicates, not decoded again.</summary>
    public IReadOnlyList<KnownPlanFile> Known { get; init; } = [];

    /// <summary>The themes of input/themes.yml (empty without one): what the analysis tags items with.</summary>
    public ThemeTaxonomy Taxonomy { get; init; } = ThemeTaxonomy.Empty;
}

/// <summary>
/// A plan file the caller already knows by its bytes (an incremental build's cache): <see cref="TextFingerprint"/>
/// and <see cref="Format"/> are what duplicate detection needs of the decoded document, remembered from when it was decoded.
/// </summary>
public sealed record KnownPlanFile(string SourceFile, string Format, string ContentHash, string TextFingerprint);
