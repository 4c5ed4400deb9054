namespace PlanAtlas.Analyze.Reuse;

/// <summary>
/// The knobs of reuse detection. The defaults are the values measured in THRESHOLDS.md; change them there
/// and here together.
/// </summary>
public sealed record ReuseOptions
{
    /// <summary>Characters per shingle (letters and digits only).</summary>
    public int ShingleSize { get; init; } = 5;

    /// <summary>LSH bands × rows per band = MinHash signature length.</summary>
    public int Bands { get; init; } = 16;
    public int RowsPerBand { get; init; } = 2;

    /// <summary>Fixed seed: the same corpus always gives the same signatures and links.</summary>
    public ulong Seed { get; init; } = 0x9E3779B97F4A7C15UL;

    /// <summary>A shingle found in more than this share of the plans is boilerplate (深入贯彻落实, 安全生产工作 …) …</summary>
    public double BoilerplateShare { get; init; } = 0.5;

    /// <summary>… but only once it is in at least this many plans: in a tiny corpus everything shared would look like boilerplate.</summary>
    public int BoilerplateMinPlans { get; init; } = 3;

    /// <summary>
    /// A shingle in more items than this of one plan is that plan's own boilerplate: the responsible-unit clause
    /// closing every item (（市安委会…牵头，有关部门分工负责，各县（市、区）政府落实）). A body item and the
    /// table row repeating it are two items; a paragraph repeated later is two items.
    /// </summary>
    public int LocalBoilerplateItems { get; init; } = 3;

    /// <summary>A passage needs this many informative (non-boilerplate) shingles to be indexed.</summary>
    public int MinPassageShingles { get; init; } = 3;

    /// <summary>A link needs this many informative shingles in common …</summary>
    public int MinSharedShingles { get; init; } = 4;

    /// <summary>… and aligned common runs covering this share of the shorter item …</summary>
    public double MinScore { get; init; } = 0.5;

    /// <summary>… or at least this many informative shingles in common (a whole sentence reused inside a longer item).</summary>
    public int MinSharedPassage { get; init; } = 25;

    /// <summary>
    /// Corpora of more plans than this count shingle frequencies on a sample of this many plans first, then exactly
    /// for the shingles common in the sample (see <see cref="ShingleFrequencies"/>): memory of the sample, not of the corpus.
    /// </summary>
    public int FrequencySamplePlans { get; init; } = 1000;

    /// <summary>
    /// How a passage in an LSH bucket is paired with earlier ones: never with the whole bucket (a family of n copies
    /// would give n² pairs), but with the bucket's earliest item, the items just before it, and over all bands the
    /// few sharing the most bands.
    /// </summary>
    public LshPairing Pairing { get; init; } = new();

    /// <summary>Matches kept per item (closest first): plan pages show the first few, compare pages look for peers among them.</summary>
    public int SeeAlsoCount { get; init; } = 20;

    public int SignatureLength => Bands * RowsPerBand;
}
