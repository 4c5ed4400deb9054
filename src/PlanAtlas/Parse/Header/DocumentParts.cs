using System.Text.RegularExpressions;
using PlanAtlas.Parse.Hanzi;
using PlanAtlas.Parse.Outline;

namespace PlanAtlas.Parse.Header;

/// <summary>
/// Recognisers for the parts of a 公文 around its body (GB/T 9704): title, issuer banner and signature, 主送机关,
/// 附注, 附件说明 and attachment headings. Each looks at one trimmed line.
/// </summary>
public static partial class DocumentParts
{
    private static readonly string[] DocumentTypes =
        ["工作要点", "要点", "通知", "意见", "方案", "办法", "总结", "报告", "计划", "安排", "决定", "规划", "纲要", "细则", "通报", "函", "规定", "措施", "清单", "分工"];

    private static readonly string[] OrgEndings =
        ["人民政府", "政府", "委员会", "安委会", "安委办", "办公室", "管委会", "管理局", "监督管理局", "应急管理局", "局", "厅", "委", "办", "党工委", "指挥部", "中心"];

    [GeneratedRegex(@"^(?:关键词|关键字)\s*[:：]")]
    private static partial Regex KeywordLabel();

    [GeneratedRegex(@"^[（(]\s*(?:此件|本件|联系人|此页无正文)[^）)]*[）)]$")]
    private static partial Regex NoteLine();

    [GeneratedRegex(@"^附\s*件\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})?\s*[:：]?$")]
    private static partial Regex AttachmentHeading();

    [GeneratedRegex(@"^附\s*件\s*[:：]\s*\S")]
    private static partial Regex AttachmentNote();

    public static bool HasTitleWord(string t)
    {
        t = Solid(Simplified.Of(t));
        return t.Contains("关于") || DocumentTypes.Any(w => t.EndsWith(w, StringComparison.Ordinal)) || t.Contains("工作要点") || t.Contains("的通知");
    }

    /// <summary>A title: short, no sentence punctuation, names a document type (关于…的通知, …工作要点).</summary>
    public static bool IsTitle(string t) =>
        t.Length is >= 4 and <= 60 && !t.Contains('。') && !t.EndsWith('：') && !t.EndsWith(':') && HasTitleWord(t)
        && OutlineMarker.Match(t) is null;

    /// <summary>
    /// The title of a notice (关于…的通知, 市安委会关于印发…, …的通知) rather than of a plan (2023年安全生产工作要点): a page
    /// that carries both is titled by the notice.
    /// </summary>
    public static bool IsNoticeTitle(string t)
    {
        t = Solid(Simplified.Of(t));
        return t.Contains("关于") || t.EndsWith("通知", StringComparison.Ordinal);
    }

    /// <summary>A title that is complete: ends with its document type, and a 关于 title with 的 before it (关于印发…要点 / 的通知 is not).</summary>
    public static bool EndsWithDocumentType(string t)
    {
        t = Solid(Simplified.Of(t));
        if (!DocumentTypes.Any(w => t.EndsWith(w, StringComparison.Ordinal))) return false;
        if (!t.Contains("关于") || t.EndsWith("通知", StringComparison.Ordinal)) return true;
        // 关于…的意见 is complete; 关于印发…工作要点 still waits for its 的通知.
        return DocumentTypes.Any(w => t.EndsWith("的" + w, StringComparison.Ordinal));
    }

    /// <summary>
    /// The plan a notice names without quotation marks: 关于印发霍山县2019年安全生产工作要点的通知 → 霍山县2019年安全生产工作要点.
    /// (Quoted names, 《…》, are read by <see cref="Quotations"/>.)
    /// </summary>
    public static string? NamedPlan(string title)
    {
        var s = Simplified.Of(title);
        var verb = s.IndexOf("印发", StringComparison.Ordinal);
        if (verb < 0) verb = s.IndexOf("转发", StringComparison.Ordinal);
        var end = s.LastIndexOf("的通知", StringComparison.Ordinal);
        if (verb < 0 || end <= verb + 2) return null;
        var name = title[(verb + 2)..end];
        return name.Length >= 4 && name.IndexOfAny(['《', '》']) < 0 ? name : null;
    }

    /// <summary>The text without the white space a broken header line or letter spacing left between CJK characters (通    知 → 通知).</summary>
    public static string Solid(string t)
    {
        if (t.AsSpan().IndexOfAny(" \t\u3000\u00a0") < 0) return t;
        var b = new System.Text.StringBuilder(t.Length);
        for (var i = 0; i < t.Length; i++)
        {
            if (TextScan.IsWhite(t[i]))
            {
                var j = i;
                while (j < t.Length && TextScan.IsWhite(t[j])) j++;
                // Keep a space between Latin letters or digits (IE 9, 2023 年 is joined: a number and a CJK character).
                if (b.Length > 0 && j < t.Length && char.IsAsciiLetterOrDigit(b[^1]) && char.IsAsciiLetterOrDigit(t[j])) b.Append(' ');
                i = j - 1;
                continue;
            }
            b.Append(t[i]);
        }
        return b.ToString();
    }

    /// <summary>An organisation's name on a line of its own: the banner (柳林县人民政府, …文件) or a signature.</summary>
    public static bool IsOrganisation(string t)
    {
        t = Simplified.Of(t);
        if (t.Length is < 3 or > 30 || t.AsSpan().IndexOfAny(TextScan.ClausePunctuation) >= 0) return false;
        var name = OrganisationName(t);
        return OrgEndings.Any(e => name.EndsWith(e, StringComparison.Ordinal)) && !HasTitleWord(name);
    }

    /// <summary>The organisation named by a banner: 柳林县人民政府文件 → 柳林县人民政府.</summary>
    public static string OrganisationName(string t) =>
        t.EndsWith("文件", StringComparison.Ordinal) && t.Length > 4 ? t[..^2].TrimEnd() : t;

    /// <summary>主送机关: ends with a colon, names several addressees or "各…".</summary>
    public static bool IsAddressees(string t)
    {
        t = Simplified.Of(t);
        return t.Length is >= 3 and <= 200 && (t.EndsWith('：') || t.EndsWith(':')) && !t.Contains('。')
               && (t.Contains('、') || t.Contains('，') || t.Contains(',') || t.StartsWith('各') || t.Contains("单位") || t.Contains("部门"))
               && !KeywordLabel().IsMatch(t);
    }

    public static bool IsNote(string t) => NoteLine().IsMatch(t);

    [GeneratedRegex(@"^(?:(?:19|20)[0-9]{2}|[〇零OＯ○一二三四五六七八九]{4})\s*年\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:编制|印发|制定)?$")]
    private static partial Regex MonthLine();

    /// <summary>A month alone (2016年12月编制, 二O一七年一月): when a plan was drawn up, on its cover page.</summary>
    public static bool IsMonthLine(string t) => t.Length <= 14 && MonthLine().IsMatch(t);

    [GeneratedRegex(@"^(?:抄\s*送|主\s*送)\s*[:：]|^联\s*系\s*人\s*[:：]|^[\p{IsCJKUnifiedIdeographs}]{2,30}\s*(?:(?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日)\s*印\s*发$")]
    private static partial Regex RecordLine();

    /// <summary>版记 and contact lines after the body: 抄送：…, 联系人：…, 柳林县人民政府办公室 2023年2月28日印发.</summary>
    public static bool IsRecordLine(string t) => t.Length <= 200 && RecordLine().IsMatch(t);

    public static bool IsAttachmentHeading(string t) => AttachmentHeading().IsMatch(t);

    public static bool IsAttachmentNote(string t) => AttachmentNote().IsMatch(t);

    /// <summary>A label heading on its own line: 关键词：责任落实; or a short line ending with a colon (总体要求：).</summary>
    public static bool IsLabelHeading(string t, out string heading)
    {
        heading = "";
        if (KeywordLabel().Match(t) is { Success: true } k)
        {
            heading = TextScan.TrimAll(t[k.Length..]);
            return heading.Length is > 0 and <= 30;
        }
        if (t.Length <= 16 && (t.EndsWith('：') || t.EndsWith(':')) && t.AsSpan(0, t.Length - 1).IndexOfAny(TextScan.ClausePunctuation) < 0)
        {
            heading = t[..^1].Trim();
            return heading.Length > 0;
        }
        return false;
    }

    /// <summary>Attachment names of a 附件说明: 附件：1.甲 2.乙, or a single name.</summary>
    public static IReadOnlyList<string> AttachmentNames(string t)
    {
        var colon = t.IndexOfAny(['：', ':']);
        var rest = TextScan.TrimAll(t[(colon + 1)..]);
        var parts = NumberedName().Split(rest).Select(TextScan.TrimAll).Where(p => p.Length > 0).ToList();
        return parts.Count == 0 ? [rest] : parts;
    }

    [GeneratedRegex(@"(?:^|\s+)[0-9]{1,2}[.．、]")]
    private static partial Regex NumberedName();
}
