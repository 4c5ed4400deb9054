using PlanAtlas.Model;

namespace PlanAtlas.Analyze.Reuse;

/// <summary>
/// Every item's text as <see cref="TextNormalizer"/> makes it, plan by plan, made once for the steps that read them all
/// (reuse detection, similar items): each normalizing the whole corpus again was a second pass and a second copy.
/// Held only where the steps run side by side anyway (with a memo, on corpora small enough for it).
/// </summary>
public sealed class NormalizedTexts
{
    private readonly Dictionary<Plan, string[]> _byPlan;

    private NormalizedTexts(Dictionary<Plan, string[]> byPlan) => _byPlan = byPlan;

    public static NormalizedTexts Of(IReadOnlyList<Plan> plans)
    {
        var texts = new string[plans.Count][];
        Parallel.For(0, plans.Count, p =>
        {
            var items = plans[p].Items;
            var normalized = new string[items.Count];
            for (var i = 0; i < items.Count; i++) normalized[i] = TextNormalizer.Normalize(items[i].Text);
            texts[p] = normalized;
        });
        var byPlan = new Dictionary<Plan, string[]>(plans.Count, ReferenceEqualityComparer.Instance);
        for (var p = 0; p < plans.Count; p++) byPlan[plans[p]] = texts[p];
        return new NormalizedTexts(byPlan);
    }

    /// <summary>The normalized text of the plan's item at <paramref name="place"/> (in <see cref="Plan.Items"/>).</summary>
    public string Of(Plan plan, int place) => _byPlan[plan][place];
}
