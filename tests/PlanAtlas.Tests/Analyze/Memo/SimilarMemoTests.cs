using PlanAtlas.Analyze;
using PlanAtlas.Analyze.Reuse;
using PlanAtlas.Model;
using PlanAtlas.Tests.Analyze.Reuse;

namespace PlanAtlas.Tests.Analyze.Memo;

/// <summary>Similar items with the memo of an earlier run (bigram counts, item vectors) equal those found without.</summary>
public sealed class SimilarMemoTests
{
    private static List<Plan> Corpus(int plans) => MemoPlans.WithKeys(new SyntheticCorpus(plans, itemsPerPlan: 12).Plans);

    private static AnalysisMemo AssertSameAsFresh(IReadOnlyList<Plan> before, IReadOnlyList<Plan> plans, AnalysisMemo? memo = null)
    {
        if (memo is null)
        {
            memo = new AnalysisMemo();
            new SimilarItems().Find(before, memo);
        }
        var next = MemoPlans.RoundTrip(memo);
        // The vectors themselves, bit for bit: the matches' rounded scores could hide a small difference.
        var check = MemoPlans.RoundTrip(memo);
        var (_, expected) = new SimilarItems().EntriesAndVectors(plans, null);
        var (_, actual) = new SimilarItems().EntriesAndVectors(plans, check);
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i]);
        var warm = new SimilarItems().Find(plans, next);
        var fresh = new SimilarItems().Find(plans);
        Assert.Equal(fresh.Keys.Order(), warm.Keys.Order());
        foreach (var (key, matches) in fresh) Assert.Equal(matches, warm[key]);
        return next;
    }

    [Fact]
    public void After_an_edit_that_keeps_the_item_count_the_result_equals_a_fresh_run()
    {
        var plans = Corpus(40);
        var edited = plans.ToList();
        // Wording of another plan: bigrams rare before become shared, which moves the vectors of the items having them.
        edited[3] = MemoPlans.Edited(plans[3], 2, plans[30].Items[4].Text + plans[31].Items[1].Text);
        var memo = AssertSameAsFresh(plans, edited);
        Assert.True(memo.Hits >= plans.Count - 1, $"{memo.Hits} records reused");
        AssertSameAsFresh(edited, plans, memo);
    }

    [Fact]
    public void After_an_item_is_added_every_weight_moves_and_the_result_still_equals_a_fresh_run()
    {
        var plans = Corpus(40);
        var grown = plans.ToList();
        var items = plans[5].Items.ToList();
        // Wording no other plan has: the other plans keep which bigrams count, and only their weights move.
        items.Add(TestPlans.Item("i99", "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉", 99));
        grown[5] = MemoPlans.Keyed(plans[5] with { Items = items });
        var memo = AssertSameAsFresh(plans, grown);
        Assert.True(memo.Hits >= plans.Count - 1, $"{memo.Hits} records reused");
        // The records hold which bigrams each item keeps, not the weights: only the grown plan and the counts are written again.
        Assert.Equal(2, memo.Writes);
        AssertSameAsFresh(grown, plans, memo);
    }

    [Fact]
    public void After_adding_and_removing_plans_the_result_equals_a_fresh_run()
    {
        var all = Corpus(44);
        var memo = AssertSameAsFresh(all.Take(40).ToList(), all.Skip(4).ToList());
        AssertSameAsFresh(all.Skip(4).ToList(), all.Take(40).ToList(), memo);
    }

    [Fact]
    public void A_damaged_memo_gives_the_fresh_result()
    {
        var plans = Corpus(40);
        var memo = new AnalysisMemo();
        new SimilarItems().Find(plans, memo);
        using var stream = new MemoryStream();
        memo.Write(stream);
        var bytes = stream.ToArray();
        for (var i = 30; i < bytes.Length; i += 23) bytes[i] ^= 0x66;
        var warm = new SimilarItems().Find(plans, AnalysisMemo.Read(bytes));
        foreach (var (key, matches) in new SimilarItems().Find(plans)) Assert.Equal(matches, warm[key]);
    }
}
