using DiffPlex;

namespace PlanAtlas.Analyze.Reuse;

public enum DiffOp { Equal, Delete, Insert }

/// <summary>A run of characters of a side-by-side comparison: in both texts, only in the first, or only in the second.</summary>
public sealed record DiffSegment(DiffOp Op, string Text);

/// <summary>What two texts have in common after a character-level alignment.</summary>
/// <param name="Covered">Characters in common runs of at least the minimum length.</param>
/// <param name="LongestRun">The longest common run.</param>
public readonly record struct CommonRuns(int Covered, int LongestRun);

/// <summary>
/// Character-level alignment of one candidate pair with DiffPlex (Myers' O(ND) diff): the score of a link
/// and the highlighted differences of the side-by-side view. Only candidate pairs are ever aligned.
/// </summary>
public static class TextAlignment
{
    public static CommonRuns Common(string a, string b, int minRun)
    {
        var covered = 0;
        var longest = 0;
        foreach (var (op, startA, length, _) in Runs(a, b))
        {
            if (op != DiffOp.Equal || length < minRun) continue;
            covered += length;
            longest = Math.Max(longest, length);
        }
        return new CommonRuns(covered, longest);
    }

    /// <summary>
    /// The two texts as one sequence of equal / deleted / inserted runs. A lone common character between two
    /// changes (的, 和) is folded into the change: highlighting it would split a changed phrase in two.
    /// </summary>
    public static IReadOnlyList<DiffSegment> Segments(string a, string b)
    {
        var raw = new List<DiffSegment>();
        foreach (var (op, startA, length, startB) in Runs(a, b))
            raw.Add(new DiffSegment(op, op == DiffOp.Insert ? b.Substring(startB, length) : a.Substring(startA, length)));
        var cleaned = new List<DiffSegment>();
        for (var i = 0; i < raw.Count; i++)
        {
            var s = raw[i];
            if (s.Op == DiffOp.Equal && s.Text.Length < 2 && i > 0 && i < raw.Count - 1)
            {
                cleaned.Add(new DiffSegment(DiffOp.Delete, s.Text));
                cleaned.Add(new DiffSegment(DiffOp.Insert, s.Text));
            }
            else cleaned.Add(s);
        }
        return Merge(cleaned);
    }

    /// <summary>Deletions before insertions, neighbours of the same kind joined.</summary>
    private static List<DiffSegment> Merge(List<DiffSegment> segments)
    {
        var merged = new List<DiffSegment>();
        var i = 0;
        while (i < segments.Count)
        {
            if (segments[i].Op == DiffOp.Equal) { merged.Add(segments[i++]); continue; }
            var deleted = new System.Text.StringBuilder();
            var inserted = new System.Text.StringBuilder();
            for (; i < segments.Count && segments[i].Op != DiffOp.Equal; i++)
                (segments[i].Op == DiffOp.Delete ? deleted : inserted).Append(segments[i].Text);
            if (deleted.Length > 0) merged.Add(new DiffSegment(DiffOp.Delete, deleted.ToString()));
            if (inserted.Length > 0) merged.Add(new DiffSegment(DiffOp.Insert, inserted.ToString()));
        }
        for (var j = merged.Count - 1; j > 0; j--)
            if (merged[j].Op == DiffOp.Equal && merged[j - 1].Op == DiffOp.Equal)
            {
                merged[j - 1] = new DiffSegment(DiffOp.Equal, merged[j - 1].Text + merged[j].Text);
                merged.RemoveAt(j);
            }
        return merged;
    }

    /// <summary>The alignment as runs: (op, start in a, length, start in b).</summary>
    private static IEnumerable<(DiffOp Op, int StartA, int Length, int StartB)> Runs(string a, string b)
    {
        var result = Differ.Instance.CreateCharacterDiffs(a, b, ignoreWhitespace: false);
        int posA = 0, posB = 0;
        foreach (var block in result.DiffBlocks)
        {
            if (block.DeleteStartA > posA) yield return (DiffOp.Equal, posA, block.DeleteStartA - posA, posB);
            if (block.DeleteCountA > 0) yield return (DiffOp.Delete, block.DeleteStartA, block.DeleteCountA, block.InsertStartB);
            if (block.InsertCountB > 0) yield return (DiffOp.Insert, block.DeleteStartA, block.InsertCountB, block.InsertStartB);
            posA = block.DeleteStartA + block.DeleteCountA;
            posB = block.InsertStartB + block.InsertCountB;
        }
        if (posA < a.Length) yield return (DiffOp.Equal, posA, a.Length - posA, posB);
    }
}
