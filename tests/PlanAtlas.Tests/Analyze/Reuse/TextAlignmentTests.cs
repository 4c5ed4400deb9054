using FsCheck.Xunit;
using PlanAtlas.Analyze.Reuse;

namespace PlanAtlas.Tests.Analyze.Reuse;

public sealed class TextAlignmentTests
{
    [Property]
    public bool Segments_rebuild_both_texts(string? a, string? b)
    {
        a ??= ""; b ??= "";
        var segments = TextAlignment.Segments(a, b);
        return string.Concat(segments.Where(s => s.Op != DiffOp.Insert).Select(s => s.Text)) == a
            && string.Concat(segments.Where(s => s.Op != DiffOp.Delete).Select(s => s.Text)) == b;
    }

    [Fact]
    public void Changed_characters_are_marked_and_the_rest_is_common()
    {
        var segments = TextAlignment.Segments("健全完善重点行业领域分级分类监管", "健全完善重点行业领域分类分级监管");
        Assert.Equal(DiffOp.Equal, segments[0].Op);
        Assert.Equal("健全完善重点行业领域分", segments[0].Text);
        Assert.Contains(segments, s => s.Op == DiffOp.Delete);
        Assert.Contains(segments, s => s.Op == DiffOp.Insert);
        Assert.Equal("监管", segments[^1].Text);
    }

    [Fact]
    public void Common_runs_shorter_than_the_minimum_do_not_count()
    {
        var runs = TextAlignment.Common("甲乙丙丁戊己庚辛壬癸", "甲乙X丙丁戊己庚辛壬Y", 5);
        Assert.Equal(7, runs.Covered);
        Assert.Equal(7, runs.LongestRun);
    }
}
