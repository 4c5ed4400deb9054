using PlanAtlas.Build;
using PlanAtlas.Cli;

namespace PlanAtlas.Tests.Build;

/// <summary>
/// A build fails in one of two ways: on bad input (its message names the file and line) or on a bug in PlanAtlas
/// (reported as one, with the stack trace under --verbose). Either way the previous output stays as it was.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public sealed class BuildFailureTests
{
    private static (int Exit, string Errors) Cli(params string[] args)
    {
        var stdout = Console.Out; var stderr = Console.Error;
        using var errors = new StringWriter();
        Console.SetOut(TextWriter.Null); Console.SetError(errors);
        try { return (CommandLine.Run(args), errors.ToString()); }
        finally { Console.SetOut(stdout); Console.SetError(stderr); }
    }

    private static RepoPaths.TempFolder BuiltSample(out string input, out string output)
    {
        var temp = RepoPaths.NewTemp();
        input = temp["input"];
        output = temp["out"];
        RepoPaths.CopyTree(RepoPaths.SampleInput, input);
        Assert.Equal(BuildOutcome.Built, new SiteBuilder(IBuildProgress.None).Build(new BuildOptions(input, output, ThemeDirectory: RepoPaths.Theme)).Outcome);
        return temp;
    }

    private static Dictionary<string, string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllText);

    [Fact]
    public void An_unexpected_exception_is_reported_as_a_bug_and_the_previous_output_is_kept()
    {
        using var temp = BuiltSample(out var input, out var output);
        var before = Files(output);

        var result = new SiteBuilder(new FailAt(SiteBuilder.Render)).Build(new BuildOptions(input, output, ThemeDirectory: RepoPaths.Theme));

        Assert.Equal(BuildOutcome.Failed, result.Outcome);
        Assert.IsType<InvalidOperationException>(result.Bug);
        Assert.StartsWith("a bug in PlanAtlas, not in the input: InvalidOperationException: not a user's mistake", result.FatalError);
        Assert.Equal(before, Files(output));
        Assert.Empty(RepoPaths.SwapLeftovers(temp.Path, "out"));
    }

    [Fact]
    public void A_bug_shows_its_stack_trace_with_verbose_and_a_hint_without()
    {
        var result = new BuildResult(BuildOutcome.Failed, 0, 0, 0, [], [], "a bug in PlanAtlas, not in the input: InvalidOperationException: boom") { Bug = Thrown() };

        var quiet = Reported(ConsoleReporter.Create(verbose: false), result);
        var verbose = Reported(ConsoleReporter.Create(verbose: true), result);

        Assert.Contains("build failed: a bug in PlanAtlas, not in the input: InvalidOperationException: boom", quiet);
        Assert.Contains("run again with --verbose to see the stack trace", quiet);
        Assert.DoesNotContain(nameof(Thrown), quiet);
        Assert.Contains($"{nameof(BuildFailureTests)}.{nameof(Thrown)}()", verbose);
        Assert.DoesNotContain("--verbose", verbose);
    }

    [Fact]
    public void A_template_error_while_rendering_is_bad_input_named_by_file_and_line_and_keeps_the_previous_output()
    {
        using var temp = BuiltSample(out var input, out var output);
        var before = Files(output);
        Directory.CreateDirectory(Path.Combine(input, "theme", "layouts"));
        File.WriteAllText(Path.Combine(input, "theme", "layouts", "plan.sbn"), "<p>\n{{ \"a\" | string.replace }}\n</p>");

        var (exit, errors) = Cli("build", "--input", input, "--output", output, "--theme", RepoPaths.Theme, "--verbose");

        Assert.Equal(1, exit);
        Assert.Contains("layouts/plan.sbn(2,", errors);
        Assert.DoesNotContain("a bug in PlanAtlas", errors);
        Assert.DoesNotContain("   at ", errors);
        Assert.Equal(before, Files(output));
        Assert.Empty(RepoPaths.SwapLeftovers(temp.Path, "out"));
    }

    [Fact]
    public void A_missing_theme_folder_is_bad_input()
    {
        using var temp = RepoPaths.NewTemp();
        RepoPaths.CopyTree(RepoPaths.SampleInput, temp["input"]);
        var (exit, errors) = Cli("build", "--input", temp["input"], "--output", temp["out"], "--theme", temp["no-theme"]);
        Assert.Equal(1, exit);
        Assert.Contains($"theme folder '{temp["no-theme"]}' does not exist", errors);
        Assert.DoesNotContain("--verbose", errors);
        Assert.False(Directory.Exists(temp["out"]));
    }

    private static string Reported(ConsoleReporter reporter, BuildResult result)
    {
        var stdout = Console.Out; var stderr = Console.Error;
        using var errors = new StringWriter();
        Console.SetOut(TextWriter.Null); Console.SetError(errors);
        try { reporter.Summarize(result); }
        finally { Console.SetOut(stdout); Console.SetError(stderr); }
        return errors.ToString();
    }

    private static Exception Thrown()
    {
        try { throw new InvalidOperationException("boom"); }
        catch (InvalidOperationException e) { return e; }
    }

    /// <summary>Stands for a bug: throws what no input can cause when <paramref name="stage"/> starts.</summary>
    private sealed class FailAt(string stage) : IBuildProgress
    {
        public void StageStarted(string s) { if (s == stage) throw new InvalidOperationException("not a user's mistake"); }
        public void StageFinished(StageTiming timing) { }
    }
}
