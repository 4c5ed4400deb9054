using PlanAtlas.Analyze;
using PlanAtlas.Build.Cache;

namespace PlanAtlas.Tests.Build;

/// <summary>The memo file as the next build reads it back (Build/Cache/AnalysisMemoCache).</summary>
public sealed class AnalysisMemoCacheTests
{
    [Fact]
    public void The_memo_reads_back_its_records_without_putting_the_file_on_the_managed_heap()
    {
        using var temp = RepoPaths.NewTemp();
        var memo = new AnalysisMemo();
        var big = Enumerable.Range(0, 4 << 20).Select(i => (byte)(i * 7)).ToArray();
        memo.Put(MemoSection.ReuseCorpus, 1, big);
        memo.Put(MemoSection.ThemeTags, 2, [1, 2, 3]);
        new AnalysisMemoCache(CacheFolder.Open(temp["cache"]), ignorePrevious: false).Save(memo);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = new AnalysisMemoCache(CacheFolder.Open(temp["cache"]), ignorePrevious: false).Load(10)!;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < big.Length / 4, $"{allocated} bytes allocated to read a memo of {big.Length}");
        Assert.Equal(big, read.Get(MemoSection.ReuseCorpus, 1)!.Value.ToArray());
        Assert.Equal([1, 2, 3], read.Get(MemoSection.ThemeTags, 2)!.Value.ToArray());
        Assert.Null(read.Get(MemoSection.ThemeTags, 3));
    }
}
