using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using PlanAtlas.Fetch;
using Spectre.Console;

namespace PlanAtlas.Cli;

/// <summary>
/// `fetch` on the command line: its options, a progress bar on a terminal (plain lines in a log), a line per URL
/// that failed and why, and the exit code: 0 all fetched or unchanged, 1 any URL failed, 2 bad command line.
/// </summary>
internal static partial class FetchConsole
{
    [GeneratedRegex(@"^[A-Za-z0-9@.:/_+\-~%?=&#]+$")]
    private static partial Regex ContactText();

    public static Command Command()
    {
        var urls = new Argument<string[]>("url") { Description = "pages or plan files to download (http/https)", Arity = ArgumentArity.ZeroOrMore };
        var list = new Option<string?>("--list") { Description = "a text file of addresses, one per line (blank lines and lines starting with # are skipped; text after the address is a note)" };
        var input = new Option<string>("--input") { Description = "input folder: files go to plans/, rows to plans.csv", DefaultValueFactory = _ => "input" };
        var force = new Option<bool>("--force") { Description = "replace files you have edited since they were fetched" };
        var delay = new Option<double>("--delay") { Description = "seconds between two requests to one host (robots.txt Crawl-delay may ask for more)", DefaultValueFactory = _ => 1 };
        var timeout = new Option<double>("--timeout") { Description = "seconds one request may take", DefaultValueFactory = _ => 30 };
        var retries = new Option<int>("--retries") { Description = "retries after 5xx answers and broken connections", DefaultValueFactory = _ => 3 };
        var contact = new Option<string?>("--contact") { Description = "a URL or e-mail address added to the User-Agent, so site operators can reach you" };
        delay.Validators.Add(r => { if (r.GetValueOrDefault<double>() is < 0 or > 600) r.AddError("--delay must be between 0 and 600 seconds"); });
        timeout.Validators.Add(r => { if (r.GetValueOrDefault<double>() is <= 0 or > 3600) r.AddError("--timeout must be between 0 and 3600 seconds"); });
        retries.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 0 or > 10) r.AddError("--retries must be between 0 and 10"); });
        contact.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } c && !ContactText().IsMatch(c)) r.AddError("--contact takes a URL or an e-mail address (no spaces)");
        });
        var command = new Command("fetch", "download government pages and the plan files they link into input/plans, one manifest row each")
            { urls, list, input, force, delay, timeout, retries, contact };
        command.SetAction(async (parse, stop) =>
        {
            var addresses = parse.GetValue(urls)!.ToList();
            if (parse.GetValue(list) is { } listFile)
            {
                if (!File.Exists(listFile))
                {
                    Console.Error.WriteLine($"fetch: the list '{listFile}' does not exist");
                    return 2;
                }
                addresses.AddRange(ReadList(listFile));
            }
            if (addresses.Count == 0)
            {
                Console.Error.WriteLine("fetch: give one or more addresses, or --list FILE (run with --help for usage)");
                return 2;
            }
            var options = new FetchOptions(parse.GetValue(input)!, parse.GetValue(force))
            {
                PerHostInterval = TimeSpan.FromSeconds(parse.GetValue(delay)),
                Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                Retries = parse.GetValue(retries),
                Contact = parse.GetValue(contact),
            };
            return await RunAsync(options, addresses, stop);
        });
        return command;
    }

    /// <summary>Addresses of a list file: the first word of each line that is not blank or a # comment.</summary>
    internal static IEnumerable<string> ReadList(string path) =>
        File.ReadAllLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0]);

    private static async Task<int> RunAsync(FetchOptions options, List<string> addresses, CancellationToken stop)
    {
        using var fetcher = new CorpusFetcher(options);
        // As the build's console: a live bar on a terminal, plain lines as each URL ends in a log.
        var plain = Console.IsOutputRedirected || Environment.GetEnvironmentVariable("CI") is { Length: > 0 } || Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 };
        FetchReport report;
        try
        {
            report = plain
                ? await fetcher.FetchAsync(addresses, new PlainProgress(), stop)
                : await AnsiConsole.Progress().AutoClear(true)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .StartAsync(ctx => fetcher.FetchAsync(addresses, new BarProgress(ctx), stop));
        }
        catch (FetchFailure e)
        {
            Console.Error.WriteLine($"fetch: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("fetch: cancelled; what was fetched so far is recorded in plans.csv");
            return 130;
        }
        foreach (var note in report.Notes) Console.Error.WriteLine($"fetch: {note}");
        if (!plain) foreach (var outcome in report.Urls) Describe(outcome);
        var failed = report.Urls.Count(u => u.Status == UrlStatus.Failed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fetch: {report.Urls.Count} addresses, {report.Urls.Count(u => u.Status == UrlStatus.Fetched)} fetched, {report.Urls.Count(u => u.Status == UrlStatus.Unchanged)} unchanged, {failed} failed; {report.Urls.Sum(u => u.Written.Count)} files written"));
        return failed > 0 ? 1 : 0;
    }

    /// <summary>One line per URL (a failure on standard error, with why), and one per edited file kept.</summary>
    private static void Describe(UrlOutcome outcome)
    {
        switch (outcome.Status)
        {
            case UrlStatus.Failed:
                foreach (var problem in outcome.Problems) Console.Error.WriteLine($"failed  {outcome.Url}: {problem}");
                break;
            case UrlStatus.Fetched:
                Console.WriteLine($"fetched {outcome.Url} → {string.Join(", ", outcome.Written)}");
                break;
            default:
                Console.WriteLine($"same    {outcome.Url}");
                break;
        }
        foreach (var kept in outcome.Kept)
            Console.Error.WriteLine($"kept    {kept}: you edited it since it was fetched and the download differs; --force replaces it");
    }

    private sealed class PlainProgress : IFetchProgress
    {
        public void Started(int urls) { }
        public void UrlStarted(string url) { }
        public void UrlFinished(UrlOutcome outcome) => Describe(outcome);
    }

    private sealed class BarProgress(ProgressContext ctx) : IFetchProgress
    {
        private ProgressTask? _task;

        public void Started(int urls) => _task = ctx.AddTask("下载", maxValue: urls);
        public void UrlStarted(string url) => _task!.Description = Markup.Escape(url.Length > 60 ? url[..57] + "…" : url);
        public void UrlFinished(UrlOutcome outcome) => _task!.Increment(1);
    }
}
