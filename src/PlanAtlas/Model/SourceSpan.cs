namespace PlanAtlas.Model;

/// <summary>
/// A run of source characters: <see cref="Length"/> characters from <see cref="Start"/> in the text of line
/// <see cref="Line"/> (a <see cref="ParagraphBlock"/>), or of one cell of a <see cref="TableBlock"/> when
/// <see cref="Row"/> and <see cref="Column"/> are set. Spans are how the record proves it is lossless: every
/// character of the body belongs to exactly one metadata span, item span or removed span.
/// </summary>
public sealed record SourceSpan(int Line, int Start, int Length)
{
    /// <summary>0-based row of the table block, for a table cell.</summary>
    public int? Row { get; init; }
    /// <summary>0-based column of the table block, for a table cell.</summary>
    public int? Column { get; init; }

    public int End => Start + Length;
}

/// <summary>Which metadata field a span of the header or closing of a document was read as ("title", "doc_number", "portal:索引号" …).</summary>
public sealed record MetadataSpan(string Field, SourceSpan Span);

/// <summary>
/// One row of an attachment task-division table (序号 / 任务 / 主要内容 / 责任单位). A row without its own
/// 序号 and 任务 (a merged cell in the original) continues the previous task: <see cref="ContinuesPrevious"/>.
/// </summary>
/// <param name="Category">A sub-heading cell inside a task (森林火灾 under 加强重点灾种防范), where the table has one.</param>
/// <param name="Other">Cells of further columns (完成时限 …) by their header, in column order.</param>
public sealed record TaskTableRow(
    string? Number,
    string Task,
    string? Category,
    string Content,
    string? Units,
    bool ContinuesPrevious)
{
    public IReadOnlyList<KeyValuePair<string, string>> Other { get; init; } = [];
}

/// <summary>
/// A portal's metadata block (索引号 / 发文字号 / 发文日期 / 发文单位 / 主题分类 / 效力状态), values as written;
/// the parser turns the ones it understands into <see cref="PlanMetadata"/> values with provenance PortalMetadata.
/// </summary>
public sealed record PortalBlock(IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    public string? this[string key] => Fields.FirstOrDefault(f => f.Key == key).Value;
}
