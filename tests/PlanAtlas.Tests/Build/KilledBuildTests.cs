using System.Diagnostics;
using PlanAtlas.Bench;
using PlanAtlas.Build;

namespace PlanAtlas.Tests.Build;

/// <summary>A build killed with SIGKILL half-way through leaves the previous site exactly as it was.</summary>
public sealed class KilledBuildTests
{
    [Fact]
    public void Sigkill_during_render_leaves_the_previous_output_intact_and_the_next_build_cleans_up()
    {
        using var temp = RepoPaths.NewTemp();
        var output = temp["out"];
        Assert.Equal(BuildOutcome.Built, new SiteBuilder(IBuildProgress.None)
            .Build(new BuildOptions(RepoPaths.SampleInput, output, ThemeDirectory: RepoPaths.Theme)).Outcome);
        var before = RepoPaths.Snapshot(output);

        // A corpus big enough that the render stage takes a while, built by the real command in a child process.
        new CorpusGenerator(RepoPaths.SampleInput).Generate(1500, temp["big"]);
        var cli = Path.Combine(AppContext.BaseDirectory, "PlanAtlas.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", ["exec", cli, "build", "--input", temp["big"], "--output", output, "--theme", RepoPaths.Theme])
            { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var clock = Stopwatch.StartNew();
        string? staging = null;
        // Kill as soon as the staging folder holds some plan pages, i.e. in the middle of the render stage.
        while (clock.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
        {
            staging = Directory.GetDirectories(temp.Path, ".out.staging-*").FirstOrDefault();
            if (staging is not null && Directory.Exists(Path.Combine(staging, "plans")) &&
                Directory.GetDirectories(Path.Combine(staging, "plans")).Length > 20) break;
            Thread.Sleep(5);
        }
        Assert.False(process.HasExited, "the build finished before it could be killed; make the corpus bigger");
        process.Kill(entireProcessTree: true);
        process.WaitForExit();

        Assert.NotNull(staging);
        Assert.Equal(before, RepoPaths.Snapshot(output));

        Assert.Equal(BuildOutcome.Built, new SiteBuilder(IBuildProgress.None)
            .Build(new BuildOptions(RepoPaths.SampleInput, output, ThemeDirectory: RepoPaths.Theme)).Outcome);
        Assert.Empty(RepoPaths.SwapLeftovers(temp.Path, "out"));
        Assert.Equal(before, RepoPaths.Snapshot(output));
    }
}
