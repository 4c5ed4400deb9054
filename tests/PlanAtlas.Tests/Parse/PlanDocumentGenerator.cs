using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace PlanAtlas.Tests.Parse;

/// <summary>A generated plan and what it was built from, so properties can check the parser found all of it.</summary>
public sealed record GeneratedPlan(string Text, int NumberedItems, int Clauses, int TableRows);

/// <summary>
/// Generates plan documents that mix the deviations of real plans: page chrome, a portal block, mangled document
/// numbers and dates, two-line titles, 一、/（一）/(一)/1./1、/1．/（1）/(1) markers with missing levels and numbers
/// running on, inline and line-start 一是… enumerations, units in nested brackets, label headings, unnumbered
/// paragraphs, blank and white-space lines, and a flattened task table with continuation rows.
/// </summary>
public static class PlanDocumentGenerator
{
    private static readonly string[] Phrases =
    [
        "加强安全生产监管", "严格落实主体责任", "开展隐患排查治理", "推进“打非治违”专项行动", "落实《安全生产法》要求",
        "每月至少开展一次检查", "持证上岗率达100%", "3月底前完成", "6月25日和12月25日前报送", "强化统一是非标准",
        "完善应急预案", "健全“党政同责、一岗双责”机制", "推进2023年度重点工程", "开展(含气瓶)压力容器检查", "10月份组织演练",
    ];

    private static readonly string[] Units =
    [
        "（市应急管理局牵头，各有关部门分工负责）", "(县安委办负责)", "（市住建局、市消防救援支队按职责分工负责，各县（市、区）政府落实）",
        "(各处室按职责分工负责)",
    ];

    private static readonly string[] Chrome = ["今天是2023年3月1日 星期三", "【字体：大 中 小】【打印本页】", "网站地图 | 联系我们", "版权所有：某市应急管理局", "— 3 —"];

    private static Gen<string> Sentence() =>
        Gen.Elements(Phrases).ListOf().Where(l => l.Count > 0).Select(l => string.Join("，", l.Take(4)) + "。");

    private static Gen<string> Space() => Gen.Elements("", "", "", " ", "\u3000", "  ");

    public static Gen<GeneratedPlan> Documents() =>
        from chrome in Gen.Elements(Chrome).ListOf()
        from portal in Gen.Elements(true, false)
        from docNumber in Gen.Elements("柳政发〔2023〕2号", "柳政发〔20232", "宜市安字[2023]2号", "川安委(2021)4号", "")
        from twoLineTitle in Gen.Elements(true, false)
        from sections in Section().ListOf().Where(s => s.Count > 0).Select(s => s.Take(4).ToList())
        from extra in Gen.Elements("", "关键词：责任落实", "总体要求：")
        from orphans in Gen.Choose(0, 3)
        from date in Gen.Elements("2023年2月27日", "2023227", "二〇二三年二月二十七日")
        from table in Gen.Choose(0, 4)
        from continuation in Gen.Elements(true, false)
        from blank in Gen.Elements(true, false)
        select Build(chrome.Take(3).ToList(), portal, docNumber, twoLineTitle, sections, extra, orphans, date, table, continuation, blank);

    /// <summary>A section: its marker style, and items with their styles, enumeration clause counts and units.</summary>
    private sealed record GenSection(string Style, List<GenItem> Items);
    private sealed record GenItem(string Style, string Sentence, int Clauses, string? Units, string Lead);

    private static Gen<GenSection> Section() =>
        from style in Gen.Elements("一、", "一．", "none")
        from items in Item().ListOf().Select(i => i.Take(5).ToList())
        select new GenSection(style, items);

    private static Gen<GenItem> Item() =>
        from style in Gen.Elements("（一）", "(一)", "1.", "1、", "1．", "（1）", "(1)")
        from sentence in Sentence()
        from clauses in Gen.Elements(0, 0, 2, 3)
        from units in Gen.Elements(Units).OrNull()
        from lead in Space()
        select new GenItem(style, sentence, clauses, units, lead);

    private static GeneratedPlan Build(List<string> chrome, bool portal, string docNumber, bool twoLineTitle, List<GenSection> sections,
        string extra, int orphans, string date, int tableRows, bool continuation, bool blank)
    {
        var sb = new StringBuilder();
        void Line(string s) { sb.Append(s).Append('\n'); if (blank) sb.Append(s.Length % 3 == 0 ? "\n" : " \n"); }
        foreach (var c in chrome) Line(c);
        if (portal) { Line("索  引  号: 011217651/2023-1 发文字号: 发文日期: 2023年04月18日"); Line("发文单位: 某市应急管理局 效力状态: 有效"); }
        if (docNumber.Length > 0) Line(docNumber);
        if (twoLineTitle) { Line("某市安委会关于印发某市2023年"); Line("安全生产工作要点的通知"); }
        else Line("柳林县2023年安全生产工作要点");
        Line("各乡(镇)人民政府，县直有关单位：");
        Line("2023年全县安全生产工作要以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，坚持人民至上、生命至上，统筹发展和安全。");
        if (extra.Length > 0) Line(extra + (extra.StartsWith("总体") ? "" : ""));
        int numbered = 0, clauses = 0, running = 0;
        for (var s = 0; s < sections.Count; s++)
        {
            var section = sections[s];
            if (section.Style != "none")
            {
                Line(section.Style.Replace("一", Cn(s + 1)) + "深化安全生产专项整治");
                numbered++;
            }
            for (var k = 0; k < section.Items.Count; k++)
            {
                var it = section.Items[k];
                running++;
                var marker = it.Style.Contains('一') ? it.Style.Replace("一", Cn(running)) : it.Style.Replace("1", running.ToString());
                var body = new StringBuilder(it.Lead + marker + "加强监管执法。" + it.Sentence);
                for (var c = 1; c <= it.Clauses; c++) body.Append(Cn(c)).Append("是").Append(it.Sentence);
                if (it.Units is not null) body.Append(it.Units);
                Line(body.ToString());
                numbered++;
                clauses += it.Clauses;
            }
        }
        // Line-start enumerations after a complete item: an orphan group.
        if (orphans > 0)
        {
            Line("（九十九）完成年度任务。" + Phrases[0] + "。（县安委办负责）");
            numbered++;
            for (var o = 1; o <= orphans; o++) Line(Cn(o) + "是" + Phrases[o] + "。（县应急局负责）");
            clauses += orphans;
        }
        Line("某市安全生产委员会");
        Line(date);
        Line("（此件公开发布）");
        if (tableRows > 0)
        {
            Line("附件");
            Line("重点任务分工");
            foreach (var h in new[] { "序号", "任务", "主要内容", "责任单位" }) Line(h);
            for (var r = 1; r <= tableRows; r++)
            {
                Line(r.ToString());
                Line("加强源头管控");
                Line("严格规划、立项、建设等源头环节安全管控。");
                Line("发改、工信、应急等部门分工负责");
                if (continuation) { Line("认真执行安全设施“三同时”制度。"); Line("住建、交通等部门"); }
            }
        }
        Line("网站地图 鄂ICP备05017375号");
        var rows = tableRows * (continuation ? 2 : 1);
        return new GeneratedPlan(sb.ToString(), numbered, clauses, rows);
    }

    /// <summary>Cuts every line longer than <paramref name="width"/> into lines of that width, as a PDF copy does.</summary>
    public static string HardWrap(string text, int width)
    {
        var sb = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            for (var i = 0; i < line.Length; i += width) sb.Append(line.AsSpan(i, Math.Min(width, line.Length - i))).Append('\n');
            if (line.Length == 0) sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string Cn(int n) => PlanAtlas.Parse.ChineseNumerals.Format(n);

    /// <summary>Lines of characters the classifiers react to (markers, brackets, quotes, 是, digits, colons), in any order.</summary>
    public static Gen<List<string>> NoiseLines() =>
        Gen.Elements("一", "二", "十", "是", "、", "（", "）", "(", ")", "“", "”", "《", "》", "〔", "〕", "1", "2", "0", ".", "．", "。", "，", "；",
                "：", ":", " ", "\u3000", "年", "月", "日", "前", "附件", "序号", "任务", "主要内容", "责任单位", "关键词", "负责", "牵头", "局", "市",
                "县", "柳林县", "人民政府", "关于", "通知", "要点", "今天是", "网站地图", "发文字号", "索引号", "号", "\t")
            .ListOf().Select(l => string.Concat(l.Take(30)))
            .ListOf().Select(l => l.Take(25).ToList());

    /// <summary>Real tables: a header row sometimes, rows with empty (merged) 序号 and 任务 cells sometimes.</summary>
    public static Gen<IReadOnlyList<IReadOnlyList<string>>> Tables() =>
        from header in Gen.Elements(true, false)
        from rows in (from merged in Gen.Elements(true, false)
                      from content in Gen.Elements(Phrases)
                      from units in Gen.Elements("应急局", "住建局、消防", "", " ")
                      select (IReadOnlyList<string>)(merged ? ["", "", content, units] : ["1", "加强源头管控", content, units])).ListOf()
        select (IReadOnlyList<IReadOnlyList<string>>)(header
            ? new List<IReadOnlyList<string>> { new[] { "序号", "任务", "主要内容", "责任单位" } }.Concat(rows.Take(8)).ToList()
            : rows.Take(8).ToList());
}
