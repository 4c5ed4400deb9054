using System.Globalization;
using PlanAtlas.Build;
using PlanAtlas.Model;
using Spectre.Console;

namespace PlanAtlas.Cli;

/// <summary>
/// Shows build progress per stage and a closing summary. On a terminal it uses Spectre.Console's live status
/// and a table; when output is redirected (CI logs) it writes plain, quiet lines with no colour codes.
/// </summary>
public abstract class ConsoleReporter
{
    private const int MaxDiagnosticsShown = 50;

    /// <param name="verbose">Show the stack trace of a build that failed on a bug (--verbose).</param>
    public static ConsoleReporter Create(bool verbose = false) =>
        Console.IsOutputRedirected || Environment.GetEnvironmentVariable("CI") is { Length: > 0 } || Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 }
            ? new Plain { Verbose = verbose }
            : new Rich { Verbose = verbose };

    private bool Verbose { get; init; }

    public abstract BuildResult Run(Func<IBuildProgress, BuildResult> build);

    public abstract void Summarize(BuildResult result);

    protected void WriteDiagnostics(BuildResult result)
    {
        foreach (var d in result.Diagnostics.Where(d => d.Severity >= Severity.Warning).Take(MaxDiagnosticsShown))
            Console.Error.WriteLine(d.ToString());
        var hidden = result.Diagnostics.Count(d => d.Severity >= Severity.Warning) - MaxDiagnosticsShown;
        if (hidden > 0) Console.Error.WriteLine($"… and {hidden} more");
        if (result.FatalError is { } fatal) Console.Error.WriteLine($"build {Describe(result.Outcome)}: {fatal}");
        if (result.Bug is { } bug) Console.Error.WriteLine(Verbose ? bug.ToString() : "run again with --verbose to see the stack trace");
    }

    protected static string Describe(BuildOutcome outcome) => outcome switch
    {
        BuildOutcome.Built => "succeeded",
        BuildOutcome.StrictFailed => "failed (--strict)",
        BuildOutcome.Cancelled => "cancelled",
        _ => "failed",
    };

    protected static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);

    private sealed class Plain : ConsoleReporter, IBuildProgress
    {
        public override BuildResult Run(Func<IBuildProgress, BuildResult> build) => build(this);
        public void StageStarted(string stage) { }
        public void StageFinished(StageTiming t) => Console.WriteLine($"{t.Stage,-8} {Seconds(t.Elapsed),7} s  {t.Summary}");

        public override void Summarize(BuildResult r)
        {
            WriteDiagnostics(r);
            Console.WriteLine($"build {Describe(r.Outcome)}: {r.Plans} plans, {r.Items} items, {r.Pages} pages, {r.Warnings} warnings, {r.Errors} errors, " +
                              $"{Seconds(TimeSpan.FromTicks(r.Stages.Sum(s => s.Elapsed.Ticks)))} s");
        }
    }

    private sealed class Rich : ConsoleReporter
    {
        public override BuildResult Run(Func<IBuildProgress, BuildResult> build) =>
            AnsiConsole.Status().Spinner(Spinner.Known.Dots).Start("开始构建…", ctx => build(new LiveProgress(ctx)));

        private sealed class LiveProgress(StatusContext ctx) : IBuildProgress
        {
            public void StageStarted(string stage) => ctx.Status($"[bold]{stage}[/] …");
            public void StageFinished(StageTiming t) =>
                AnsiConsole.MarkupLine($"[green]✓[/] [bold]{t.Stage,-8}[/] {Seconds(t.Elapsed),6} s  {Markup.Escape(t.Summary)}");
        }

        public override void Summarize(BuildResult r)
        {
            WriteDiagnostics(r);
            var table = new Table().Border(TableBorder.Rounded).Title(r.Outcome == BuildOutcome.Built ? "[green]构建完成[/]" : "[red]构建失败[/]");
            table.AddColumn("");
            table.AddColumn(new TableColumn("").RightAligned());
            table.AddRow("plans", r.Plans.ToString(CultureInfo.InvariantCulture));
            table.AddRow("items", r.Items.ToString(CultureInfo.InvariantCulture));
            table.AddRow("pages", r.Pages.ToString(CultureInfo.InvariantCulture));
            table.AddRow("warnings", r.Warnings.ToString(CultureInfo.InvariantCulture));
            table.AddRow("errors", r.Errors.ToString(CultureInfo.InvariantCulture));
            foreach (var s in r.Stages) table.AddRow($"{s.Stage} (s)", Seconds(s.Elapsed));
            AnsiConsole.Write(table);
        }
    }
}
