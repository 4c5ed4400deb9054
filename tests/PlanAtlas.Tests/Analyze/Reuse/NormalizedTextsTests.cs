using PlanAtlas.Analyze;
using PlanAtlas.Analyze.Reuse;

namespace PlanAtlas.Tests.Analyze.Reuse;

/// <summary>The steps given the texts normalized once find what each finds normalizing on its own.</summary>
public sealed class NormalizedTextsTests
{
    [Fact]
    public void Reuse_and_similar_items_are_the_same_with_shared_texts()
    {
        var plans = new SyntheticCorpus(plans: 40, itemsPerPlan: 12).Plans;
        var texts = NormalizedTexts.Of(plans);

        var alone = new ReuseDetector(new ReuseOptions()).Detect(plans, new AnalysisMemo());
        var shared = new ReuseDetector(new ReuseOptions()).Detect(plans, new AnalysisMemo(), texts);
        Assert.NotEmpty(alone.Links);
        Assert.Equal(alone.Links, shared.Links);
        Assert.Equal(alone.SeeAlso.Keys, shared.SeeAlso.Keys);
        foreach (var (key, matches) in alone.SeeAlso) Assert.Equal(matches, shared.SeeAlso[key]);

        var similarAlone = new SimilarItems().Find(plans, new AnalysisMemo());
        var similarShared = new SimilarItems().Find(plans, new AnalysisMemo(), texts);
        Assert.NotEmpty(similarAlone);
        Assert.Equal(similarAlone.Keys, similarShared.Keys);
        foreach (var (key, matches) in similarAlone) Assert.Equal(matches, similarShared[key]);
    }
}
