using System.Text.RegularExpressions;

namespace PlanAtlas.Analyze.Themes;

/// <summary>A half-open range of an item's text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
    public bool Contains(int start, int length) => start >= Start && start + length <= End;
}

/// <summary>
/// The places of an item's text where it commits to something (tools/themes/LABELLING.md): its heading, the first
/// sentence of its body and the lead clause of each 一是/二是 or (1)/(2) sub-point; its clauses, by which "most of the
/// text" is measured; and its lists (three or more members joined by 、), whose members are named in passing.
/// Plans mix full-width and ASCII punctuation (平潭 writes ',' and '('), so both are read alike.
/// </summary>
public sealed partial class ItemPlaces
{
    /// <summary>The item's own heading (`（十四）开展消防安全专项整治。`, `森林火灾：`), when it has one.</summary>
    public TextSpan? Heading { get; }

    /// <summary>The text without its heading and without a closing responsible-unit parenthesis.</summary>
    public TextSpan Body { get; }

    /// <summary>The heading, or the first clause when there is none: where a modifier (`煤矿智能化建设`) still counts.</summary>
    public TextSpan Lead { get; }

    /// <summary>
    /// The text names who acts and nothing else (`住建局牵头，公安、应急等部门配合`): the 责任单位 cell of a table row.
    /// </summary>
    public bool IsResponsibleUnits { get; }

    /// <summary>
    /// The item states overall requirements (`总体要求：以…为指导`, `指导思想`): its list of aims names themes in passing,
    /// and no place of it commits to one.
    /// </summary>
    public bool IsGeneral { get; }

    /// <summary>Heading (when there is one), first sentence, then the sub-point leads in text order.</summary>
    public IReadOnlyList<TextSpan> Places { get; }

    /// <summary>How many of <see cref="Places"/> are sub-point leads (they come last).</summary>
    public int SubPointLeads { get; }

    /// <summary>Each clause (between commas and stops) of the whole text.</summary>
    public IReadOnlyList<TextSpan> Clauses { get; }

    /// <summary>Each list of three or more members: the members' spans.</summary>
    public IReadOnlyList<IReadOnlyList<TextSpan>> Lists { get; }

    private ItemPlaces(string text, TextSpan? heading, TextSpan body, TextSpan lead, bool units, bool general, IReadOnlyList<TextSpan> places,
        int subPointLeads, IReadOnlyList<TextSpan> clauses, bool[] framing, IReadOnlyList<IReadOnlyList<TextSpan>> lists)
    {
        Text = text;
        Heading = heading;
        Body = body;
        Lead = lead;
        IsResponsibleUnits = units;
        IsGeneral = general;
        Places = places;
        SubPointLeads = subPointLeads;
        Clauses = clauses;
        _framing = framing;
        Lists = lists;
    }

    /// <summary>Per clause: whether it frames the work (<see cref="IsFraming"/>).</summary>
    private readonly bool[] _framing;

    /// <summary>The item's text, which every span indexes.</summary>
    public string Text { get; }

    /// <summary>A heading is short: longer first sentences are the body's first sentence.</summary>
    public const int MaxHeadingLength = 40;

    public static ItemPlaces Of(string text)
    {
        var numbering = Numbering().Match(text).Length;
        var heading = FindHeading(text, numbering);
        var bodyStart = heading?.End ?? 0;
        var bodyEnd = BodyEnd(text, bodyStart);
        while (bodyStart < bodyEnd && char.IsWhiteSpace(text[bodyStart])) bodyStart++;
        var body = new TextSpan(bodyStart, bodyEnd);
        var sentences = Split(text, body, IsSentenceEnd);
        var places = new List<TextSpan>();
        if (heading is { } h) places.Add(h);
        if (sentences.Count > 0) places.Add(sentences[0]);
        var leads = 0;
        foreach (Match m in SubPointMarker().Matches(text, body.Start))
        {
            if (m.Index >= body.End) break;
            var start = m.Index + m.Length;
            var end = start;
            while (end < body.End && !IsClauseEnd(text[end])) end++;
            if (end > start) { places.Add(new TextSpan(start, end)); leads++; }
        }
        var clauses = Split(text, new TextSpan(0, text.Length), IsClauseEnd);
        var lead = heading ?? clauses.FirstOrDefault(c => c.End > body.Start);
        var units = text.Length <= MaxUnitsLength && UnitsCell().IsMatch(text);
        var opening = sentences.Count > 0 ? text.AsSpan(sentences[0].Start, sentences[0].Length) : [];
        var general = GeneralHeading().IsMatch(text) || opening.Contains("为指导", StringComparison.Ordinal);
        var framing = clauses.Select(c => Frames(text, c.Start == 0 ? numbering : c.Start, c.End)).ToArray();
        return new ItemPlaces(text, heading, body, lead, units, general, places, leads, clauses, framing, FindLists(text, clauses));
    }

    /// <summary>Longer texts that end in 配合 are sentences about cooperation, not a 责任单位 cell.</summary>
    public const int MaxUnitsLength = 80;

    /// <summary>The place that <paramref name="start"/> lies in: 0 heading, then first sentence, then sub-point leads; -1 none.</summary>
    public int PlaceOf(int start, int length)
    {
        for (var p = 0; p < Places.Count; p++) if (Places[p].Contains(start, length)) return p;
        return -1;
    }

    /// <summary>True when the place at <paramref name="index"/> is a sub-point lead.</summary>
    public bool IsSubPointLead(int index) => index >= Places.Count - SubPointLeads;

    public TextSpan ClauseOf(int start) => Clauses.FirstOrDefault(c => c.Start <= start && start < c.End);

    /// <summary>
    /// Whether the clause at <paramref name="start"/> frames the work rather than committing to it: it opens with 结合,
    /// 按照, 根据, 依据 or 对照 (`结合“打非治违”回头看活动，深化执法年活动` commits to the 执法年).
    /// </summary>
    public bool IsFraming(int start)
    {
        for (var c = 0; c < Clauses.Count; c++)
            if (Clauses[c].Start <= start && start < Clauses[c].End) return _framing[c];
        return false;
    }

    private static bool Frames(string text, int start, int end)
    {
        var span = text.AsSpan(start, Math.Max(0, end - start)).TrimStart();
        foreach (var word in FramingWords) if (span.StartsWith(word, StringComparison.Ordinal)) return true;
        return false;
    }

    private static readonly string[] FramingWords = ["结合", "按照", "根据", "依据", "对照"];

    /// <param name="numbering">The length of the item's number (`（十四）`, `20.`), 0 when it has none.</param>
    private static TextSpan? FindHeading(string text, int numbering)
    {
        var start = numbering;
        for (var i = start; i < text.Length && i - start <= MaxHeadingLength; i++)
        {
            var c = text[i];
            if (c is '，' or ',' or '；' or ';') return null;
            if (c is '。' or '！' or '？') return numbering > 0 && i > start ? new TextSpan(0, i + 1) : null;
            // `森林火灾：` and `关键词：` are headings with or without a number; a long run before the colon is a sentence.
            if (c is '：' or ':') return i > start && i - start <= 12 ? new TextSpan(0, i + 1) : null;
        }
        return null;
    }

    /// <summary>Where the body ends: before a closing parenthesis that names who is responsible.</summary>
    private static int BodyEnd(string text, int start)
    {
        var end = text.Length;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end <= start || text[end - 1] is not ('）' or ')')) return end;
        var open = text.LastIndexOfAny(['（', '('], end - 1);
        if (open <= start) return end;
        var inside = text.AsSpan(open, end - open);
        return inside.Contains("负责", StringComparison.Ordinal) || inside.Contains("牵头", StringComparison.Ordinal)
            || inside.Contains("配合", StringComparison.Ordinal) || inside.Contains("按职责", StringComparison.Ordinal) ? open : end;
    }

    private static List<TextSpan> Split(string text, TextSpan span, Func<char, bool> isEnd)
    {
        var parts = new List<TextSpan>();
        var start = span.Start;
        for (var i = span.Start; i < span.End; i++)
        {
            if (!isEnd(text[i])) continue;
            if (i + 1 > start) parts.Add(new TextSpan(start, i + 1));
            start = i + 1;
        }
        if (span.End > start) parts.Add(new TextSpan(start, span.End));
        return parts.Where(p => p.Length > 1).ToList();
    }

    private static bool IsSentenceEnd(char c) => c is '。' or '！' or '？' or '；' or ';' or '：' or ':';

    private static bool IsClauseEnd(char c) => IsSentenceEnd(c) || c is '，' or ',';

    /// <summary>
    /// Lists in clauses: pieces between 、, the last split once more at 和/及/与 (`A、B和C` has three members). Two pieces
    /// are a pair, not a list: a pair in a heading names two subjects.
    /// </summary>
    private static List<IReadOnlyList<TextSpan>> FindLists(string text, IReadOnlyList<TextSpan> clauses)
    {
        var lists = new List<IReadOnlyList<TextSpan>>();
        foreach (var clause in clauses)
        {
            var members = new List<TextSpan>();
            var start = clause.Start;
            for (var i = clause.Start; i < clause.End; i++)
            {
                if (text[i] != '、') continue;
                members.Add(new TextSpan(start, i));
                start = i + 1;
            }
            if (members.Count == 0) continue;
            // What follows 等 is what is done to the list (`…燃气等重点行业领域专项整治`), not one of its members.
            var etc = text.IndexOf('等', start, clause.End - start);
            var last = new TextSpan(start, etc > start ? etc : clause.End);
            var and = text.AsSpan(last.Start, last.Length).IndexOfAny("和及与");
            if (and > 0) { members.Add(new TextSpan(last.Start, last.Start + and)); last = new TextSpan(last.Start + and + 1, last.End); }
            members.Add(last);
            if (members.Count >= 3) lists.Add(members);
        }
        return lists;
    }

    [GeneratedRegex(@"^[^。]*(?:(?:部门|局|委员会|办公室|支队|单位|政府|乡镇)[^。]*(?:牵头|配合|负责|参与|落实|开展)[^。，,]{0,6}|监管部门|(?:牵头|配合)[^。]*(?:部门|局|单位|乡镇)[^。，,]{0,6})[）)]?[。]?\s*$")]
    private static partial Regex UnitsCell();

    [GeneratedRegex(@"^\s*(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)?\s*(?:总体要求|指导思想|总体思路)")]
    private static partial Regex GeneralHeading();

    [GeneratedRegex(@"^\s*(?:[（(][一二三四五六七八九十百零\d]{1,4}[）)]|[一二三四五六七八九十百]{1,3}、|\d{1,3}\s*[\.．、](?!\d))")]
    private static partial Regex Numbering();

    [GeneratedRegex(@"(?<=^|[。；;，,：:\s])(?:[一二三四五六七八九十]是|[（(]\d{1,2}[）)])")]
    private static partial Regex SubPointMarker();
}
