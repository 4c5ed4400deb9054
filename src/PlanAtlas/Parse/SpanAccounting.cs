using PlanAtlas.Model;

namespace PlanAtlas.Parse;

/// <summary>
/// Checks that a plan accounts for its source losslessly: every character of every non-blank line (and table
/// cell) belongs to exactly one metadata span, item span or removed span, and each item's text is the source
/// text its spans and its sub-items' spans cover. Used by the property tests and available to the build.
/// </summary>
public static class SpanAccounting
{
    private readonly record struct Segment(int Line, int? Row, int? Column);

    /// <summary>Problems found; empty when the record is lossless.</summary>
    public static IReadOnlyList<string> Check(Plan plan, SourceDocument source)
    {
        var problems = new List<string>();
        var texts = Segments(source);
        var counts = texts.ToDictionary(kv => kv.Key, kv => new int[kv.Value.Length]);

        void Cover(SourceSpan span, string owner)
        {
            var key = new Segment(span.Line, span.Row, span.Column);
            if (!counts.TryGetValue(key, out var c)) { problems.Add($"{owner}: span on unknown line {span.Line}"); return; }
            if (span.Start < 0 || span.End > c.Length) { problems.Add($"{owner}: span {span.Start}+{span.Length} outside line {span.Line}"); return; }
            for (var i = span.Start; i < span.End; i++) c[i]++;
        }

        foreach (var m in plan.MetadataSpans) Cover(m.Span, $"metadata {m.Field}");
        foreach (var r in plan.Removed)
        {
            var span = new SourceSpan(r.Line, r.Start, r.Text.Length);
            Cover(span, $"removed '{r.Reason}'");
            if (texts.TryGetValue(new Segment(r.Line, null, null), out var line) && span.End <= line.Length && line.Substring(r.Start, r.Text.Length) != r.Text)
                problems.Add($"removed text on line {r.Line} differs from the source");
        }
        foreach (var item in plan.Items)
            foreach (var s in item.Spans) Cover(s, $"item {item.Id}");

        foreach (var (key, c) in counts)
        {
            var text = texts[key];
            if (TextScan.IsBlank(text) && c.All(n => n == 0)) continue;
            for (var i = 0; i < c.Length; i++)
            {
                if (c[i] == 1) continue;
                problems.Add($"line {key.Line}{(key.Row is { } r ? $" cell {r},{key.Column}" : "")} char {i} '{text[i]}' accounted for {c[i]} times");
                break;
            }
        }

        // Each item's text is what its own spans and its descendants' spans cover, line by line.
        var children = plan.Items.Where(i => i.ParentId is not null).ToLookup(i => i.ParentId!);
        foreach (var item in plan.Items)
        {
            var all = new List<SourceSpan>();
            Collect(item, children, all, item.Kind == ItemKind.SubItem);
            var expected = string.Join("\n", all
                .GroupBy(s => new Segment(s.Line, s.Row, s.Column))
                .OrderBy(g => g.Key.Line).ThenBy(g => g.Key.Row).ThenBy(g => g.Key.Column)
                .Select(g => texts.TryGetValue(g.Key, out var t) ? t[g.Min(s => s.Start)..g.Max(s => s.End)] : ""));
            if (expected != item.Text) problems.Add($"item {item.Id}: text differs from the source its spans cover");
        }
        return problems;
    }

    /// <summary>
    /// Only sub-items (一是…) sit inside their parent's text: those that start on a line the parent (or an
    /// earlier sub-item) covers. Other children are separate lines and not part of the parent's text.
    /// </summary>
    private static void Collect(Item item, ILookup<string, Item> children, List<SourceSpan> into, bool _)
    {
        into.AddRange(item.Spans);
        foreach (var child in children[item.Id])
            if (child.Kind == ItemKind.SubItem && child.Spans.Count > 0
                && into.Any(p => p.Line == child.Spans[0].Line && p.Row == child.Spans[0].Row && p.Column == child.Spans[0].Column))
                Collect(child, children, into, true);
    }

    /// <summary>Rebuilds each non-blank line from the spans in source order: equal to the source when the record is lossless.</summary>
    public static IReadOnlyList<string> Reconstruct(Plan plan)
    {
        var pieces = plan.MetadataSpans.Select(m => m.Span)
            .Concat(plan.Removed.Select(r => new SourceSpan(r.Line, r.Start, r.Text.Length)))
            .Concat(plan.Items.SelectMany(i => i.Spans))
            .ToList();
        var source = plan.Source is null ? new Dictionary<Segment, string>() : Segments(plan.Source);
        return pieces
            .GroupBy(s => new Segment(s.Line, s.Row, s.Column))
            .OrderBy(g => g.Key.Line).ThenBy(g => g.Key.Row ?? -1).ThenBy(g => g.Key.Column ?? -1)
            .Select(g => string.Concat(g.OrderBy(s => s.Start).Select(s => source.TryGetValue(g.Key, out var t) ? t.Substring(s.Start, s.Length) : "")))
            .ToList();
    }

    /// <summary>The non-blank lines and table cells of a source, in order: what <see cref="Reconstruct"/> must give back.</summary>
    public static IReadOnlyList<string> NonBlankSegments(SourceDocument source) =>
        Segments(source).OrderBy(kv => kv.Key.Line).ThenBy(kv => kv.Key.Row ?? -1).ThenBy(kv => kv.Key.Column ?? -1)
            .Where(kv => !TextScan.IsBlank(kv.Value)).Select(kv => kv.Value).ToList();

    private static Dictionary<Segment, string> Segments(SourceDocument source)
    {
        var d = new Dictionary<Segment, string>();
        foreach (var block in source.Blocks)
        {
            if (block is ParagraphBlock p) d[new Segment(p.Line, null, null)] = p.Text;
            else if (block is TableBlock t)
                for (var r = 0; r < t.Rows.Count; r++)
                    for (var c = 0; c < t.Rows[r].Count; c++)
                        d[new Segment(t.Line, r, c)] = t.Rows[r][c];
        }
        return d;
    }
}
