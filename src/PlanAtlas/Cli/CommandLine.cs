using System.CommandLine;
using System.Runtime.InteropServices;
using PlanAtlas.Build;

namespace PlanAtlas.Cli;

/// <summary>
/// The command-line contract scripts rely on:
/// <c>build --input DIR --output DIR [--base-path /x/] [--strict] [--theme DIR]</c>.
/// Exit codes: 0 built (warnings allowed), 1 could not build, 2 bad command line, 3 --strict with warnings, 130 cancelled.
/// </summary>
public static class CommandLine
{
    public static int Run(string[] args)
    {
        var root = new RootCommand("PlanAtlas：把各地安全生产工作要点生成可检索、可比较的静态网站。");
        root.Subcommands.Add(BuildCommand());
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) Console.Error.WriteLine(error.Message);
            Console.Error.WriteLine("run with --help for usage");
            return 2;
        }
        return parse.Invoke();
    }

    private static Command BuildCommand()
    {
        var input = new Option<string>("--input") { Description = "input folder (plans/, plans.csv, site.yml, pages/)", DefaultValueFactory = _ => "input" };
        var output = new Option<string>("--output") { Description = "output folder; replaced only when the build succeeds", DefaultValueFactory = _ => "output" };
        var basePath = new Option<string?>("--base-path") { Description = "publish under this sub-path, e.g. /planatlas/ (overrides site.yml)" };
        var strict = new Option<bool>("--strict") { Description = "fail (exit 3) when there are warnings" };
        var theme = new Option<string?>("--theme") { Description = "theme folder (default: the theme shipped with PlanAtlas)" };
        var stats = new Option<string?>("--stats") { Description = "also write the build's figures (stage times, CPU, peak memory) as JSON to this file" };
        var command = new Command("build", "build the static site") { input, output, basePath, strict, theme, stats };
        command.SetAction(parse =>
        {
            var options = new BuildOptions(parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(basePath),
                parse.GetValue(strict), parse.GetValue(theme));
            using var cancellation = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; cancellation.Cancel(); });
            var reporter = ConsoleReporter.Create();
            var result = reporter.Run(progress => new SiteBuilder(progress).Build(options, cancellation.Token));
            reporter.Summarize(result);
            if (parse.GetValue(stats) is { } statsFile) BuildStats.Write(statsFile, result);
            return (int)result.Outcome;
        });
        return command;
    }
}
