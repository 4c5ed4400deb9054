namespace PlanAtlas.Model;

/// <summary>A span of the source removed as web-page chrome (今天是…, 网站地图, ICP备…), kept so nothing is lost silently.</summary>
public sealed record RemovedText(int Line, string Text, string Reason)
{
    /// <summary>Where in the line the removed text starts (0 when the whole line was chrome).</summary>
    public int Start { get; init; }
}

/// <summary>
/// The structured record of one plan: what the parser made of one source document.
/// <see cref="Id"/> is the permalink (region code and year, e.g. 420700-2018, with -2 … where a region has two plans in a year).
/// </summary>
public sealed record Plan(
    string Id,
    string SourceFile,
    PlanMetadata Metadata,
    IReadOnlyList<Item> Items,
    IReadOnlyList<RemovedText> Removed,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>
    /// Names what the record was made from — the file's name and bytes and its manifest row — and nothing else, so an
    /// incremental build can tell an unchanged plan by it (the id is assigned over the whole corpus: compare it too).
    /// Empty for a plan not made by the parse stage.
    /// </summary>
    public string ContentKey { get; init; } = "";

    /// <summary>The decoded source, kept so the plan page can show the original text.</summary>
    public SourceDocument? Source { get => _source?.Value; init => _source = value is null ? null : new(value); }

    private Lazy<SourceDocument?>? _source;

    /// <summary>
    /// This plan with a source made only when something reads it: the source is half of a cached record, and an
    /// incremental build reads it for the few plans whose pages it renders again (<paramref name="load"/> runs once).
    /// </summary>
    public Plan WithSource(Func<SourceDocument?> load) => this with { _source = new(load, LazyThreadSafetyMode.ExecutionAndPublication) };

    /// <summary>The spans of the source read as metadata (title, 发文字号, signature, portal block …), in source order.</summary>
    public IReadOnlyList<MetadataSpan> MetadataSpans { get; init; } = [];

    /// <summary>The document's own title, or where it states none a neutral name of place and year (平潭县2023年〔无标题〕), never its file name.</summary>
    public string Title => Metadata.Title?.Value ?? Untitled(Metadata);

    /// <summary>The name shown for a plan whose document states no title and whose manifest row gives none.</summary>
    public static string Untitled(PlanMetadata m) =>
        (m.Region?.Value.Name ?? "") + (m.Year is { } y ? y.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + "年" : "") + "〔无标题〕";
    public int? Year => Metadata.Year?.Value;
    public Region? Region => Metadata.Region?.Value;
}
