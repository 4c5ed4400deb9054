using PlanAtlas.Model;
using PlanAtlas.Parse;
using PlanAtlas.Read;

namespace PlanAtlas.Tests.Parse;

/// <summary>The parse stage as plain functions: a plan in, its record and messages out; ids over the corpus.</summary>
public sealed class ParseStageTests
{
    private static readonly InputSet Sample = InputReader.CreateDefault().Read(RepoPaths.SampleInput);

    [Fact]
    public void Each_sample_plan_parses_to_a_record_that_accounts_for_its_text()
    {
        var parser = ParseStage.DefaultParser();
        foreach (var document in Sample.Documents)
        {
            var (plan, diagnostics) = ParseStage.ParseOne(parser, document, Sample.Manifest.GetValueOrDefault(document.SourceFile), "plans/" + document.SourceFile);
            Assert.NotNull(plan);
            Assert.NotEmpty(plan.Items);
            Assert.DoesNotContain(diagnostics, d => d.Code is "PA390" or "PA300");
        }
    }

    [Fact]
    public void The_corpus_gets_one_id_per_plan_and_the_same_ids_whatever_order_the_plans_come_in()
    {
        var parser = ParseStage.DefaultParser();
        var plans = Sample.Documents.Select(d => ParseStage.ParseOne(parser, d, null, d.SourceFile).Plan!).ToList();
        var (forward, _) = ParseStage.Corpus(plans);
        var (backward, _) = ParseStage.Corpus(Enumerable.Reverse(plans));
        Assert.Equal(plans.Count, forward.Select(p => p.Id).Distinct().Count());
        Assert.Equal(forward.ToDictionary(p => p.SourceFile, p => p.Id), backward.ToDictionary(p => p.SourceFile, p => p.Id));
    }
}
