namespace PlanAtlas.Model;

/// <summary>
/// What the analyze stage found across the whole corpus, handed to the renderer. Each analysis adds its own
/// property (themes here; reuse and peers elsewhere); a null property means that analysis did not run.
/// </summary>
public sealed record CorpusAnalysis
{
    public static readonly CorpusAnalysis None = new();

    public ThemeAnalysis? Themes { get; init; }

    /// <summary>Reuse links, peer groups and cross-references.</summary>
    public PeerAnalysis? Peers { get; init; }
}
