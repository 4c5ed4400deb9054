using System.Text.RegularExpressions;

namespace PlanAtlas.Parse;

/// <summary>
/// Tells web-page chrome (今天是…, 网站地图, ICP备…, 版权所有, browser advice, page tools) from document text.
/// Removed lines are kept in the record with the reason, so nothing is dropped silently. Portal metadata blocks
/// are not chrome: <see cref="PortalBlockReader"/> keeps them as metadata.
/// </summary>
public static partial class ChromeFilter
{
    // 今天是… and the empty date widget 今天: that a saved page keeps.
    [GeneratedRegex(@"^\s*今天(?:是|\s*[:：]\s*$)")]
    private static partial Regex DateBanner();

    [GeneratedRegex(@"网站地图|ICP备|ICP证|公网安备|版权所有|Copyright|网站标识码?|E_?[Mm]ail|邮编[:：]|主办单位[:：]|承办单位[:：]|技术支持[:：]|联系我们|网站纠错|^\s*地址[:：]|^\s*(?:电话|传真|网址|邮箱)\s*[:：]|^\s*关于我们\s*$")]
    private static partial Regex Footer();

    [GeneratedRegex(@"建议您使用|浏览器版本|最佳浏览效果|分辨率|浏览器9|IE内核")]
    private static partial Regex BrowserAdvice();

    // Breadcrumbs (您当前的位置: 首页 > …), font-size and print tools, hit counters, screen-reader hints.
    [GeneratedRegex(@"字体[:：]?\s*[【\[]?\s*大|字号\s*[:：]\s*打印|放大\s*正常\s*缩小|打印本页|关闭窗口|【打印】|【关闭】|分享到|扫一扫|^\s*(?:您)?(?:当前|现在)?(?:的|所在)?位置\s*[:：]|^\s*上一篇|^\s*下一篇|^\s*相关链接|^\s*首页\s*[>＞]|点击\s*[:：]?\s*[0-9]*\s*次|浏览次数\s*[:：]\s*[0-9]*\s*$|[Tt]ab\s*(?:按钮|键)切换|无障碍浏览")]
    private static partial Regex PageTools();

    [GeneratedRegex(@"\.\.\.""?>|^\s*图解[:：]")]
    private static partial Regex Residue();

    // A page's widgets on lines of their own (收藏, 下载法规, 朗读, 首页), a law database's disclaimer, a download link.
    [GeneratedRegex(@"^\s*(?:首页|收藏|下载法规|我要纠错|条款摘要|朗读|设为首页|加入收藏|【字体[:：]?)\s*$|资料来自公开网络|版权归原|设为首页|^\s*下载附件\s*[:：]|^\s*[>＞»]\s*\S+\s*[>＞»]")]
    private static partial Regex Widgets();

    // A table of contents: 目　录, and headings followed by dot leaders and a page number (一、现状与形势……（2）).
    [GeneratedRegex(@"^\s*目\s*录\s*$|(?:…{2,}|\.{4,}|·{4,}|…+\.+|\.+…+)\s*[（(]?\s*[0-9]{0,3}\s*[）)]?\s*$")]
    private static partial Regex Contents();

    // Page numbers of a printed copy: — 3 —, - 3 -, 第3页.
    [GeneratedRegex(@"^\s*(?:[—\-－]\s*[0-9]{1,3}\s*[—\-－]|第\s*[0-9]{1,3}\s*页(?:\s*共\s*[0-9]{1,3}\s*页)?)\s*$")]
    private static partial Regex PageNumber();

    // Every rule below needs one of these; most document lines have none, so the regexes rarely run.
    private static readonly System.Buffers.SearchValues<string> Triggers = System.Buffers.SearchValues.Create(
        ["今天是", "网站", "ICP", "公网安备", "版权所有", "Copyright", "Mail", "mail", "邮编", "主办单位", "承办单位", "技术支持", "联系我们",
         "地址", "浏览", "分辨率", "IE内核", "字体", "打印", "关闭", "分享到", "扫一扫", "位置", "上一篇", "下一篇", "相关链接", "首页", "...", "图解",
         "今天", "电话", "传真", "网址", "邮箱", "关于我们", "字号", "放大", "点击", "ab按钮", "ab键", "无障碍",
         "收藏", "下载", "纠错", "条款摘要", "朗读", "资料来自", "版权归", ">", "＞", "»", "目录", "目 ", "目　", "……", "....", "·····", "…."],
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
        if (Widgets().IsMatch(line)) return "page widgets";
        if (Contents().IsMatch(line)) return "table of contents";
        return null;
    }
}
