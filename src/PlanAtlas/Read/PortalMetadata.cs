using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace PlanAtlas.Read;

/// <summary>
/// The metadata block government portals put above a document (索引号 / 发文字号 / 发文日期 / 发文单位 / 主题分类 ...):
/// the smallest element holding at least two of the well-known labels. Its "label：value" pairs become container
/// metadata under the label as written, spaces removed ("索 引 号" → "索引号"), and the block is removed from the page
/// so it does not also turn up as content.
/// </summary>
internal static partial class PortalMetadata
{
    /// <summary>Labels that only a metadata block uses; two of them identify one. Other labels inside it are kept too.</summary>
    private static readonly string[] AnchorLabels =
        ["索引号", "发文字号", "文号", "发文日期", "成文日期", "发布日期", "发文单位", "发文机关", "发布机构", "主题分类", "效力状态", "有效性", "组配分类", "体裁分类"];

    private const int MaxBlockLength = 1000;

    // A label is 2–8 CJK characters, written solid ("发文字号") or spaced out ("索 引 号"), followed by a colon,
    // and starts the text or follows a space.
    [GeneratedRegex(@"(?<=^|[\s\u00A0\u3000|｜])(?<label>\p{IsCJKUnifiedIdeographs}{2,8}|\p{IsCJKUnifiedIdeographs}(?:[\s\u00A0\u3000]+\p{IsCJKUnifiedIdeographs}){1,7})[\s\u00A0\u3000]*[:：]")]
    private static partial Regex Label();

    public static Dictionary<string, string> Extract(IDocument document)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (document.Body is null) return metadata;
        if (FindBlock(document.Body) is not { } block) return metadata;
        // Two labels can share one table row; the whole table (or list) is the block, rows without a well-known label too.
        if (block.Closest("table, dl, ul, ol") is { } list && Whitespace.RemoveAll(list.TextContent).Length <= MaxBlockLength)
            block = list;
        var group = WithLabelledSiblings(block);

        var text = string.Join(' ', group.Select(BlockText));
        var labels = Label().Matches(text);
        for (int i = 0; i < labels.Count; i++)
        {
            var end = i + 1 < labels.Count ? labels[i + 1].Index : text.Length;
            var valueStart = labels[i].Index + labels[i].Length;
            var key = Whitespace.RemoveAll(labels[i].Groups["label"].Value);
            var value = Whitespace.Collapse(text[valueStart..end]);
            if (value.Length > 0) metadata.TryAdd(key, value);
        }
        foreach (var e in group) e.Remove();
        return metadata;
    }

    /// <summary>
    /// Labels written as lines of text (&lt;p&gt;索引号：… 发文字号：…&lt;/p&gt;&lt;p&gt;发文单位：…&lt;/p&gt;) spread over
    /// neighbouring elements: those next to the block that hold a label belong to it.
    /// </summary>
    private static List<IElement> WithLabelledSiblings(IElement block)
    {
        var group = new List<IElement> { block };
        bool Labelled(IElement e)
        {
            var solid = Whitespace.RemoveAll(e.TextContent);
            return solid.Length <= MaxBlockLength / 4 && CountAnchors(solid) >= 1;
        }
        for (var e = block.PreviousElementSibling; e is not null && Labelled(e); e = e.PreviousElementSibling) group.Insert(0, e);
        for (var e = block.NextElementSibling; e is not null && Labelled(e); e = e.NextElementSibling) group.Add(e);
        return group;
    }

    private static IElement? FindBlock(IElement body)
    {
        IElement? best = null;
        foreach (var e in body.Descendants<IElement>())
        {
            var text = e.TextContent;
            if (text.Length > MaxBlockLength * 4) continue;
            var solid = Whitespace.RemoveAll(text);
            if (solid.Length > MaxBlockLength || CountAnchors(solid) < 2) continue;
            // Descendants come in document order, parents first: a later match inside the best one is smaller.
            if (best is null || best.Contains(e)) best = e;
        }
        return best;
    }

    private static int CountAnchors(string solid) =>
        AnchorLabels.Count(l => solid.Contains(l + "：", StringComparison.Ordinal) || solid.Contains(l + ":", StringComparison.Ordinal));

    /// <summary>The block's text with a space between cells and elements, so a label never runs into the value before it.</summary>
    private static string BlockText(IElement block)
    {
        var parts = new List<string>();
        foreach (var node in block.Descendants())
            if (node is IText t && t.Data.Length > 0) parts.Add(t.Data);
        return string.Join(' ', parts);
    }
}
