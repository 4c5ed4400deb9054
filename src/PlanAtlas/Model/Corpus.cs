namespace PlanAtlas.Model;

/// <summary>Everything the read stage found in an input folder.</summary>
public sealed record InputSet(
    string InputDirectory,
    SiteSettings Settings,
    IReadOnlyList<SourceDocument> Documents,
    IReadOnlyDictionary<string, ManifestEntry> Manifest,
    IReadOnlyList<ContentPage> Pages,
    IReadOnlyList<Diagnostic> Diagnostics);
