using PlanAtlas.Analyze;
using PlanAtlas.Analyze.Reuse;
using PlanAtlas.Model;
using PlanAtlas.Tests.Analyze.Reuse;

namespace PlanAtlas.Tests.Analyze.Memo;

/// <summary>Reuse detection with the memo of an earlier run finds exactly what it finds from scratch.</summary>
public sealed class ReuseMemoTests
{
    private static readonly ReuseDetector Detector = new(new ReuseOptions());

    private static List<Plan> Corpus(int plans = 40) => MemoPlans.WithKeys(new SyntheticCorpus(plans, itemsPerPlan: 12).Plans);

    /// <summary>Detects on <paramref name="plans"/> with the memo of <paramref name="before"/>'s run; asserts it equals a run without.</summary>
    private static (ReuseResult Result, AnalysisMemo Memo) AssertSameAsFresh(IReadOnlyList<Plan> before, IReadOnlyList<Plan> plans, AnalysisMemo? memo = null)
    {
        if (memo is null)
        {
            memo = new AnalysisMemo();
            Detector.Detect(before, memo);
        }
        var next = MemoPlans.RoundTrip(memo);
        var warm = Detector.Detect(plans, next);
        var fresh = Detector.Detect(plans);
        AssertEqual(fresh, warm);
        AssertSamePassages(PassageSpread.Families(plans, fresh.Links), warm.Passages);
        return (warm, next);
    }

    /// <summary>The families the detector made from its item numbers are those <see cref="PassageSpread"/> makes from the links.</summary>
    private static void AssertSamePassages(IReadOnlyList<CrossReference> expected, IReadOnlyList<CrossReference>? actual)
    {
        Assert.NotNull(actual);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(c => c.Key), actual.Select(c => c.Key));
        for (var f = 0; f < expected.Count; f++) Assert.Equal(expected[f].Mentions, actual[f].Mentions);
    }

    [Fact]
    public void Items_sharing_a_key_leave_the_families_to_PassageSpread()
    {
        var plans = Corpus();
        var twice = plans.ToList();
        twice[3] = MemoPlans.Keyed(plans[3] with { Items = [.. plans[3].Items, plans[3].Items[1]] });
        Assert.NotNull(Detector.Detect(plans, new AnalysisMemo()).Passages);
        Assert.Null(Detector.Detect(twice, new AnalysisMemo()).Passages);
    }

    internal static void AssertEqual(ReuseResult fresh, ReuseResult warm)
    {
        Assert.Equal(fresh.Links, warm.Links);
        Assert.Equal(fresh.SeeAlso.Keys.Order(), warm.SeeAlso.Keys.Order());
        foreach (var (key, matches) in fresh.SeeAlso) Assert.Equal(matches, warm.SeeAlso[key]);
        Assert.Equal(fresh.Statistics with { DistinctShingles = 0 }, warm.Statistics with { DistinctShingles = 0 });
    }

    [Fact]
    public void After_editing_one_plan_the_result_equals_a_fresh_run_and_the_other_plans_come_from_the_memo()
    {
        var plans = Corpus();
        var edited = plans.ToList();
        edited[7] = MemoPlans.Edited(plans[7], 3, plans[20].Items[5].Text);
        var (_, memo) = AssertSameAsFresh(plans, edited);
        Assert.True(memo.Hits >= plans.Count - 1, $"{memo.Hits} records reused");
    }

    [Fact]
    public void After_editing_one_plan_only_the_passages_of_the_LSH_buckets_it_joined_or_left_are_paired_again()
    {
        var plans = Corpus(80);
        var edited = plans.ToList();
        edited[7] = MemoPlans.Edited(plans[7], 3, plans[20].Items[5].Text);
        var (warm, memo) = AssertSameAsFresh(plans, edited);
        var all = Detector.Detect(edited).PassagesWalked;
        Assert.Equal(warm.Statistics.IndexedPassages, all);
        Assert.True(warm.PassagesWalked > 0 && warm.PassagesWalked < all / 10, $"{warm.PassagesWalked} of {all} passages paired again");
        // Nothing changed: nothing is walked, and the choices are still those of a fresh run.
        var again = Detector.Detect(edited, MemoPlans.RoundTrip(memo));
        AssertEqual(Detector.Detect(edited), again);
        Assert.Equal(0, again.PassagesWalked);
    }

    [Fact]
    public void A_plan_moved_in_time_and_a_copy_of_a_plan_added_give_the_fresh_result()
    {
        // A plan's passages leave their buckets at one place in time and join them at another; a copy joins every bucket of its original.
        var plans = Corpus(60);
        var moved = plans.ToList();
        var year = moved[30].Year ?? 2020;
        moved[30] = MemoPlans.Keyed(moved[30] with
        {
            Metadata = moved[30].Metadata with { Year = new Sourced<int>(year - 7, moved[30].Metadata.Year?.Source ?? default) },
        });
        moved.Add(MemoPlans.Keyed(plans[12] with { Id = plans[12].Id + "-copy" }));
        var (_, memo) = AssertSameAsFresh(plans, moved);
        AssertSameAsFresh(moved, plans, memo);
    }

    [Fact]
    public void After_adding_and_removing_plans_the_result_equals_a_fresh_run()
    {
        var all = Corpus(44);
        var before = all.Take(40).ToList();
        var after = all.Skip(2).ToList();
        var (_, memo) = AssertSameAsFresh(before, after);
        // A second step from the first one's memo: the counts it brought up to date are the ones kept.
        var again = after.Where((_, i) => i % 5 != 0).ToList();
        AssertSameAsFresh(after, again, memo);
    }

    [Fact]
    public void A_shingle_becoming_boilerplate_or_ceasing_to_be_gives_the_fresh_result()
    {
        // A phrase in exactly the threshold's number of plans is not boilerplate; one plan more makes it so.
        var plans = Corpus();
        var threshold = ShingleFrequencies.Threshold(plans.Count, Detector.Options);
        const string phrase = "专项整治城镇燃气管道老化更新改造";
        var atThreshold = plans.Select((p, i) => i < threshold ? MemoPlans.Edited(p, 2, phrase) : p).ToList();
        var over = atThreshold.Select((p, i) => i == threshold ? MemoPlans.Edited(p, 4, phrase) : p).ToList();
        var (before, _) = AssertSameAsFresh(plans, atThreshold);
        var (after, memo) = AssertSameAsFresh(atThreshold, over);
        Assert.True(after.Statistics.BoilerplateShingles > before.Statistics.BoilerplateShingles, "the phrase became boilerplate");
        AssertSameAsFresh(over, atThreshold, memo);
    }

    [Fact]
    public void Many_plans_added_at_once_are_counted_again_from_scratch_with_the_same_result()
    {
        var all = Corpus(60);
        AssertSameAsFresh(all.Take(20).ToList(), all);
    }

    [Fact]
    public void A_damaged_memo_is_an_empty_one()
    {
        var plans = Corpus();
        var memo = new AnalysisMemo();
        Detector.Detect(plans, memo);
        using var stream = new MemoryStream();
        memo.Write(stream);
        var bytes = stream.ToArray();
        var cut = AnalysisMemo.Read(bytes[..(bytes.Length / 2)]);
        AssertEqual(Detector.Detect(plans), Detector.Detect(plans, cut));
        Assert.Equal(0, cut.Hits);
        // Bytes flipped inside records: the lengths still hold, the records do not.
        var scrambled = (byte[])bytes.Clone();
        for (var i = 64; i < scrambled.Length; i += 97) scrambled[i] ^= 0x5A;
        AssertEqual(Detector.Detect(plans), Detector.Detect(plans, AnalysisMemo.Read(scrambled)));
    }
}
