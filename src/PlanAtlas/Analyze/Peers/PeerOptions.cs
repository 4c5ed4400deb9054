namespace PlanAtlas.Analyze.Peers;

public sealed record PeerOptions
{
    /// <summary>Plans in a "most similar" group.</summary>
    public int SimilarCount { get; init; } = 5;

    /// <summary>Attribute groups (same province, level, year) keep their most similar members up to this size, so a compare page stays readable at national scale.</summary>
    public int MaxGroupSize { get; init; } = 30;

    /// <summary>Character bigrams kept per plan's text profile (highest TF-IDF first).</summary>
    public int TermsPerPlan { get; init; } = 400;

    /// <summary>Plans within this many years of each other are in the same year group.</summary>
    public int YearWindow { get; init; } = 1;
}
