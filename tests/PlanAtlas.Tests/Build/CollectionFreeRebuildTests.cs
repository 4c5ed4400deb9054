using System.Runtime;
using PlanAtlas.Build;

namespace PlanAtlas.Tests.Build;

/// <summary>
/// The region without collections is the process's: these tests run alone (no other test's build may hold it), and
/// each leaves the collector as it found it.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public sealed class CollectionFreeRebuildTests : IDisposable
{
    /// <summary>A region, ended, leaves the young generation's budget at its size: a collection sets it back for the next test.</summary>
    public void Dispose() => GC.Collect();

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

    /// <summary>What the collector is doing while each stage runs.</summary>
    private sealed class LatencyDuringStages : IBuildProgress
    {
        public List<(string Stage, GCLatencyMode Mode)> Seen { get; } = [];
        public void StageStarted(string stage) => Seen.Add((stage, GCSettings.LatencyMode));
        public void StageFinished(StageTiming timing) { }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Only_a_build_that_ends_its_process_rebuilds_without_collections(bool withoutCollections)
    {
        using var temp = RepoPaths.NewTemp();
        RepoPaths.CopyTree(RepoPaths.SampleInput, temp["input"]);
        BuildResult Build(LatencyDuringStages progress) => new SiteBuilder(progress).Build(
            new BuildOptions(temp["input"], temp["output"], ThemeDirectory: RepoPaths.Theme) { WithoutCollections = withoutCollections });
        var first = new LatencyDuringStages();
        var again = new LatencyDuringStages();

        Assert.Equal(BuildOutcome.Built, Build(first).Outcome);
        Assert.Equal(BuildOutcome.Built, Build(again).Outcome);

        // The first build knows no plan from the cache: it collects as usual, as does the preview server's every build.
        Assert.DoesNotContain(first.Seen, s => s.Mode == GCLatencyMode.NoGCRegion);
        var analysing = again.Seen.Single(s => s.Stage == SiteBuilder.Analyze).Mode;
        Assert.Equal(withoutCollections, analysing == GCLatencyMode.NoGCRegion);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
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
