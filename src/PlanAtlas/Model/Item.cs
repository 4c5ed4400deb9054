namespace PlanAtlas.Model;

public enum ItemKind
{
    /// <summary>A heading that groups items (一、… as a section title, 附件 titles).</summary>
    Section,
    /// <summary>A numbered item carrying text: （一）, 1., （1）.</summary>
    Item,
    /// <summary>One clause of an inline enumeration 一是…二是…, kept under its parent item.</summary>
    SubItem,
    /// <summary>A row of an attachment task-division table (序号 / 任务 / 主要内容 / 责任单位).</summary>
    TableRow,
    /// <summary>Body text outside any numbered item (preamble, 总体要求, unnumbered paragraphs).</summary>
    Paragraph,
}

/// <summary>A deadline as written (3月底前) and, where it resolves to a day, as a date.</summary>
public sealed record Deadline(string Text, DateOnly? Date);

/// <summary>
/// One node of a plan's outline. Items are stored flat in document order; <see cref="ParentId"/> and
/// <see cref="Level"/> give the tree. <see cref="Id"/> is the permalink anchor, unique and stable within the plan.
/// </summary>
/// <remarks>
/// Id scheme (ASCII letters, digits and '-', starting with a letter, usable as an HTML anchor):
/// numbered items are "i" + their numbers joined by '-' ("i2" for 二、, "i2-3" for its （三）, "i2-3-1" for 1.
/// under that; "i2-4" for item 4. when items run 1–36 across sections); inline enumerations add "-s" + the
/// number ("i1-3-s2" for 二是 inside （三）), inline numbered clauses "-n" + the number ("i1-2-n1" for a （1）
/// written inside item 2.); enumerations without a parent are "o" + their group's first
/// line ("o10-s1"); task-table rows are "t" + 序号 ("t12"), continuation rows of a merged task "t12-2", "t12-3";
/// attachments "a1", "a2"; unnumbered paragraphs and label headings "p" + their line ("p9"). A clash gets "-1", "-2".
/// </remarks>
/// <param name="Path">The number path a reader would cite, e.g. "二.（三）" or "附件.12".</param>
/// <param name="Marker">The number as written ("一、", "（三）", "1.", "一是"); null for paragraphs.</param>
/// <param name="Heading">The lead phrase (加强改革宣传力度), or the whole heading for a section.</param>
/// <param name="Text">The item's full text, marker and heading included, exactly as in the document (inline
/// sub-items included; lines of a multi-line item or table row joined with '\n').</param>
/// <param name="Line">1-based line in the source where the item starts.</param>
public sealed record Item(
    string Id,
    string Path,
    int Level,
    ItemKind Kind,
    string? Marker,
    string Heading,
    string Text,
    string? ParentId,
    int Line)
{
    public IReadOnlyList<string> ResponsibleUnits { get; init; } = [];
    public IReadOnlyList<Deadline> Deadlines { get; init; } = [];
    public IReadOnlyList<string> Targets { get; init; } = [];
    public IReadOnlyList<string> Citations { get; init; } = [];
    public IReadOnlyList<string> Slogans { get; init; } = [];

    /// <summary>
    /// The source characters this item accounts for itself, in document order. For an item split into inline
    /// sub-items these are only its own parts (the lead and a closing 责任单位 parenthesis); the sub-items own the rest.
    /// </summary>
    public IReadOnlyList<SourceSpan> Spans { get; init; } = [];

    /// <summary>The cells of a task-division table row, for <see cref="ItemKind.TableRow"/>.</summary>
    public TaskTableRow? Table { get; init; }
}
