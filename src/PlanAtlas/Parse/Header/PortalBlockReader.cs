using System.Text.RegularExpressions;
using PlanAtlas.Model;

namespace PlanAtlas.Parse.Header;

/// <summary>
/// Lines of a portal's metadata block, in the layouts portal templates give them as text:
/// <c>键: 值 键: 值</c> on one line (labels may be letter-spaced: 索 引 号), a bulleted <c>- 键：值</c> list, a
/// flattened table with cells between pipes (<c>键: | 值 |</c>, <c>[ 键 ] | 值 |</c>, <c>键:值 | |</c>), and a
/// vertical table flattened one cell per line (<c>文号 |</c> then <c>值 |</c>: see <see cref="LabelAlone"/>).
/// Each pair becomes a metadata span "portal:key", so the block is kept as metadata and still accounted for.
/// </summary>
public static partial class PortalBlockReader
{
    /// <summary>Keys as the portals write them; white space between their characters is allowed (索  引  号).</summary>
    public static readonly string[] Keys =
        ["索引号", "发文字号", "文号", "发文日期", "成文日期", "成文时间", "发布日期", "发文单位", "发文机关", "发布机构", "主题分类",
         "效力状态", "有效性", "是否有效", "主题词", "公开方式", "生效日期", "废止日期", "失效日期", "信息来源", "发布时间", "发文时间",
         "来源", "名称", "标题", "文件名称", "体裁分类", "组配分类", "信息分类", "文件编号", "所属主题", "公开范围", "公开日期", "公开目录",
         "公开责任部门", "公开形式", "生成日期", "概述", "浏览次数", "点击数", "责任编辑", "作者", "文章来源", "发布人", "颁布机构",
         "颁布日期", "生效状态", "所属类型", "适用地区", "适用领域", "日期", "发布单位", "发布文号", "有效性状态", "专业属性", "颁布部门",
         "法律效力", "应用分类"];

    // Longest keys first, so 发文日期 is read before the 日期 inside it.
    private static readonly Regex Key = new(
        "(?<key>" + string.Join("|", Keys.OrderByDescending(k => k.Length).Select(k => string.Join(@"\s*", k.Select(c => c.ToString())))) + @")\s*[:：]",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // A key alone in a table cell, without its colon: 失效日期 | |, [ 索引号 ] | …, 文号 | on a line of its own.
    private static readonly Regex BareKey = new(
        @"^[\[［【]?\s*(?<key>" + string.Join("|", Keys.OrderByDescending(k => k.Length).Select(k => string.Join(@"\s*", k.Select(c => c.ToString())))) + @")\s*[\]］】]?\s*[:：]?$",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly System.Buffers.SearchValues<char> KeyStarts = System.Buffers.SearchValues.Create(string.Concat(Keys.Select(k => k[0]).Distinct()) + "[［【");

    public sealed record Pair(string Key, string Value, int Start, int Length);

    /// <summary>The pairs of a portal line, or null when the line does not start with a key.</summary>
    public static IReadOnlyList<Pair>? Read(string line)
    {
        // A long line that merely starts with 来源： is an article, not a block.
        if (line.Length > 200) return null;
        var first = Bullet(line, TextScan.SkipWhite(line));
        if (first >= line.Length || !KeyStarts.Contains(line[first])) return null;
        return line.IndexOf('|') >= 0 ? ReadCells(line, first) : ReadPairs(line, first);
    }

    /// <summary>
    /// A key alone on a pipe-ended line (<c>文号 |</c>, <c>索引号: |</c>): one cell of a vertical label/value table
    /// flattened one cell per line, whose value is the next line's cell.
    /// </summary>
    public static string? LabelAlone(string line)
    {
        var cells = PipeCells.Split(line);
        if (cells is not { Count: 1 } || !PipeCells.EndsWithPipe(line)) return null;
        return BareKey.Match(cells[0].Text) is { Success: true } m ? Solid(m.Groups["key"].Value) : null;
    }

    private static IReadOnlyList<Pair>? ReadPairs(string line, int first)
    {
        var matches = Key.Matches(line, first);
        if (matches.Count == 0 || matches[0].Index != first) return null;
        var pairs = new List<Pair>();
        for (var k = 0; k < matches.Count; k++)
        {
            var start = k == 0 ? 0 : matches[k].Index;
            var end = k + 1 < matches.Count ? matches[k + 1].Index : line.Length;
            var valueStart = matches[k].Index + matches[k].Length;
            pairs.Add(new Pair(Solid(matches[k].Groups["key"].Value), TextScan.TrimAll(line[valueStart..end]), start, end - start));
        }
        return pairs;
    }

    /// <summary>Cells between pipes: a cell holding a key (with or without its value) starts a pair; the cell after a bare key is its value.</summary>
    private static IReadOnlyList<Pair>? ReadCells(string line, int first)
    {
        var cells = PipeCells.Split(line);
        if (cells is null || cells.Count == 0) return null;
        var found = new List<(string Key, string Value, int Start)>();
        for (var c = 0; c < cells.Count; c++)
        {
            var cell = cells[c];
            if (cell.Text.Length == 0) continue;
            if (BareKey.Match(cell.Text) is { Success: true } bare)
            {
                var value = c + 1 < cells.Count && !StartsWithKey(cells[c + 1].Text) ? cells[++c].Text : "";
                found.Add((Solid(bare.Groups["key"].Value), value, cell.Start));
            }
            else if (Key.Match(cell.Text) is { Success: true, Index: 0 } keyed)
                found.Add((Solid(keyed.Groups["key"].Value), TextScan.TrimAll(cell.Text[keyed.Length..]), cell.Start));
            else if (found.Count == 0) return null; // a row that does not open with a key is not the block
            else found[^1] = found[^1] with { Value = TextScan.TrimAll(found[^1].Value + " " + cell.Text) };
        }
        if (found.Count == 0) return null;
        var pairs = new List<Pair>();
        for (var k = 0; k < found.Count; k++)
        {
            var start = k == 0 ? 0 : found[k].Start;
            var end = k + 1 < found.Count ? found[k + 1].Start : line.Length;
            pairs.Add(new Pair(found[k].Key, found[k].Value, start, end - start));
        }
        return pairs;
    }

    private static bool StartsWithKey(string cell) => BareKey.IsMatch(cell) || Key.Match(cell) is { Success: true, Index: 0 };

    /// <summary>Skips a list bullet (- • · *) and the white space after it.</summary>
    private static int Bullet(string line, int i) =>
        i < line.Length - 1 && line[i] is '-' or '•' or '·' or '*' or '●' && TextScan.IsWhite(line[i + 1]) ? TextScan.SkipWhite(line, i + 1) : i;

    private static string Solid(string key) => string.Concat(key.Where(c => !char.IsWhiteSpace(c)));

    public static PortalBlock ToBlock(IEnumerable<Pair> pairs) =>
        new(pairs.Where(p => p.Value.Length > 0).Select(p => new KeyValuePair<string, string>(p.Key, p.Value)).ToList());

    [GeneratedRegex(@"^[0-9A-Za-z\-]{6,}/(?:19|20)[0-9]{2}-[0-9]{3,}$", RegexOptions.CultureInvariant)]
    private static partial Regex IndexNumber();

    /// <summary>An 索引号 as portals number their documents: 113715210042868543/2018-00023417.</summary>
    public static bool IsIndexNumber(string t) => t.Length <= 60 && IndexNumber().IsMatch(t);
}

/// <summary>Cells of a table row flattened onto one line between pipes: 序号 | 重点任务 | 牵头单位 |.</summary>
internal static class PipeCells
{
    public readonly record struct Cell(string Text, int Start);

    /// <summary>The trimmed cells, each with where it starts in the line (the white space before it included); null without a pipe.</summary>
    public static List<Cell>? Split(string line)
    {
        if (line.IndexOf('|') < 0) return null;
        var cells = new List<Cell>();
        var start = 0;
        for (var i = 0; i <= line.Length; i++)
        {
            if (i < line.Length && line[i] != '|') continue;
            var text = TextScan.TrimAll(line[start..i]);
            // The empty piece after a closing pipe is not a cell.
            if (!(i == line.Length && text.Length == 0)) cells.Add(new Cell(text, start));
            start = i + 1;
        }
        // A row that opens with a pipe (| 值 |) has an empty piece before it.
        if (cells.Count > 0 && cells[0].Text.Length == 0 && TextScan.TrimAll(line).StartsWith('|')) cells.RemoveAt(0);
        return cells;
    }

    public static bool EndsWithPipe(string line) => TextScan.TrimAll(line).EndsWith('|');

    /// <summary>A line of pipes and white space only (||||||, |): the empty cells of a flattened table.</summary>
    public static bool IsEmptyRow(string line)
    {
        var t = TextScan.TrimAll(line.AsSpan());
        if (t.IsEmpty) return false;
        foreach (var c in t) if (c != '|' && !TextScan.IsWhite(c)) return false;
        return true;
    }

    /// <summary>The text of a one-cell line without its closing pipe: 关于印发…的通知 | → 关于印发…的通知.</summary>
    public static string WithoutPipe(string t) => TextScan.TrimAll(t.TrimEnd('|', ' ', '\u3000', '\t'));
}
