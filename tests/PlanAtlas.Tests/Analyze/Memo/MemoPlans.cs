using PlanAtlas.Analyze;
using PlanAtlas.Model;

namespace PlanAtlas.Tests.Analyze.Memo;

/// <summary>Plans as the build hands them to the analysis: each with a content key (here: a hash of its item texts).</summary>
public static class MemoPlans
{
    public static List<Plan> WithKeys(IEnumerable<Plan> plans) => plans.Select(Keyed).ToList();

    public static Plan Keyed(Plan plan) =>
        plan with { ContentKey = Hash64.Of(string.Join("\n", plan.Items.Select(i => i.Text)) + "|" + plan.Year).ToString("x16") };

    /// <summary>The plan with <paramref name="text"/> added to item <paramref name="item"/>, and its key made anew.</summary>
    public static Plan Edited(Plan plan, int item, string text)
    {
        var items = plan.Items.ToList();
        items[item] = items[item] with { Text = items[item].Text + text };
        return Keyed(plan with { Items = items });
    }

    /// <summary>The memo as the next build reads it: through its bytes.</summary>
    public static AnalysisMemo RoundTrip(AnalysisMemo memo)
    {
        using var stream = new MemoryStream();
        memo.Write(stream);
        return AnalysisMemo.Read(stream.ToArray());
    }
}
