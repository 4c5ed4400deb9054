using PlanAtlas.Analyze;
using PlanAtlas.Analyze.Peers;
using PlanAtlas.Model;
using PlanAtlas.Tests.Analyze.Reuse;

namespace PlanAtlas.Tests.Analyze.Memo;

/// <summary>Peer groups with the memo of an earlier run (text profiles, document frequencies) equal those without.</summary>
public sealed class PeerMemoTests
{
    private static readonly PeerFinder Finder = new(new PeerOptions { SimilarCount = 4, MaxGroupSize = 6 });

    private static List<Plan> Corpus(int plans) => MemoPlans.WithKeys(new SyntheticCorpus(plans, itemsPerPlan: 10).Plans);

    private static AnalysisMemo AssertSameAsFresh(IReadOnlyList<Plan> before, IReadOnlyList<Plan> plans, AnalysisMemo? memo = null)
    {
        if (memo is null)
        {
            memo = new AnalysisMemo();
            Finder.Find(before, null, memo);
        }
        var next = MemoPlans.RoundTrip(memo);
        var warm = Finder.Find(plans, null, next);
        var fresh = Finder.Find(plans);
        Assert.Equal(fresh.Keys.Order(), warm.Keys.Order());
        foreach (var (plan, groups) in fresh)
        {
            Assert.Equal(groups.Select(g => g.Kind), warm[plan].Select(g => g.Kind));
            foreach (var (a, b) in groups.Zip(warm[plan])) Assert.Equal(a.Peers, b.Peers);
        }
        return next;
    }

    [Fact]
    public void After_an_edit_the_groups_equal_those_of_a_fresh_run()
    {
        var plans = Corpus(30);
        var edited = plans.ToList();
        // New wording in one plan moves the frequency of its bigrams, and so the profiles of the plans sharing them.
        edited[4] = MemoPlans.Edited(plans[4], 1, "矿山尾矿库闭库销号治理" + plans[9].Items[2].Text);
        var memo = AssertSameAsFresh(plans, edited);
        Assert.True(memo.Hits >= plans.Count - 1, $"{memo.Hits} records reused");
        // And back again, from the memo of the edited run.
        AssertSameAsFresh(edited, plans, memo);
    }

    [Fact]
    public void After_adding_and_removing_plans_the_groups_equal_those_of_a_fresh_run()
    {
        var all = Corpus(34);
        var memo = AssertSameAsFresh(all.Take(30).ToList(), all.Skip(3).Take(30).ToList());
        AssertSameAsFresh(all.Skip(3).Take(30).ToList(), all, memo);
    }

    [Fact]
    public void A_damaged_memo_gives_the_fresh_groups()
    {
        var plans = Corpus(30);
        var memo = new AnalysisMemo();
        Finder.Find(plans, null, memo);
        using var stream = new MemoryStream();
        memo.Write(stream);
        var bytes = stream.ToArray();
        for (var i = 50; i < bytes.Length; i += 31) bytes[i] ^= 0x3C;
        var warm = Finder.Find(plans, null, AnalysisMemo.Read(bytes));
        var fresh = Finder.Find(plans);
        foreach (var (plan, groups) in fresh)
            foreach (var (a, b) in groups.Zip(warm[plan])) Assert.Equal(a.Peers, b.Peers);
    }

    [Fact]
    public void After_a_plan_s_themes_change_the_groups_equal_those_of_a_fresh_run()
    {
        var plans = Corpus(30);
        var random = new Random(2);
        var themes = new[] { "gas", "fire", "mining", "roads", "chemicals" };
        var profiles = plans.ToDictionary(p => p.Id, _ => (IReadOnlyDictionary<string, double>)themes.Where(_ => random.Next(3) > 0)
            .ToDictionary(t => t, _ => random.Next(1, 10) / 10.0));
        var memo = new AnalysisMemo();
        Finder.Find(plans, profiles, memo);
        var edited = new Dictionary<string, IReadOnlyDictionary<string, double>>(profiles)
        {
            [plans[7].Id] = new Dictionary<string, double> { ["gas"] = 0.9, ["roads"] = 0.1 },
        };
        var warm = Finder.Find(plans, edited, MemoPlans.RoundTrip(memo));
        var fresh = Finder.Find(plans, edited);
        foreach (var (plan, groups) in fresh)
            foreach (var (a, b) in groups.Zip(warm[plan], (a, b) => (a, b))) Assert.Equal(a.Peers, b.Peers);
    }
}
