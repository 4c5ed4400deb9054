namespace PlanAtlas.Model;

/// <summary>
/// One row of input/plans.csv. Every field but <see cref="File"/> is optional; a value given here overrides
/// what the parser found in the document. Raw strings: the parser validates them and reports bad ones by row.
/// </summary>
/// <param name="Row">1-based CSV row (the header is row 1), for messages.</param>
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
    string? SourceUrl);
