using System.Runtime.CompilerServices;
using PlanAtlas.Model;

namespace PlanAtlas.Analyze.Tasks;

/// <summary>
/// One task (事项) of a plan: what every count of the site counts. A task is a numbered item (（一）, 1., a row of the
/// 任务分工 table, a 一是 clause that no numbered item holds) or a headed one (a paragraph under a label heading such as
/// 关键词：责任落实). Its places are the items that carry it: the numbered item with its clauses and paragraphs, the
/// table rows that continue a merged cell, and an attachment row that restates a body item (柳林's （十九） and row 19
/// of 附件 are one task in two places).
/// </summary>
/// <param name="Id">The id of its first place (the body item where there is one).</param>
/// <param name="Places">Every item of the task, its first place first, then in document order.</param>
/// <param name="Restatements">The places that restate the task elsewhere (attachment rows of a body item).</param>
public sealed record PlanTask(string Id, IReadOnlyList<string> Places, IReadOnlyList<string> Restatements);

/// <summary>A plan's tasks, in document order of their first places, and the task each item belongs to.</summary>
public sealed class PlanTasks
{
    private readonly Dictionary<string, string> _taskOf;
    private readonly HashSet<string> _restating;

    internal PlanTasks(IReadOnlyList<PlanTask> tasks)
    {
        Tasks = tasks;
        _taskOf = new Dictionary<string, string>(StringComparer.Ordinal);
        _restating = new HashSet<string>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            foreach (var place in task.Places) _taskOf[place] = task.Id;
            _restating.UnionWith(task.Restatements);
        }
    }

    public IReadOnlyList<PlanTask> Tasks { get; }

    public int Count => Tasks.Count;

    /// <summary>The id of the task an item belongs to; null for a section heading or a paragraph outside any task (preamble, 总体要求).</summary>
    public string? TaskOf(string itemId) => _taskOf.GetValueOrDefault(itemId);

    /// <summary>Whether the item is a place that restates its task elsewhere (an attachment row of a body item).</summary>
    public bool Restates(string taskId, string itemId) => _restating.Contains(itemId) && TaskOf(itemId) == taskId;

    private static readonly ConditionalWeakTable<Plan, PlanTasks> Made = new();

    /// <summary>The plan's tasks, made once per plan record (every stage and page asks for them).</summary>
    public static PlanTasks Of(Plan plan) => Made.GetValue(plan, TaskGrouping.Group);
}
