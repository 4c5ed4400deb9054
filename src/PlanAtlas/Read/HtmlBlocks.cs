using System.Text;
using AngleSharp.Dom;
using PlanAtlas.Model;

namespace PlanAtlas.Read;

/// <summary>
/// Turns a content element into blocks the way a browser lays it out: each block element and each &lt;br&gt; ends a
/// paragraph, data tables become table blocks, and layout tables (a cell holding paragraphs or another table,
/// or a single cell) are read through as if they were divs.
/// </summary>
internal sealed class HtmlBlocks
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre",
        "section", "article", "header", "footer", "nav", "aside", "main", "address", "center", "figure", "figcaption",
        "hr", "table", "tr", "td", "th", "caption", "tbody", "thead", "tfoot", "body", "details", "summary",
    };

    private readonly List<SourceBlock> _blocks = [];
    private readonly StringBuilder _line = new();

    public static List<SourceBlock> From(IElement root)
    {
        var reader = new HtmlBlocks();
        reader.Walk(root);
        reader.Flush();
        return reader._blocks;
    }

    private void Walk(INode node)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    _line.Append(text.Data);
                    break;
                case IElement { LocalName: "br" }:
                    Flush();
                    break;
                case IElement { LocalName: "table" } table when IsDataTable(table):
                    Flush();
                    _blocks.Add(new TableBlock(_blocks.Count + 1, Rows(table)));
                    break;
                case IElement element:
                    var block = BlockTags.Contains(element.LocalName);
                    if (block) Flush();
                    Walk(element);
                    if (block) Flush();
                    break;
            }
        }
    }

    private void Flush()
    {
        var text = Whitespace.Collapse(_line.ToString());
        _line.Clear();
        if (text.Length > 0) _blocks.Add(new ParagraphBlock(_blocks.Count + 1, text));
    }

    private static bool IsDataTable(IElement table)
    {
        var rows = OwnRows(table).ToList();
        if (rows.Count == 0) return false;
        var cells = rows.SelectMany(OwnCells).ToList();
        if (cells.Count < 2) return false;
        return !cells.Any(c => c.QuerySelector("p, div, table, ul, ol, h1, h2, h3, h4, h5, h6") is not null
                               && c.TextContent.Length > 200);
    }

    private static IReadOnlyList<IReadOnlyList<string>> Rows(IElement table) =>
        OwnRows(table)
            .Select(r => (IReadOnlyList<string>)OwnCells(r).Select(c => CellText(c)).ToList())
            .Where(r => r.Count > 0)
            .ToList();

    /// <summary>Rows of this table, not of tables nested in its cells.</summary>
    private static IEnumerable<IElement> OwnRows(IElement table) =>
        table.Children.SelectMany(c => c.LocalName is "thead" or "tbody" or "tfoot" ? c.Children : (IEnumerable<IElement>)[c])
            .Where(c => c.LocalName == "tr");

    private static IEnumerable<IElement> OwnCells(IElement row) => row.Children.Where(c => c.LocalName is "td" or "th");

    /// <summary>A cell's paragraphs joined by line breaks, as in a .docx cell.</summary>
    private static string CellText(IElement cell)
    {
        var inner = From(cell);
        return string.Join('\n', inner.Select(b => b switch
        {
            ParagraphBlock p => p.Text,
            TableBlock t => string.Join('\n', t.Rows.Select(r => string.Join(' ', r))),
            _ => "",
        }));
    }
}
