using PlanAtlas.Model;

namespace PlanAtlas.Analyze.Tasks;

/// <summary>
/// Groups a plan's items into tasks (<see cref="PlanTask"/>), from the parse model alone, in one pass in document order:
/// <list type="bullet">
/// <item>a numbered item (<see cref="ItemKind.Item"/>) starts a task; its 一是 clauses and its paragraphs (the labelled
/// paragraphs under 柳林's （二十三）) are places of it;</item>
/// <item>a 一是 clause with no numbered item above it is a task of its own;</item>
/// <item>a task-table row with its own 序号 starts a task; the rows that continue a merged cell (the same path) are places of it;</item>
/// <item>a paragraph under a label heading (关键词：责任落实) makes the heading and its paragraphs one headed task;</item>
/// <item>section headings and paragraphs outside all of these (preamble, 总体要求) are no task.</item>
/// </list>
/// Then each table task that restates a body task — at least <see cref="RestatementShare"/> of the shorter one's character
/// pairs in common, the closest pairs first, a body task taking one row task at most — is merged into it.
/// </summary>
internal static class TaskGrouping
{
    /// <summary>Share of the shorter text's character pairs (letters and digits) the two share, from which a table row restates a body item.</summary>
    public const double RestatementShare = 0.6;

    public static PlanTasks Group(Plan plan)
    {
        var items = plan.Items;
        var index = new Dictionary<string, int>(items.Count, StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++) index.TryAdd(items[i].Id, i);
        // Task number (into places) of each item, -1 for none.
        var owner = new int[items.Count];
        Array.Fill(owner, -1);
        var places = new List<List<int>>();
        var tableTask = new Dictionary<string, int>(StringComparer.Ordinal);
        int Start(int i)
        {
            places.Add([i]);
            return owner[i] = places.Count - 1;
        }
        int ParentOf(int i) => items[i].ParentId is { } p && index.TryGetValue(p, out var at) && at < i ? at : -1;

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var parent = ParentOf(i);
            switch (item.Kind)
            {
                case ItemKind.Item:
                    Start(i);
                    break;
                case ItemKind.SubItem:
                    if (parent >= 0 && owner[parent] >= 0) Join(i, owner[parent]);
                    else Start(i);
                    break;
                case ItemKind.TableRow:
                    if (tableTask.TryGetValue(item.Path, out var row) && (item.Table?.ContinuesPrevious ?? true)) Join(i, row);
                    else tableTask[item.Path] = Start(i);
                    break;
                case ItemKind.Paragraph:
                    if (parent < 0) break;
                    if (owner[parent] >= 0) Join(i, owner[parent]);
                    else if (items[parent].Kind == ItemKind.Section && string.IsNullOrWhiteSpace(items[parent].Marker))
                        Join(i, Start(parent));
                    break;
            }
        }

        void Join(int i, int task)
        {
            owner[i] = task;
            places[task].Add(i);
        }

        var restatedBy = Restatements(items, places);
        var merged = restatedBy.Values.ToHashSet();
        var tasks = new List<(int First, PlanTask Task)>();
        for (var t = 0; t < places.Count; t++)
        {
            if (merged.Contains(t)) continue;
            var own = places[t].Select(i => items[i].Id).ToList();
            var restating = restatedBy.TryGetValue(t, out var r) ? places[r].Select(i => items[i].Id).ToList() : [];
            tasks.Add((places[t][0], new PlanTask(own[0], [.. own, .. restating], restating)));
        }
        return new PlanTasks(tasks.OrderBy(t => t.First).Select(t => t.Task).ToList());
    }

    private static bool IsTable(IReadOnlyList<Item> items, List<int> places) => items[places[0]].Kind == ItemKind.TableRow;

    /// <summary>Body task → the table task that restates it.</summary>
    private static Dictionary<int, int> Restatements(IReadOnlyList<Item> items, List<List<int>> places)
    {
        var result = new Dictionary<int, int>();
        var table = new List<int>();
        var body = new List<int>();
        for (var t = 0; t < places.Count; t++) (IsTable(items, places[t]) ? table : body).Add(t);
        if (table.Count == 0 || body.Count == 0) return result;
        var pairs = new Dictionary<int, HashSet<int>>();
        foreach (var t in table.Concat(body)) pairs[t] = Pairs(places[t].Select(i => RowText(items[i])));
        var scored = new List<(double Score, int Body, int Table)>();
        foreach (var r in table)
            foreach (var b in body)
            {
                var (x, y) = (pairs[r], pairs[b]);
                var shorter = Math.Min(x.Count, y.Count);
                if (shorter == 0) continue;
                var common = x.Count <= y.Count ? x.Count(y.Contains) : y.Count(x.Contains);
                var score = (double)common / shorter;
                if (score >= RestatementShare) scored.Add((score, b, r));
            }
        var taken = new HashSet<int>();
        foreach (var (_, b, r) in scored.OrderByDescending(s => s.Score).ThenBy(s => s.Body).ThenBy(s => s.Table))
        {
            if (result.ContainsKey(b) || taken.Contains(r)) continue;
            result[b] = r;
            taken.Add(r);
        }
        return result;
    }

    /// <summary>A row's text without its 序号 cell (the number would count as common wording with any item of that number).</summary>
    private static string RowText(Item item) => item.Table is { } row ? $"{row.Task} {row.Category} {row.Content} {row.Units}" : item.Text;

    private static HashSet<int> Pairs(IEnumerable<string> texts)
    {
        var set = new HashSet<int>();
        foreach (var text in texts)
        {
            var previous = '\0';
            foreach (var c in text)
            {
                if (!char.IsLetterOrDigit(c)) continue;
                if (previous != '\0') set.Add(previous << 16 | c);
                previous = c;
            }
        }
        return set;
    }
}
