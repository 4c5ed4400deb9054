using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace PlanAtlas.Read;

/// <summary>
/// The metadata government portals put around a document, in the layouts their CMSs use: a label/value table of one
/// or several column pairs (labels with a colon, or alone in their cell: "索 引 号 | 0031…"), "键：值" lines, a
/// bulleted list (&lt;li&gt;• 索引号：…), a definition list, and the standard &lt;meta name="ArticleTitle"&gt; /
/// PubDate / ContentSource / ColumnName tags. A block is the smallest element holding at least two of the
/// well-known labels; its pairs become container metadata under the label as written, spaces removed
/// ("索 引 号" → "索引号"), and the block is removed from the page so it does not also turn up as content.
/// Meta tags are kept as "meta:ArticleTitle" ...; <see cref="PortalFields"/> reads the values by meaning.
/// </summary>
internal static partial class PortalMetadata
{
    /// <summary>Labels that only a metadata block uses; two of them identify one. Other labels inside it are kept too.</summary>
    private static readonly string[] AnchorLabels =
        ["索引号", "发文字号", "文号", "发文日期", "成文日期", "发布日期", "发文单位", "发文机关", "发布机构", "主题分类", "效力状态", "有效性", "组配分类", "体裁分类"];

    /// <summary>
    /// Labels recognised without a colon, alone in a cell or between spaces: a value never looks like one of these.
    /// An unknown label needs its colon (it would otherwise be read as the value of the label before it).
    /// </summary>
    private static readonly string[] BareLabels =
    [
        .. AnchorLabels, "标题", "名称", "信息名称", "文件名称", "信息分类", "信息来源", "关键词", "主题词", "服务对象分类",
        "生命周期分类", "信息格式", "语种", "内容概述", "公开方式", "公开范围", "公开时限", "公开形式", "公开属性", "生成日期",
        "所属主题", "文件编号", "来源", "发布时间", "发布单位", "制发机关", "生效日期", "废止日期", "实施日期", "统一编号",
        "登记号", "内容分类", "机构分类", "文种", "公文种类", "是否有效", "有效期", "所属机构", "责任部门",
    ];

    /// <summary>Meta tags of the CMS templates most government sites share (TRS WCM and its imitators).</summary>
    private static readonly string[] MetaNames = ["ArticleTitle", "PubDate", "ContentSource", "ColumnName"];

    private const int MaxBlockLength = 1000;

    /// <summary>Bars and bullets between the pairs of a block, never part of a value.</summary>
    private static readonly char[] Separators = ['|', '｜', '•', '·', '●', '▪', '■', '◆', '◇', '○', '※', '►', '▶'];

    private const string Space = @"[\s\u00A0\u3000]";

    /// <summary>What may stand before a label: the start, a space, a separator bar or a list bullet.</summary>
    private const string Before = @"(?<=^|[\s\u00A0\u3000|｜•·●▪■◆◇○※►▶\-—])";

    // A label written with a colon: 2–8 CJK characters, solid ("发文字号") or spaced out ("索 引 号").
    [GeneratedRegex(Before + @"(?<label>\p{IsCJKUnifiedIdeographs}{2,8}|\p{IsCJKUnifiedIdeographs}(?:" + Space + @"+\p{IsCJKUnifiedIdeographs}){1,7})" + Space + "*[:：]")]
    private static partial Regex ColonLabel();

    /// <summary>A well-known label followed by a colon or standing alone between spaces (the end of a cell counts).</summary>
    private static readonly Regex BareLabel = new(
        Before + "(?<label>" + string.Join('|', BareLabels.OrderByDescending(l => l.Length).Select(l => string.Join(Space + "*", l.Select(c => c.ToString()))))
        + ")" + Space + @"*(?:[:：]|(?=[\s\u00A0\u3000]|$))",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    /// <summary>The metadata blocks of the page's body, removed from it. Call after <see cref="UnsafeContent.Remove"/>.</summary>
    public static Dictionary<string, string> Extract(IDocument document)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (document.Body is null) return metadata;
        foreach (var group in FindBlocks(document.Body).Select(WithLabelledSiblings).ToList())
        {
            foreach (var (key, value) in Pairs(string.Join(' ', group.Select(BlockText)))) metadata.TryAdd(key, value);
            foreach (var e in group) e.Remove();
        }
        return metadata;
    }

    /// <summary>The standard meta tags, as "meta:ArticleTitle" ...; read them before the head is dropped.</summary>
    public static Dictionary<string, string> MetaTags(IDocument document)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var meta in document.QuerySelectorAll("meta[name][content]"))
        {
            var name = MetaNames.FirstOrDefault(n => string.Equals(n, meta.GetAttribute("name")?.Trim(), StringComparison.OrdinalIgnoreCase));
            var content = Whitespace.Collapse(meta.GetAttribute("content") ?? "");
            if (name is not null && content.Length > 0) tags.TryAdd("meta:" + name, content);
        }
        return tags;
    }

    /// <summary>Label/value pairs of a block's text: every label runs to the next one; a label with nothing after it has no value.</summary>
    private static List<(string Key, string Value)> Pairs(string text)
    {
        var labels = Labels(text);
        var pairs = new List<(string, string)>();
        for (int i = 0; i < labels.Count; i++)
        {
            var end = i + 1 < labels.Count ? labels[i + 1].Index : text.Length;
            var valueStart = labels[i].Index + labels[i].Length;
            var value = Whitespace.Collapse(text[valueStart..end]).Trim(Separators).Trim();
            if (value.Length > 0) pairs.Add((Whitespace.RemoveAll(labels[i].Groups["label"].Value), value));
        }
        return pairs;
    }

    /// <summary>Well-known labels and any label with a colon, in text order; where they overlap the well-known one wins.</summary>
    private static List<Match> Labels(string text)
    {
        var known = BareLabel.Matches(text).ToList();
        var all = new List<Match>(known);
        foreach (Match m in ColonLabel().Matches(text))
            if (!known.Any(k => k.Index < m.Index + m.Length && m.Index < k.Index + k.Length)) all.Add(m);
        all.Sort((a, b) => a.Index.CompareTo(b.Index));
        return all;
    }

    /// <summary>
    /// Labels written as lines of text (&lt;p&gt;索引号：… 发文字号：…&lt;/p&gt;&lt;p&gt;发文单位：…&lt;/p&gt;) spread over
    /// neighbouring elements: those next to the block that hold a label belong to it.
    /// </summary>
    private static List<IElement> WithLabelledSiblings(IElement block)
    {
        var group = new List<IElement> { block };
        static bool Labelled(IElement e) => Whitespace.RemoveAll(e.TextContent).Length <= MaxBlockLength / 4 && CountAnchors(e) >= 1;
        for (var e = block.PreviousElementSibling; e is not null && Labelled(e); e = e.PreviousElementSibling) group.Insert(0, e);
        for (var e = block.NextElementSibling; e is not null && Labelled(e); e = e.NextElementSibling) group.Add(e);
        return group;
    }

    /// <summary>
    /// Every block: the smallest elements holding two well-known labels, each widened to the table or list it sits in
    /// (two labels can share one table row; the whole table is the block, rows without a well-known label too).
    /// </summary>
    private static List<IElement> FindBlocks(IElement body)
    {
        var candidates = new List<IElement>();
        foreach (var e in body.Descendants<IElement>())
        {
            if (e.TextContent.Length > MaxBlockLength * 4) continue;
            var solid = Whitespace.RemoveAll(e.TextContent);
            if (solid.Length > MaxBlockLength || AnchorLabels.Count(l => solid.Contains(l, StringComparison.Ordinal)) < 2) continue;
            if (CountAnchors(e) >= 2) candidates.Add(e);
        }
        var blocks = new List<IElement>();
        // Descendants come in document order, parents first: a candidate holding a later one is not the smallest.
        foreach (var e in candidates.Where(c => !candidates.Any(d => d != c && c.Contains(d))))
        {
            var block = e.Closest("table, dl, ul, ol") is { } list && Whitespace.RemoveAll(list.TextContent).Length <= MaxBlockLength ? list : e;
            if (blocks.Any(b => b.Contains(block))) continue;
            blocks.RemoveAll(block.Contains);
            blocks.Add(block);
        }
        return blocks;
    }

    private static int CountAnchors(IElement e) =>
        Labels(BlockText(e)).Select(m => Whitespace.RemoveAll(m.Groups["label"].Value)).Distinct().Count(l => AnchorLabels.Contains(l));

    /// <summary>The block's text with a space between cells and elements, so a label never runs into the value before it.</summary>
    private static string BlockText(IElement block)
    {
        var parts = new List<string>();
        foreach (var node in block.Descendants())
            if (node is IText t && t.Data.Length > 0) parts.Add(t.Data);
        return string.Join(' ', parts);
    }
}
