using System.Globalization;
using System.Text.RegularExpressions;

namespace PlanAtlas.Read;

/// <summary>
/// The portal metadata of a page by meaning, whatever label the portal used: 标题 or 名称 or the ArticleTitle tag,
/// 发文机关 or 发布机构, 文号 or 发文字号, and so on. The dates are the portal's, read as calendar dates.
/// </summary>
/// <param name="Issuer">发文机关 / 发文单位 / 发布机构: who issued (or, failing that, published) the document.</param>
/// <param name="WrittenOn">成文日期 / 发文日期: the document's own date.</param>
/// <param name="PublishedOn">发布日期 / 发布时间 / PubDate: when the portal put it online.</param>
/// <param name="Source">来源 / 信息来源 / ContentSource: the unit that supplied the page.</param>
/// <param name="Column">ColumnName: the site section the page sits in.</param>
public sealed partial record PortalFields(
    string? Title,
    string? IndexNumber,
    string? Issuer,
    string? DocNumber,
    DateOnly? WrittenOn,
    DateOnly? PublishedOn,
    string? Topic,
    string? Source,
    string? Column)
{
    [GeneratedRegex(@"(?<y>(?:19|20)\d{2})\s*[年\-/.]\s*(?<m>\d{1,2})\s*[月\-/.]\s*(?<d>\d{1,2})")]
    private static partial Regex Date();

    /// <summary>Values portals put in an empty field.</summary>
    private static readonly HashSet<string> Placeholders = new(StringComparer.OrdinalIgnoreCase)
        { "无", "暂无", "空", "-", "--", "—", "——", "/", "null", "none", "n/a" };

    public static PortalFields From(IReadOnlyDictionary<string, string> metadata)
    {
        string? First(params string[] keys) =>
            keys.Select(k => metadata.GetValueOrDefault(k)).FirstOrDefault(v => v is not null && !Placeholders.Contains(v.Trim()));
        return new PortalFields(
            Title: First("标题", "名称", "信息名称", "文件名称", "meta:ArticleTitle"),
            IndexNumber: First("索引号"),
            Issuer: First("发文机关", "发文单位", "制发机关", "发布机构", "发布单位"),
            DocNumber: First("发文字号", "文号", "文件编号"),
            WrittenOn: ParseDate(First("成文日期", "发文日期")),
            PublishedOn: ParseDate(First("发布日期", "发布时间", "meta:PubDate")),
            Topic: First("主题分类", "所属主题", "信息分类"),
            Source: First("来源", "信息来源", "文章来源", "meta:ContentSource"),
            Column: First("meta:ColumnName"));
    }

    /// <summary>2023年02月27日, 2023-02-27 10:06, 2023/2/27 or 2023.02.27; null when it is none of these or no real date.</summary>
    public static DateOnly? ParseDate(string? text)
    {
        if (text is null || Date().Match(text) is not { Success: true } m) return null;
        int Part(string g) => int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
        var (y, mo, d) = (Part("y"), Part("m"), Part("d"));
        return mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }
}
