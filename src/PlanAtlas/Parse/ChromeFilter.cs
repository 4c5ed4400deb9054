using System.Text.RegularExpressions;
using PlanAtlas.Model;

namespace PlanAtlas.Parse;

/// <summary>
/// Tells web-page chrome (今天是…, 网站地图, ICP备…, 版权所有, browser advice) from document text. Removed lines are
/// returned with the reason, so the record still accounts for every character.
/// </summary>
public static class ChromeFilter
{
    private static readonly (Regex Pattern, string Reason)[] Rules =
    [
        (new(@"^\s*今天是", RegexOptions.Compiled), "portal date banner"),
        (new(@"网站地图|ICP备|ICP证|版权所有|网站标识码?|E_?Mail|邮编[:：]", RegexOptions.Compiled), "portal footer"),
        (new(@"建议您使用|浏览器版本|最佳浏览效果|分辨率", RegexOptions.Compiled), "browser advice"),
        (new(@"字体[:：]?\s*[【\[]?大|打印本页|关闭窗口", RegexOptions.Compiled), "page tools"),
        (new(@"^\s*(?:索\s*引\s*号|主题分类|效力状态|发布日期)\s*[:：]", RegexOptions.Compiled), "portal metadata block"),
        (new(@"^\s*发文单位\s*[:：]", RegexOptions.Compiled), "portal metadata block"),
        (new(@"^图解[:：]", RegexOptions.Compiled), "related-link teaser"),
        (new(@"\.\.\.""?>", RegexOptions.Compiled), "page title residue"),
    ];

    public static string? ReasonToRemove(string line)
    {
        foreach (var (pattern, reason) in Rules)
            if (pattern.IsMatch(line)) return reason;
        return null;
    }
}
