namespace PlanAtlas.Model;

/// <summary>
/// One row of input/plans.csv. Every field but <see cref="File"/> is optional; a value given here overrides
/// what the parser found in the document. Raw strings: the parser validates them and reports bad ones by row.
/// </summary>
/// <param name="Row">1-based CSV row (the header is row 1), for messages.</param>
/// <remarks>
/// <c>fetch</c> also writes <c>fetched_at</c> and <c>sha256</c> (when and which bytes it downloaded): they are its
/// record, accepted by the build and not used by it.
/// </remarks>
public sealed record ManifestEntry(
    int Row,
    string File,
    string? Title,
    string? Region,
    string? RegionCode,
    string? Level,
    string? Year,
    string? Issuer,
    string? DocNumber,
    string? IssuedOn,
    string? Kind,
    string? SourceUrl)
{
    /// <summary>What the file is: a plan (the default), or a page or attachment kept for the record and not built.</summary>
    public ManifestRole Role { get; init; }
}

/// <summary>The manifest's <c>role</c> column.</summary>
public enum ManifestRole
{
    /// <summary>A plan: built (an empty cell means this).</summary>
    Plan,
    /// <summary>A portal page whose plan is an attached file: kept beside it, not built.</summary>
    Page,
    /// <summary>A file a plan's page links to that is not the plan (a task table, the plan again in another format): kept, not built.</summary>
    Attachment,
}
