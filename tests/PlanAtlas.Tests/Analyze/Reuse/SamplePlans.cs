using PlanAtlas.Model;
using PlanAtlas.Parse;
using PlanAtlas.Parse.Regions;
using PlanAtlas.Read;

namespace PlanAtlas.Tests.Analyze.Reuse;

/// <summary>The five sample plans as the current parser makes them, parsed once for the analysis tests.</summary>
public static class SamplePlans
{
    private static readonly Lazy<IReadOnlyList<Plan>> Parsed = new(() =>
    {
        var input = InputReader.CreateDefault().Read(RepoPaths.SampleInput);
        var parser = new PlanParser(Gazetteer.Default);
        return PlanIds.Assign(input.Documents.Select(d => parser.Parse(d, input.Manifest.GetValueOrDefault(d.SourceFile)))).ToList();
    });

    public static IReadOnlyList<Plan> All => Parsed.Value;

    public static Plan BySourceFile(string prefix) => All.Single(p => p.SourceFile.StartsWith(prefix, StringComparison.Ordinal));
}
