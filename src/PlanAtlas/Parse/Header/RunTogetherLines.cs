using PlanAtlas.Parse.Outline;

namespace PlanAtlas.Parse.Header;

/// <summary>
/// Lines that hold what were several lines of the document, joined by white space when a page was copied or a
/// law database flattened it: a whole notice on one line (title (文号) 主送: 正文 署名 日期   计划标题   指导思想:…),
/// a signature with its date (泗水县安全生产委员会 2023年4月20日), addressees with the first sentence, outline items
/// run together (…稳定。 一、牢固树立… 1.深入学习…). Each piece becomes a <see cref="BodyLine"/> of its own, at
/// its offset in the source line; the white space between two pieces stays with the first, so every character
/// is still accounted for once.
/// </summary>
internal static class RunTogetherLines
{
    /// <summary>A flattened notice is a long line whose parts are separated by runs of three or more spaces.</summary>
    private const int FlattenedMinLength = 100;

    /// <summary>Every line split at the white space of a flattened notice; other lines as they are.</summary>
    public static List<BodyUnit> SplitFlattened(List<BodyUnit> units)
    {
        var result = new List<BodyUnit>(units.Count);
        foreach (var u in units)
        {
            if (u is BodyLine l && IsFlattened(l.Text))
                result.AddRange(SplitAt(l, WhiteRuns(l.Text).Where(r => r.Start > 0 && r.End < l.Text.Length).Select(r => r.End)));
            else result.Add(u);
        }
        return result;
    }

    /// <summary>
    /// Outline items run together on one line: a marker after white space starts a new piece when it carries on
    /// the document's numbering (the next number at its level, or 1 under a new heading). Only 一、（一）1. forms:
    /// （1） written inline is an enumeration of its item, not a new line.
    /// </summary>
    public static List<BodyUnit> SplitRunInMarkers(List<BodyUnit> units, int from)
    {
        var result = new List<BodyUnit>(units.Count);
        var last = new Numbering();
        for (var u = 0; u < units.Count; u++)
        {
            if (u < from || units[u] is not BodyLine line) { result.Add(units[u]); continue; }
            var cuts = new List<int>();
            if (OutlineMarker.Match(line.Text) is { } head) last.Count(head);
            foreach (var run in WhiteRuns(line.Text))
            {
                if (run.Start == 0 || run.End >= line.Text.Length) continue;
                var before = line.Text[run.Start - 1];
                if (char.IsAsciiLetterOrDigit(before)) continue;
                if (OutlineMarker.MatchAt(line.Text, run.End) is not { Level: <= 3 } m || !last.Continues(m)) continue;
                last.Count(m);
                cuts.Add(run.End);
            }
            result.AddRange(cuts.Count == 0 ? [line] : SplitAt(line, cuts));
        }
        return result;
    }

    /// <summary>The line cut before <paramref name="at"/> (an index in the line's text): the white space before the cut stays with the first piece.</summary>
    public static IEnumerable<BodyLine> SplitAt(BodyLine line, IEnumerable<int> at)
    {
        var start = 0;
        foreach (var cut in at.Where(c => c > 0 && c < line.Text.Length).Distinct().Order())
        {
            yield return line with { Text = line.Text[start..cut], Offset = line.Offset + start };
            start = cut;
        }
        yield return line with { Text = line.Text[start..], Offset = line.Offset + start };
    }

    /// <summary>Where a line's text after its first white-space run inside the text starts, or -1.</summary>
    public static int AfterFirstGap(string text, int from = 0)
    {
        foreach (var r in WhiteRuns(text))
            if (r.Start > from && r.End < text.Length) return r.End;
        return -1;
    }

    private static bool IsFlattened(string text)
    {
        if (text.Length < FlattenedMinLength) return false;
        var wide = 0;
        foreach (var r in WhiteRuns(text))
            if (r.Start > 0 && r.End < text.Length && r.End - r.Start >= 3 && ++wide >= 2) return true;
        return false;
    }

    /// <summary>The last number seen at each level, and when, to tell a marker that carries the numbering on.</summary>
    private sealed class Numbering
    {
        private readonly int[] _last = new int[OutlineMarker.MaxLevel + 2];
        private readonly int[] _when = new int[OutlineMarker.MaxLevel + 2];
        private int _step;

        public bool Continues(OutlineMarker m) =>
            m.Number == _last[m.Level] + 1
            // 1. under a new 一、 or （一）: the numbering restarts.
            || m.Number == 1 && Enumerable.Range(1, m.Level - 1).Any(l => _when[l] > _when[m.Level]);

        public void Count(OutlineMarker m)
        {
            _last[m.Level] = m.Number;
            _when[m.Level] = ++_step;
        }
    }

    /// <summary>Runs of white space in the text, as [Start, End).</summary>
    private static IEnumerable<(int Start, int End)> WhiteRuns(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!TextScan.IsWhite(text[i])) continue;
            var j = i;
            while (j < text.Length && TextScan.IsWhite(text[j])) j++;
            // A space between Latin letters or digits (IE 9) is not a break between parts.
            if (!(i > 0 && j < text.Length && char.IsAsciiLetterOrDigit(text[i - 1]) && char.IsAsciiLetterOrDigit(text[j])))
                yield return (i, j);
            i = j;
        }
    }
}
