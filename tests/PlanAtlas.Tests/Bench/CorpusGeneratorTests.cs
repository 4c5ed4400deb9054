using PlanAtlas.Bench;
using PlanAtlas.Build;

namespace PlanAtlas.Tests.Bench;

public sealed class CorpusGeneratorTests
{
    [Fact]
    public void The_same_seed_gives_the_same_corpus_and_plan_i_does_not_depend_on_n()
    {
        using var temp = RepoPaths.NewTemp();
        var generator = new CorpusGenerator(RepoPaths.SampleInput);
        generator.Generate(12, temp["a"]);
        generator.Generate(12, temp["b"]);
        generator.Generate(20, temp["c"]);
        var a = Directory.GetFiles(temp["a/plans"]).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(12, a.Count);
        Assert.Equal(a, Directory.GetFiles(temp["b/plans"]).Select(Path.GetFileName).Order());
        foreach (var f in a)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(temp["a/plans"], f!)), File.ReadAllBytes(Path.Combine(temp["b/plans"], f!)));
            Assert.Equal(File.ReadAllBytes(Path.Combine(temp["a/plans"], f!)), File.ReadAllBytes(Path.Combine(temp["c/plans"], f!)));
        }
    }

    [Fact]
    public void Every_generated_plan_says_it_is_synthetic_and_the_corpus_builds()
    {
        using var temp = RepoPaths.NewTemp();
        new CorpusGenerator(RepoPaths.SampleInput).Generate(30, temp["in"]);
        Assert.All(Directory.GetFiles(temp["in/plans"]), f => Assert.StartsWith(CorpusGenerator.SyntheticMarker, File.ReadAllText(f)));
        Assert.Contains("非真实", File.ReadAllText(temp["in/site.yml"]));
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.SampleInput, "themes.yml")), File.ReadAllText(temp["in/themes.yml"]));
        var result = new SiteBuilder(IBuildProgress.None).Build(new BuildOptions(temp["in"], temp["out"], ThemeDirectory: RepoPaths.Theme));
        Assert.Equal(BuildOutcome.Built, result.Outcome);
        Assert.Equal(30, result.Plans);
        Assert.True(result.Items >= 30 * 12, $"{result.Items} items");
        Assert.All(result.Stages, s => Assert.True(s.PeakMemoryBytes > 0));
    }
}
