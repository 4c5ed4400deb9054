using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PlanAtlas.Bench;

/// <summary>
/// The benchmark's command line (a contract for scripts):
///   generate --plans N --output DIR [--seed S] [--sample DIR]   writes an input folder that `build --input DIR` takes
///   run [--plans 100,1000,10000] [--work DIR]                    generates, builds each size in a child process and prints a table
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

        var sizes = new Option<string>("--plans") { Description = "comma-separated corpus sizes", DefaultValueFactory = _ => "100,1000,10000" };
        var work = new Option<string>("--work") { Description = "scratch folder", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "planatlas-bench") };
        var run = new Command("run", "generate and build each corpus size, then print the results table") { sizes, work, sample };
        run.SetAction(p => Run(p.GetValue(sizes)!.Split(',').Select(int.Parse).ToList(), p.GetValue(work)!, p.GetValue(sample)!));
        root.Subcommands.Add(run);

        return root.Parse(args).Invoke();
    }

    private static int Run(IReadOnlyList<int> sizes, string work, string sample)
    {
        var generator = new CorpusGenerator(sample);
        var planAtlas = Path.Combine(AppContext.BaseDirectory, "PlanAtlas.dll");
        var table = new StringBuilder();
        table.AppendLine("| plans | stage | wall s | CPU s | peak MB | |");
        table.AppendLine("|---:|---|---:|---:|---:|---|");
        foreach (var n in sizes)
        {
            var input = Path.Combine(work, $"input-{n}");
            if (Directory.Exists(input)) Directory.Delete(input, true);
            generator.Generate(n, input);
            var stats = Path.Combine(work, $"stats-{n}.json");
            var clock = Stopwatch.StartNew();
            var start = new ProcessStartInfo("dotnet", ["exec", planAtlas, "build", "--input", input, "--output", Path.Combine(work, $"output-{n}"), "--stats", stats])
            { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) { Console.Error.WriteLine($"build of {n} plans failed ({process.ExitCode}): {errors}"); return 1; }
            using var json = JsonDocument.Parse(File.ReadAllText(stats));
            foreach (var s in json.RootElement.GetProperty("stages").EnumerateArray())
                table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {n} | {s.GetProperty("stage").GetString()} | {s.GetProperty("wall_seconds").GetDouble():0.00} | {s.GetProperty("cpu_seconds").GetDouble():0.00} | {s.GetProperty("peak_mb").GetDouble():0} | {s.GetProperty("summary").GetString()} |"));
            table.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {n} | **total (process)** | {clock.Elapsed.TotalSeconds:0.00} | | | |"));
        }
        Console.Write(table);
        return 0;
    }
}
