using System.CommandLine;
using System.Runtime.InteropServices;
using PlanAtlas.Build;
using PlanAtlas.Serve;

namespace PlanAtlas.Cli;

/// <summary>
/// The command-line contract scripts rely on:
/// <c>build --input DIR --output DIR [--base-path /x/] [--strict] [--theme DIR] [--full] [--cache DIR | --no-cache] [--verbose]</c>.
/// Exit codes: 0 built (warnings allowed), 1 could not build (bad input, or a bug: its stack trace with --verbose), 2 bad command line, 3 --strict with warnings, 130 cancelled.
/// <c>serve</c> takes the same options plus <c>--port</c> and runs until Ctrl-C (exit 0; 1 if it cannot listen).
/// <c>fetch URL… | --list FILE [--input DIR] [--force]</c>: exit 0 every URL fetched or unchanged, 1 any failed, 2 bad command line, 130 cancelled.
/// </summary>
public static class CommandLine
{
    public static int Run(string[] args)
    {
        var root = new RootCommand("PlanAtlas：把各地安全生产工作要点生成可检索、可比较的静态网站。");
        root.Subcommands.Add(BuildCommand());
        root.Subcommands.Add(ServeCommand());
        root.Subcommands.Add(FetchConsole.Command());
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) Console.Error.WriteLine(error.Message);
            Console.Error.WriteLine("run with --help for usage");
            return 2;
        }
        return parse.Invoke();
    }

    /// <summary>The options build and serve share, so both read a site the same way.</summary>
    private sealed class SiteOptions
    {
        public readonly Option<string> Input = new("--input") { Description = "input folder (plans/, plans.csv, site.yml, pages/)", DefaultValueFactory = _ => "input" };
        public readonly Option<string> Output = new("--output") { Description = "output folder; replaced only when the build succeeds", DefaultValueFactory = _ => "output" };
        public readonly Option<string?> BasePath = new("--base-path") { Description = "publish under this sub-path, e.g. /planatlas/ (overrides site.yml)" };
        public readonly Option<bool> Strict = new("--strict") { Description = "fail (exit 3) when there are warnings" };
        public readonly Option<string?> Theme = new("--theme") { Description = "theme folder (default: the theme shipped with PlanAtlas)" };

        public readonly Option<string?> BaseUrl = new("--base-url") { Description = "the site's origin for sitemap, feed and canonical links, e.g. https://owner.github.io (overrides site.yml)" };

        public readonly Option<bool> Full = new("--full") { Description = "recompute everything, retrain the clustering model; the cache is rewritten, not read" };
        public readonly Option<string?> Cache = new("--cache") { Description = "build cache folder (default: .OUTPUT.cache beside the output folder; safe to delete)" };
        public readonly Option<bool> NoCache = new("--no-cache") { Description = "neither read nor write a build cache" };

        public readonly Option<bool> Verbose = new("--verbose") { Description = "when the build fails on a bug in PlanAtlas, print the stack trace" };

        public IEnumerable<Option> All => [Input, Output, BasePath, BaseUrl, Strict, Theme, Full, Cache, NoCache, Verbose];

        public BuildOptions Read(ParseResult parse) =>
            new(parse.GetValue(Input)!, parse.GetValue(Output)!, parse.GetValue(BasePath), parse.GetValue(Strict), parse.GetValue(Theme))
            { BaseUrl = parse.GetValue(BaseUrl), Full = parse.GetValue(Full), CacheDirectory = parse.GetValue(Cache), NoCache = parse.GetValue(NoCache) };
    }

    private static Command BuildCommand()
    {
        var site = new SiteOptions();
        var stats = new Option<string?>("--stats") { Description = "also write the build's figures (stage times, CPU, peak memory) as JSON to this file" };
        var command = new Command("build", "build the static site") { stats };
        foreach (var option in site.All) command.Options.Add(option);
        command.SetAction(parse =>
        {
            // The process ends with the build: a small rebuild may allocate without collections.
            var options = site.Read(parse) with { WithoutCollections = true };
            using var cancellation = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; cancellation.Cancel(); });
            var reporter = ConsoleReporter.Create(parse.GetValue(site.Verbose));
            var result = reporter.Run(progress => new SiteBuilder(progress).Build(options, cancellation.Token));
            reporter.Summarize(result);
            if (parse.GetValue(stats) is { } statsFile) BuildStats.Write(statsFile, result);
            return (int)result.Outcome;
        });
        return command;
    }

    private static Command ServeCommand()
    {
        var site = new SiteOptions();
        var port = new Option<int>("--port") { Description = "port on 127.0.0.1 (0 picks a free one)", DefaultValueFactory = _ => ServeOptions.DefaultPort };
        port.Validators.Add(result =>
        {
            // Tokens, not the value: a non-number is already reported by the parser, and reading it would throw.
            if (result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, out var value) && value is < 0 or > 65535)
                result.AddError("--port must be between 0 and 65535");
        });
        var command = new Command("serve", "build, serve on localhost, rebuild and reload open pages on every change of input/ or the theme");
        foreach (var option in site.All) command.Options.Add(option);
        command.Options.Add(port);
        // System.CommandLine cancels the token on Ctrl-C and SIGTERM.
        command.SetAction((parse, stop) => ServeConsole.RunAsync(new ServeOptions(site.Read(parse), parse.GetValue(port)), parse.GetValue(site.Verbose), stop));
        return command;
    }
}
