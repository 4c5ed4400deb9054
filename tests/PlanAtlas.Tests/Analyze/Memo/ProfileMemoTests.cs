using PlanAtlas.Analyze;
using PlanAtlas.Analyze.Peers;
using PlanAtlas.Model;
using PlanAtlas.Tests.Analyze.Reuse;

namespace PlanAtlas.Tests.Analyze.Memo;

/// <summary>
/// Text profiles with the memo of an earlier run equal those made from scratch, to the bit, when a bigram's frequency
/// crosses the cap; and a frequency moving only among values that leave a bigram out of every profile remakes none.
/// </summary>
public sealed class ProfileMemoTests
{
    private const int Terms = 400;

    private static List<Plan> Corpus() => MemoPlans.WithKeys(new SyntheticCorpus(60, itemsPerPlan: 10).Plans);

    /// <summary>Plans having each bigram.</summary>
    private static Dictionary<int, int> Df(IEnumerable<Plan> plans)
    {
        var df = new Dictionary<int, int>();
        foreach (var plan in plans)
            foreach (var term in TextProfiles.Counts(plan).Keys) df[term] = df.GetValueOrDefault(term) + 1;
        return df;
    }

    private static string Text(int bigram) => TextProfiles.Term(bigram);

    private static AnalysisMemo AssertSameAsFresh(IReadOnlyList<Plan> before, IReadOnlyList<Plan> plans)
    {
        var memo = new AnalysisMemo();
        TextProfiles.Build(before, Terms, memo);
        var next = MemoPlans.RoundTrip(memo);
        var warm = TextProfiles.Build(plans, Terms, next);
        var fresh = TextProfiles.Build(plans, Terms);
        for (var p = 0; p < plans.Count; p++) Assert.Equal(fresh[p].ToList(), warm[p].ToList());
        return next;
    }

    /// <summary>Each plan lacking the bigram gets it (in a new sentence of its first item) until <paramref name="wanted"/> plans have it.</summary>
    private static List<Plan> Spread(List<Plan> plans, int bigram, int wanted)
    {
        var result = plans.ToList();
        var have = Df(plans)[bigram];
        for (var p = 0; p < result.Count && have < wanted; p++)
            if (!TextProfiles.Counts(result[p]).ContainsKey(bigram))
            {
                result[p] = MemoPlans.Edited(result[p], 0, "。" + Text(bigram) + "。");
                have++;
            }
        return result;
    }

    [Fact]
    public void A_bigram_crossing_the_cap_gives_the_fresh_profiles()
    {
        var plans = Corpus();
        const int cap = 20; // max(20, 60 / 20)
        var df = Df(plans);
        var bigram = df.Where(d => d.Value is >= 5 and <= cap).OrderByDescending(d => d.Value).ThenBy(d => d.Key).First().Key;
        var atCap = Spread(plans, bigram, cap);
        var over = Spread(atCap, bigram, cap + 1);
        AssertSameAsFresh(plans, atCap);
        AssertSameAsFresh(atCap, over);
        AssertSameAsFresh(over, atCap);
    }

    [Fact]
    public void A_bigram_going_from_many_plans_to_more_remakes_only_the_edited_plan()
    {
        var plans = Corpus();
        var df = Df(plans);
        // In more plans than the cap but not in every one: left out of every profile before and after one more plan has it.
        var edited = plans.FindIndex(p => df.Any(d => d.Value is > 25 and < 50 && !TextProfiles.Counts(p).ContainsKey(d.Key)));
        var bigram = df.Where(d => d.Value is > 25 and < 50 && !TextProfiles.Counts(plans[edited]).ContainsKey(d.Key)).Min(d => d.Key);
        var after = plans.ToList();
        after[edited] = MemoPlans.Edited(plans[edited], 0, "。" + Text(bigram) + "。");
        var memo = AssertSameAsFresh(plans, after);
        // The edited plan's profile and the corpus frequencies: no other plan's profile is made again.
        Assert.Equal(2, memo.Writes);
    }
}
