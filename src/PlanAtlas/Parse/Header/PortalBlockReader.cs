using System.Text.RegularExpressions;
using PlanAtlas.Model;

namespace PlanAtlas.Parse;

/// <summary>
/// Lines of a portal's metadata block: one or more "key: value" pairs per line (索  引  号: … 发文字号: … 发文日期: …).
/// Each pair becomes a metadata span "portal:key", so the block is kept as metadata and still accounted for.
/// </summary>
public static partial class PortalBlockReader
{
    /// <summary>Keys as the portals write them; white space between their characters is allowed (索  引  号).</summary>
    public static readonly string[] Keys =
        ["索引号", "发文字号", "文号", "发文日期", "成文日期", "发布日期", "发文单位", "发文机关", "发布机构", "主题分类",
         "效力状态", "有效性", "主题词", "公开方式", "生效日期", "废止日期", "信息来源", "发布时间", "来源", "名称", "标题",
         "体裁分类", "组配分类", "文件编号", "所属主题", "公开范围", "浏览次数", "点击数", "责任编辑", "作者", "文章来源", "发布人"];

    [GeneratedRegex(@"(?<key>索\s*引\s*号|发\s*文\s*字\s*号|文\s*号|发\s*文\s*日\s*期|成\s*文\s*日\s*期|发\s*布\s*日\s*期|发\s*文\s*单\s*位|发\s*文\s*机\s*关|发\s*布\s*机\s*构|主\s*题\s*分\s*类|效\s*力\s*状\s*态|有\s*效\s*性|主\s*题\s*词|公\s*开\s*方\s*式|生\s*效\s*日\s*期|废\s*止\s*日\s*期|信\s*息\s*来\s*源|发\s*布\s*时\s*间|来\s*源|名\s*称|标\s*题|体\s*裁\s*分\s*类|组\s*配\s*分\s*类|文\s*件\s*编\s*号|所\s*属\s*主\s*题|公\s*开\s*范\s*围|浏\s*览\s*次\s*数|点\s*击\s*数|责\s*任\s*编\s*辑|作\s*者|文\s*章\s*来\s*源|发\s*布\s*人)\s*[:：]",
        RegexOptions.CultureInvariant)]
    private static partial Regex Key();

    private static readonly System.Buffers.SearchValues<char> KeyStarts = System.Buffers.SearchValues.Create(string.Concat(Keys.Select(k => k[0]).Distinct()));

    public sealed record Pair(string Key, string Value, int Start, int Length);

    /// <summary>The pairs of a portal line, or null when the line does not start with a key.</summary>
    public static IReadOnlyList<Pair>? Read(string line)
    {
        // A long line that merely starts with 来源： is an article, not a block.
        if (line.Length > 160) return null;
        var first = TextScan.SkipWhite(line);
        if (first >= line.Length || !KeyStarts.Contains(line[first])) return null;
        var matches = Key().Matches(line);
        if (matches.Count == 0 || matches[0].Index != first) return null;
        var pairs = new List<Pair>();
        for (var k = 0; k < matches.Count; k++)
        {
            var start = k == 0 ? 0 : matches[k].Index;
            var end = k + 1 < matches.Count ? matches[k + 1].Index : line.Length;
            var key = string.Concat(matches[k].Groups["key"].Value.Where(c => !char.IsWhiteSpace(c)));
            var valueStart = matches[k].Index + matches[k].Length;
            var value = TextScan.TrimAll(line[valueStart..end]);
            pairs.Add(new Pair(key, value, start, end - start));
        }
        return pairs;
    }

    public static PortalBlock ToBlock(IEnumerable<Pair> pairs) =>
        new(pairs.Where(p => p.Value.Length > 0).Select(p => new KeyValuePair<string, string>(p.Key, p.Value)).ToList());
}
