namespace PlanAtlas.Model;

/// <summary>
/// What a reader hands the parser, whatever the file's format: the document as an ordered list of
/// blocks, plus metadata the container itself carried (a portal's 发文字号 table, a .docx's core properties).
/// </summary>
/// <param name="SourceFile">Path relative to the plans folder, with forward slashes: the plan's name in messages.</param>
/// <param name="Format">"txt", "md", "html", "docx", "pdf", "doc", "wps", "xlsx", "xls" or "ofd".</param>
/// <param name="Encoding">The character encoding the text was decoded from, where the file was text.</param>
/// <param name="ContentHash">SHA-256 of the file's bytes, lower-case hex: detects the same plan under two names.</param>
public sealed record SourceDocument(
    string SourceFile,
    string Format,
    string? Encoding,
    IReadOnlyList<SourceBlock> Blocks,
    IReadOnlyDictionary<string, string> ContainerMetadata,
    string ContentHash)
{
    /// <summary>The text of every paragraph block in order, one per line: what the parser accounts for.</summary>
    public IEnumerable<string> Lines => Blocks.OfType<ParagraphBlock>().Select(b => b.Text);

    /// <summary>What the reader noticed without failing; the read stage turns each into a warning.</summary>
    public IReadOnlyList<ReadNote> Notes { get; init; } = [];

    /// <summary>Set when (some of) the text was recognised from page images rather than read from a text layer.</summary>
    public TextRecognition? Recognition { get; init; }
}

/// <summary>
/// Text recognised from images (a scanned PDF): the engine, its mean confidence over the recognised characters (0–100)
/// and the pages it read, 1-based. Recognised text has misread characters; the plan page says so.
/// </summary>
public sealed record TextRecognition(string Engine, double MeanConfidence, IReadOnlyList<int> Pages);

/// <summary>A block of a source document; <see cref="Line"/> is 1-based in the file where the format has lines.</summary>
public abstract record SourceBlock(int Line);

/// <summary>One line or paragraph of text, exactly as decoded (no trimming: the parser must account for every character).</summary>
public sealed record ParagraphBlock(int Line, string Text) : SourceBlock(Line);

/// <summary>A table that arrived as a table (html, docx); rows of cells, the header row first where there is one.</summary>
public sealed record TableBlock(int Line, IReadOnlyList<IReadOnlyList<string>> Rows) : SourceBlock(Line);

/// <summary>
/// Something a reader noticed that does not stop the document being read (no content block found, ...);
/// the read stage reports it as a warning naming the file.
/// </summary>
public sealed record ReadNote(string Code, int? Line, string Message);
