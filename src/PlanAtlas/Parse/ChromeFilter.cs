using System.Text.RegularExpressions;

namespace PlanAtlas.Parse;

/// <summary>
/// Tells web-page chrome (今天是…, 网站地图, ICP备…, 版权所有, browser advice, page tools) from document text.
/// Removed lines are kept in the record with the reason, so nothing is dropped silently. Portal metadata blocks
/// are not chrome: <see cref="PortalBlockReader"/> keeps them as metadata.
/// </summary>
public static partial class ChromeFilter
{
    [GeneratedRegex(@"^\s*今天是")]
    private static partial Regex DateBanner();

    [GeneratedRegex(@"网站地图|ICP备|ICP证|公网安备|版权所有|Copyright|网站标识码?|E_?[Mm]ail|邮编[:：]|主办单位[:：]|承办单位[:：]|技术支持[:：]|联系我们|网站纠错|^\s*地址[:：]")]
    private static partial Regex Footer();

    [GeneratedRegex(@"建议您使用|浏览器版本|最佳浏览效果|分辨率|浏览器9|IE内核")]
    private static partial Regex BrowserAdvice();

    [GeneratedRegex(@"字体[:：]?\s*[【\[]?\s*大|打印本页|关闭窗口|【打印】|【关闭】|分享到|扫一扫|^\s*当前位置[:：]|^\s*上一篇|^\s*下一篇|^\s*相关链接|^\s*首页\s*[>＞]")]
    private static partial Regex PageTools();

    [GeneratedRegex(@"\.\.\.""?>|^\s*图解[:：]")]
    private static partial Regex Residue();

    // Page numbers of a printed copy: — 3 —, - 3 -, 第3页.
    [GeneratedRegex(@"^\s*(?:[—\-－]\s*[0-9]{1,3}\s*[—\-－]|第\s*[0-9]{1,3}\s*页(?:\s*共\s*[0-9]{1,3}\s*页)?)\s*$")]
    private static partial Regex PageNumber();

    // Every rule below needs one of these; most document lines have none, so the regexes rarely run.
    private static readonly System.Buffers.SearchValues<string> Triggers = System.Buffers.SearchValues.Create(
        ["今天是", "网站", "ICP", "公网安备", "版权所有", "Copyright", "Mail", "mail", "邮编", "主办单位", "承办单位", "技术支持", "联系我们",
         "地址", "浏览", "分辨率", "IE内核", "字体", "打印", "关闭", "分享到", "扫一扫", "当前位置", "上一篇", "下一篇", "相关链接", "首页", "...", "图解"],
        StringComparison.Ordinal);

    public static string? ReasonToRemove(string line)
    {
        if (line.Length > 300) return null; // chrome is short; a long line is document text that happens to mention 地址
        if (line.Length <= 20 && PageNumber().IsMatch(line)) return "page number";
        if (!line.AsSpan().ContainsAny(Triggers)) return null;
        if (DateBanner().IsMatch(line)) return "portal date banner";
        if (Footer().IsMatch(line)) return "portal footer";
        if (BrowserAdvice().IsMatch(line)) return "browser advice";
        if (PageTools().IsMatch(line)) return "page tools";
        if (Residue().IsMatch(line)) return "page title residue";
        return null;
    }
}
