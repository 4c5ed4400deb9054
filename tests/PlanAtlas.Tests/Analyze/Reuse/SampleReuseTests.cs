using PlanAtlas.Analyze.Reuse;
using PlanAtlas.Model;

namespace PlanAtlas.Tests.Analyze.Reuse;

/// <summary>
/// The acceptance criteria on the sample plans, stated on the text rather than on today's segmentation, so
/// they hold whether the attachment table arrives as one item per line or as TableRow items.
/// </summary>
public sealed class SampleReuseTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly Lazy<ReuseResult> Result = new(() => new ReuseDetector(new ReuseOptions()).Detect(SamplePlans.All));

    [Fact]
    public void Nine_in_ten_task_rows_of_the_Liulin_attachment_are_linked_to_the_body_item_they_repeat()
    {
        var plan = SamplePlans.BySourceFile("shanxi-liulin");
        // The attachment starts at the source line that reads 附件 (the parser may keep it as metadata, not an item).
        var attachment = plan.Source!.Blocks.OfType<ParagraphBlock>().Last(b => b.Text.Trim() == "附件").Line;
        var rows = TaskRows(plan.Items.Where(i => i.Line > attachment).ToList());
        Assert.True(rows.Count >= 20, $"only {rows.Count} task rows found");
        var linkedToBody = Result.Value.Links
            .Where(l => l.A.PlanId == plan.Id && l.B.PlanId == plan.Id)
            .SelectMany(l => new[] { (l.A.ItemId, l.B.ItemId), (l.B.ItemId, l.A.ItemId) })
            .Where(p => LineOf(plan, p.Item2) < attachment)
            .Select(p => p.Item1)
            .ToHashSet();
        var linked = rows.Count(row => row.Any(i => linkedToBody.Contains(i.Id)));
        output.WriteLine($"{Result.Value.Statistics}; 柳林 task rows linked to the body: {linked} of {rows.Count}");
        foreach (var row in rows.Where(r => !r.Any(i => linkedToBody.Contains(i.Id))))
            output.WriteLine("not linked: " + string.Join(" | ", row.Select(i => i.Text)));
        Assert.True(linked >= 0.9 * rows.Count, $"{linked} of {rows.Count} task rows linked");
    }

    [Fact]
    public void The_repeated_tail_of_the_Pingtan_fragment_is_linked_to_its_earlier_text()
    {
        var plan = SamplePlans.BySourceFile("fujian-pingtan");
        // Source lines 36–50 repeat items (二)…(二十五) verbatim or nearly; line 51 is new text.
        const int tailStart = 36, tailEnd = 50;
        var linkedToEarlier = Result.Value.Links
            .Where(l => l.A.PlanId == plan.Id && l.B.PlanId == plan.Id)
            .SelectMany(l => new[] { (l.A.ItemId, l.B.ItemId), (l.B.ItemId, l.A.ItemId) })
            .Where(p => LineOf(plan, p.Item2) < tailStart)
            .Select(p => p.Item1)
            .ToHashSet();
        for (var line = tailStart; line <= tailEnd; line++)
        {
            var holder = plan.Items.Where(i => i.Line <= line).MaxBy(i => i.Line)!;
            Assert.True(linkedToEarlier.Contains(holder.Id), $"line {line} ({holder.Id}: {holder.Text[..Math.Min(30, holder.Text.Length)]}) is not linked to earlier text");
        }
    }

    [Fact]
    public void A_responsible_unit_clause_closing_every_item_of_a_plan_does_not_link_its_items()
    {
        var plan = SamplePlans.BySourceFile("jiangxi-yichun");
        var numbered = plan.Items.Where(i => i.Kind == ItemKind.Item).Select(i => i.Id).ToHashSet();
        Assert.DoesNotContain(Result.Value.Links, l => numbered.Contains(l.A.ItemId) && numbered.Contains(l.B.ItemId) && l.WithinPlan && l.A.PlanId == plan.Id);
    }

    [Fact]
    public void Links_are_ordered_earlier_first_and_never_join_an_item_to_itself()
    {
        Assert.NotEmpty(Result.Value.Links);
        foreach (var link in Result.Value.Links)
        {
            Assert.NotEqual(link.A, link.B);
            Assert.InRange(link.Score, 0.0, 1.0);
        }
        var plan = SamplePlans.BySourceFile("fujian-pingtan");
        Assert.All(Result.Value.Links.Where(l => l.A.PlanId == plan.Id && l.WithinPlan), l => Assert.True(LineOf(plan, l.A.ItemId) < LineOf(plan, l.B.ItemId)));
    }

    [Fact]
    public void Detection_is_deterministic_whatever_the_order_of_the_plans()
    {
        var reversed = new ReuseDetector(new ReuseOptions()).Detect(SamplePlans.All.Reverse().ToList());
        Assert.Equal(Result.Value.Links, reversed.Links);
        Assert.Equal(Result.Value.SeeAlso.Keys, reversed.SeeAlso.Keys);
    }

    [Fact]
    public void See_also_lists_the_closest_items_first()
    {
        foreach (var (_, matches) in Result.Value.SeeAlso)
        {
            Assert.InRange(matches.Count, 1, new ReuseOptions().SeeAlsoCount);
            var linked = matches.TakeWhile(m => m.Reused).ToList();
            Assert.Equal(linked.OrderByDescending(m => m.Score), linked);
        }
    }

    /// <summary>
    /// The attachment's task rows: TableRow items when the parser makes them; otherwise the blocks of lines
    /// between two 序号 lines (a line that is only a number). Rows without text (the 序号 alone) do not count.
    /// </summary>
    private static List<List<Item>> TaskRows(List<Item> attachment)
    {
        if (attachment.Any(i => i.Kind == ItemKind.TableRow))
            return attachment.Where(i => i.Kind == ItemKind.TableRow && TextNormalizer.Normalize(i.Text).Length >= 10).Select(i => new List<Item> { i }).ToList();
        var rows = new List<List<Item>>();
        foreach (var item in attachment)
        {
            if (item.Text.Trim().All(char.IsAsciiDigit)) rows.Add([]);
            else if (rows.Count > 0) rows[^1].Add(item);
        }
        return rows.Where(r => r.Sum(i => TextNormalizer.Normalize(i.Text).Length) >= 10).ToList();
    }

    private static int LineOf(Plan plan, string itemId) => plan.Items.First(i => i.Id == itemId).Line;
}
