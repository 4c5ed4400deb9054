using PlanAtlas.Analyze.Reuse;

namespace PlanAtlas.Tests.Analyze.Reuse;

/// <summary>tests/fixtures/reuse/pairs.tsv: one reuse decision per line, each a test case.</summary>
public sealed class PairFixtureTests
{
    public static TheoryData<int, string, string, string, string> Cases()
    {
        var data = new TheoryData<int, string, string, string, string>();
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Fixtures, "reuse", "pairs.tsv"));
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#') || lines[i].StartsWith("expect\t", StringComparison.Ordinal) || lines[i].Length == 0) continue;
            var cells = lines[i].Split('\t');
            data.Add(i + 1, cells[0], cells[1], cells[2], cells[3]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pair_is_linked_as_expected(int line, string expect, string a, string b, string why)
    {
        var plans = new[] { TestPlans.Texts("a", 2020, null, a), TestPlans.Texts("b", 2021, null, b) };
        var links = new ReuseDetector(new ReuseOptions()).Detect(plans).Links;
        Assert.True(links.Count == (expect == "link" ? 1 : 0), $"pairs.tsv line {line} ({why}): expected {expect}, got {links.Count} links");
    }
}
