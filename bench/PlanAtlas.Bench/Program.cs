using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PlanAtlas.Bench;

/// <summary>
/// The benchmark's command line (a contract for scripts):
///   generate --plans N --output DIR [--seed S] [--sample DIR]   writes an input folder that `build --input DIR` takes
///   edit --input DIR                                             edits one plan of a generated folder (the incremental-build case)
///   run [--plans 100,1000,10000] [--work DIR] [--app PATH]       generates, builds each size from scratch in a child process,
///                                                                edits one plan, rebuilds, and prints a table of both builds
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("PlanAtlas benchmark: synthetic corpora and build measurements");

        var plans = new Option<int>("--plans") { Description = "number of plans", Required = true };
        var output = new Option<string>("--output") { Description = "folder to write the synthetic input into", Required = true };
        var seed = new Option<int>("--seed") { Description = "random seed", DefaultValueFactory = _ => 20260101 };
        var sample = new Option<string>("--sample") { Description = "the sample input to recombine", DefaultValueFactory = _ => "input" };
        var generate = new Command("generate", "write a synthetic input folder") { plans, output, seed, sample };
        generate.SetAction(p =>
        {
            var target = p.GetValue(output)!;
            if (Path.GetFullPath(target).TrimEnd('/') == Path.GetFullPath(p.GetValue(sample)!).TrimEnd('/'))
            {
                Console.Error.WriteLine("refusing to write a synthetic corpus over the sample input");
                return 1;
            }
            var generator = new CorpusGenerator(p.GetValue(sample)!);
            generator.Generate(p.GetValue(plans), target, p.GetValue(seed));
            Console.WriteLine($"wrote {p.GetValue(plans)} synthetic plans from {generator.SourceItems} sample items to {target}");
            return 0;
        });
        root.Subcommands.Add(generate);

        var editInput = new Option<string>("--input") { Description = "a folder written by generate", Required = true };
        var edit = new Command("edit", "edit one plan of a generated folder, as a researcher would between two builds") { editInput, sample };
        edit.SetAction(p =>
        {
            Console.WriteLine($"edited {new CorpusGenerator(p.GetValue(sample)!).EditOne(p.GetValue(editInput)!)}");
            return 0;
        });
        root.Subcommands.Add(edit);

        var sizes = new Option<string>("--plans") { Description = "comma-separated corpus sizes", DefaultValueFactory = _ => "100,1000,10000" };
        var work = new Option<string>("--work") { Description = "scratch folder", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "planatlas-bench") };
        var app = new Option<string?>("--app")
        {
            Description = "the PlanAtlas to measure (an executable or a .dll); default: the precompiled app published into artifacts/planatlas",
        };
        var run = new Command("run", "generate and build each corpus size, then print the results table") { sizes, work, sample, app };
        run.SetAction(p => Run(p.GetValue(sizes)!.Split(',').Select(int.Parse).ToList(), p.GetValue(work)!, p.GetValue(sample)!, p.GetValue(app)));
        root.Subcommands.Add(run);

        return root.Parse(args).Invoke();
    }

    private static int Run(IReadOnlyList<int> sizes, string work, string sample, string? app)
    {
        var generator = new CorpusGenerator(sample);
        var planAtlas = app ?? InstalledApp.Publish();
        if (planAtlas is null) return 1;
        Console.Error.WriteLine($"measuring {planAtlas}");
        var table = new StringBuilder();
        table.AppendLine("| plans | stage | wall s | CPU s | peak MB | |");
        table.AppendLine("|---:|---|---:|---:|---:|---|");
        foreach (var n in sizes)
        {
            var input = Path.Combine(work, $"input-{n}");
            var output = Path.Combine(work, $"output-{n}");
            if (Directory.Exists(input)) Directory.Delete(input, true);
            generator.Generate(n, input);
            // From scratch: no output and no cache of an earlier run.
            foreach (var stale in new[] { output, Path.Combine(work, $".output-{n}.cache") })
                if (Directory.Exists(stale)) Directory.Delete(stale, true);
            if (!Build(planAtlas, input, output, Path.Combine(work, $"stats-{n}.json"), $"{n}", table)) return 1;
            var edited = generator.EditOne(input);
            if (!Build(planAtlas, input, output, Path.Combine(work, $"stats-{n}-edit.json"), $"{n}, 1 edited", table)) return 1;
            Console.Error.WriteLine($"{n} plans: built, edited {edited}, rebuilt");
        }
        Console.Write(table);
        return 0;
    }

    /// <summary>One build in a child process (so each has its own peak memory), its stages appended to the table.</summary>
    private static bool Build(string planAtlas, string input, string output, string stats, string label, StringBuilder table)
    {
        var clock = Stopwatch.StartNew();
        var start = InstalledApp.Start(planAtlas, ["build", "--input", input, "--output", output, "--stats", stats]);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        stdout.Wait();
        process.WaitForExit();
        if (process.ExitCode != 0) { Console.Error.WriteLine($"build of {label} failed ({process.ExitCode}): {errors}"); return false; }
        using var json = JsonDocument.Parse(File.ReadAllText(stats));
        foreach (var s in json.RootElement.GetProperty("stages").EnumerateArray())
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {label} | {s.GetProperty("stage").GetString()} | {s.GetProperty("wall_seconds").GetDouble():0.00} | {s.GetProperty("cpu_seconds").GetDouble():0.00} | {s.GetProperty("peak_mb").GetDouble():0} | {s.GetProperty("summary").GetString()} |"));
        var children = json.RootElement.TryGetProperty("children_peak_mb", out var c) ? c.GetDouble() : 0;
        table.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | **total (process)** | {clock.Elapsed.TotalSeconds:0.00} | | {Math.Max(children, json.RootElement.GetProperty("stages").EnumerateArray().Max(s => s.GetProperty("peak_mb").GetDouble())):0} | peak of the build and its child processes ({children:0} MB) |"));
        return true;
    }
}
