using System.Buffers;

namespace PlanAtlas.Parse.Details;

/// <summary>
/// Responsible units: the parenthesis that closes an item （市应急管理局牵头，各县（市、区）政府落实）, nested
/// brackets of either width included, or a table's 责任单位 cell; split into a list of unit names without their
/// roles (牵头, 负责, 落实 …).
/// </summary>
public static class ResponsibleUnits
{
    private static readonly string[] RoleWords =
        ["按职责", "分工", "负责", "牵头", "配合", "落实", "组织", "督促", "会同", "参与", "指导", "结合实际", "协助", "抓好"];

    private static readonly SearchValues<string> RoleSearch = SearchValues.Create(RoleWords, StringComparison.Ordinal);

    /// <summary>Characters an organisation's name ends with (局, 委, 办, 政府 …): a role word right after one starts the role.</summary>
    private const string OrgEnd = "部局委办处室府会队站心所位门院段司厂组镇乡街区县市省团校";

    /// <summary>
    /// The closing parenthesis of <paramref name="text"/> (before trailing 。；and white space) if its content names
    /// units; returns the start of the opening bracket and the inside text.
    /// </summary>
    public static bool TryFindClosing(string text, out int open, out string inside)
    {
        open = -1; inside = "";
        var end = text.Length - 1;
        while (end >= 0 && (TextScan.IsWhite(text[end]) || text[end] is '。' or '；' or ';' or '.')) end--;
        if (end < 0 || text[end] is not ('）' or ')')) return false;
        var o = TextScan.MatchingOpen(text, end);
        if (o <= 0) return false;
        var content = text[(o + 1)..end];
        if (!LooksLikeUnits(content)) return false;
        open = o; inside = content;
        return true;
    }

    /// <summary>Every parenthesis inside the text that names units and ends in a role (（农业农村处负责）；…), in order.</summary>
    public static IEnumerable<string> FindAll(string text)
    {
        for (var close = text.IndexOfAny(['）', ')']); close >= 0; close = close + 1 < text.Length ? text.IndexOfAny(['）', ')'], close + 1) : -1)
        {
            var open = TextScan.MatchingOpen(text, close);
            if (open < 0) continue;
            // Only outermost brackets: skip one nested in a bracket that closes later.
            if (open > 0 && Depth(text, open) > 0) continue;
            var content = text[(open + 1)..close];
            if (LooksLikeUnits(content) && EndsWithRole(content)) yield return content;
        }
    }

    private static int Depth(string text, int index)
    {
        var depth = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] is '（' or '(') depth++;
            else if (text[i] is '）' or ')') depth = Math.Max(0, depth - 1);
        }
        return depth;
    }

    public static bool LooksLikeUnits(string content)
    {
        var c = TextScan.TrimAll(content);
        if (c.Length < 2 || c.Length > 200) return false;
        if (c.Contains('。') && !c.EndsWith('。')) return false;
        return c.AsSpan().ContainsAny(RoleSearch) || EndsWithOrg(c);
    }

    private static bool EndsWithRole(string content)
    {
        var c = TextScan.TrimAll(content).TrimEnd('。');
        return RoleWords.Any(r => c.EndsWith(r, StringComparison.Ordinal)) || c.EndsWith("开展", StringComparison.Ordinal);
    }

    private static bool EndsWithOrg(string c) =>
        c.EndsWith("部门", StringComparison.Ordinal) || c.EndsWith("单位", StringComparison.Ordinal)
        || c.EndsWith("政府", StringComparison.Ordinal) || c.EndsWith("管委会", StringComparison.Ordinal)
        || (c.Length <= 30 && c[^1] is '局' or '委' or '办' or '处' or '队' or '室');

    /// <summary>Splits a units text into names: on 、，；and 会同/和/及 between names, never inside brackets or quotes.</summary>
    public static IReadOnlyList<string> Split(string units)
    {
        var parts = new List<string>();
        var text = units.Trim();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '（' or '(' or '“' or '《' or '"') { depth++; continue; }
            if (c is '）' or ')' or '”' or '》') { depth = Math.Max(0, depth - 1); continue; }
            if (depth > 0) continue;
            int cut = 0;
            if (c is '、' or '，' or ',' or '；' or ';' or '/' or '\n') cut = 1;
            else if (text.AsSpan(i).StartsWith("会同")) cut = 2;
            else if (c is '和' or '及' && i > start && OrgEnd.Contains(text[i - 1]) && i + 1 < text.Length && text[i + 1] != '有') cut = 1;
            if (cut == 0) continue;
            Add(parts, text[start..i]);
            start = i + cut;
            i += cut - 1;
        }
        Add(parts, text[start..]);
        return parts.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void Add(List<string> parts, string raw)
    {
        var name = TextScan.TrimAll(raw).TrimEnd('。', '.', '；');
        name = StripRole(name);
        foreach (var suffix in (string[])["等有关部门", "等部门", "等单位", "等"])
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
            {
                name = name[..^suffix.Length];
                break;
            }
        name = TextScan.TrimAll(name);
        // 督促企业落实 after a comma is what the units do, not another unit.
        if (name.Length > 0 && !RoleWords.Any(r => name.StartsWith(r, StringComparison.Ordinal))) parts.Add(name);
    }

    /// <summary>Cuts the role off a unit: 市应急管理局牵头组织开展 → 市应急管理局; 市委组织部 stays (组织 followed by 部).</summary>
    private static string StripRole(string name)
    {
        for (var i = 1; i < name.Length; i++)
        {
            if (!OrgEnd.Contains(name[i - 1]) && !(name[i - 1] == '门')) continue;
            foreach (var role in RoleWords)
            {
                if (!name.AsSpan(i).StartsWith(role)) continue;
                var after = i + role.Length;
                if (after < name.Length && name[after] is '部' or '局' or '处' or '科' or '办') continue;
                return name[..i];
            }
        }
        return name;
    }
}
