using System.Runtime;
using PlanAtlas.Build;

namespace PlanAtlas.Tests.Build;

/// <summary>
/// The region without collections is the process's: these tests run alone (no other test's build may hold it), and
/// each leaves the collector as it found it.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public sealed class CollectionFreeRebuildTests
{
    [Fact]
    public void A_small_incremental_build_allocates_without_collections_until_it_ends()
    {
        using (var rebuild = CollectionFreeRebuild.Start(plans: 1_000, knownPlans: 999))
        {
            Assert.True(rebuild.Active);
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            var collections = GC.CollectionCount(0);
            var kept = new List<byte[]>();
            for (var i = 0; i < 64; i++) kept.Add(new byte[1 << 20]);
            Assert.Equal(collections, GC.CollectionCount(0));
            GC.KeepAlive(kept);
        }
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_full_build_and_a_large_corpus_keep_the_collector()
    {
        using (var full = CollectionFreeRebuild.Start(plans: 1_000, knownPlans: 0)) Assert.False(full.Active);
        using (var large = CollectionFreeRebuild.Start(plans: CollectionFreeRebuild.MaxPlans + 1, knownPlans: CollectionFreeRebuild.MaxPlans + 1))
            Assert.False(large.Active);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void One_build_at_a_time_holds_the_region_and_only_it_ends_it()
    {
        var first = CollectionFreeRebuild.Start(plans: 10, knownPlans: 10);
        var second = CollectionFreeRebuild.Start(plans: 10, knownPlans: 10);
        Assert.True(first.Active);
        Assert.False(second.Active);
        second.Dispose();
        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        first.Dispose();
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        using var third = CollectionFreeRebuild.Start(plans: 10, knownPlans: 10);
        Assert.True(third.Active);
    }

    [Fact]
    public void A_region_the_runtime_ended_is_released_without_error()
    {
        var rebuild = CollectionFreeRebuild.Start(plans: 10, knownPlans: 10);
        Assert.True(rebuild.Active);
        // An induced collection ends the region, as a build that outgrows it does.
        GC.Collect();
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        rebuild.Dispose();
        using var again = CollectionFreeRebuild.Start(plans: 10, knownPlans: 10);
        Assert.True(again.Active);
    }
}
