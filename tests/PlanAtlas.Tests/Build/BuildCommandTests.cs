using PlanAtlas.Build;
using PlanAtlas.Cli;

namespace PlanAtlas.Tests.Build;

/// <summary>The command-line contract: defaults, exit codes, and that a failed build never touches the previous output.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class BuildCommandTests
{
    private static int Cli(params string[] args)
    {
        var stdout = Console.Out; var stderr = Console.Error;
        Console.SetOut(TextWriter.Null); Console.SetError(TextWriter.Null);
        try { return CommandLine.Run(args); }
        finally { Console.SetOut(stdout); Console.SetError(stderr); }
    }

    private static RepoPaths.TempFolder SampleCopy(out string input)
    {
        var temp = RepoPaths.NewTemp();
        input = temp["input"];
        RepoPaths.CopyTree(RepoPaths.SampleInput, input);
        return temp;
    }

    [Fact]
    public void Build_exits_zero_and_writes_the_site()
    {
        using var temp = SampleCopy(out var input);
        Assert.Equal(0, Cli("build", "--input", input, "--output", temp["out"], "--theme", RepoPaths.Theme));
        Assert.True(File.Exists(Path.Combine(temp["out"], "index.html")));
    }

    [Fact]
    public void Base_url_on_the_command_line_gives_a_sitemap_of_absolute_urls_under_the_base_path()
    {
        using var temp = SampleCopy(out var input);
        Assert.Equal(0, Cli("build", "--input", input, "--output", temp["out"], "--base-path", "/planatlas/", "--base-url", "https://example.org/", "--theme", RepoPaths.Theme));
        var sitemap = File.ReadAllText(Path.Combine(temp["out"], "sitemap.xml"));
        Assert.Contains("<loc>https://example.org/planatlas/plans/", sitemap);
    }

    [Fact]
    public void A_missing_input_folder_exits_one()
    {
        using var temp = RepoPaths.NewTemp();
        Assert.Equal(1, Cli("build", "--input", temp["nope"], "--output", temp["out"], "--theme", RepoPaths.Theme));
        Assert.False(Directory.Exists(temp["out"]));
    }

    [Fact]
    public void An_unknown_option_exits_two()
    {
        Assert.Equal(2, Cli("build", "--no-such-option"));
    }

    [Fact]
    public void Strict_fails_on_warnings_and_keeps_the_previous_output()
    {
        using var temp = SampleCopy(out var input);
        Directory.CreateDirectory(temp["out"]);
        File.WriteAllText(Path.Combine(temp["out"], "previous.txt"), "last good site");
        File.WriteAllText(Path.Combine(input, "plans", "no-structure.txt"), "这是一段没有任何编号结构的文字。\n第二行也没有。\n");
        Assert.Equal(3, Cli("build", "--input", input, "--output", temp["out"], "--strict", "--theme", RepoPaths.Theme));
        Assert.Equal("last good site", File.ReadAllText(Path.Combine(temp["out"], "previous.txt")));
        Assert.Equal(0, Cli("build", "--input", input, "--output", temp["out"], "--theme", RepoPaths.Theme));
        Assert.False(File.Exists(Path.Combine(temp["out"], "previous.txt")));
    }

    [Fact]
    public void A_broken_theme_fails_the_build_and_leaves_the_previous_output_intact()
    {
        using var temp = SampleCopy(out var input);
        Assert.Equal(0, Cli("build", "--input", input, "--output", temp["out"], "--theme", RepoPaths.Theme));
        var before = File.ReadAllText(Path.Combine(temp["out"], "index.html"));
        Directory.CreateDirectory(Path.Combine(input, "theme", "layouts"));
        File.WriteAllText(Path.Combine(input, "theme", "layouts", "plan.sbn"), "{{ for x in }}");
        Assert.Equal(1, Cli("build", "--input", input, "--output", temp["out"], "--theme", RepoPaths.Theme));
        Assert.Equal(before, File.ReadAllText(Path.Combine(temp["out"], "index.html")));
        var result = new SiteBuilder(IBuildProgress.None).Build(new BuildOptions(input, temp["out"], ThemeDirectory: RepoPaths.Theme));
        Assert.Equal(BuildOutcome.Failed, result.Outcome);
        Assert.Contains("layouts/plan.sbn", result.FatalError);
        Assert.Empty(RepoPaths.SwapLeftovers(temp.Path, "out"));
    }

    [Fact]
    public void A_cancelled_build_leaves_the_previous_output_intact()
    {
        using var temp = SampleCopy(out var input);
        var builder = new SiteBuilder(IBuildProgress.None);
        Assert.Equal(BuildOutcome.Built, builder.Build(new BuildOptions(input, temp["out"], ThemeDirectory: RepoPaths.Theme)).Outcome);
        var before = Directory.GetFiles(temp["out"], "*", SearchOption.AllDirectories).Length;
        using var cancelled = new CancellationTokenSource();
        var progress = new CancelAfter("parse", cancelled);
        var result = new SiteBuilder(progress).Build(new BuildOptions(input, temp["out"], ThemeDirectory: RepoPaths.Theme), cancelled.Token);
        Assert.Equal(BuildOutcome.Cancelled, result.Outcome);
        Assert.Equal(before, Directory.GetFiles(temp["out"], "*", SearchOption.AllDirectories).Length);
        Assert.Empty(RepoPaths.SwapLeftovers(temp.Path, "out"));
    }

    [Fact]
    public void Leftovers_of_a_build_killed_mid_swap_are_recovered()
    {
        using var temp = SampleCopy(out var input);
        // As if killed between moving the old site aside and moving the new one in.
        var old = Path.Combine(temp.Path, ".out.old-999999-dead");
        Directory.CreateDirectory(old);
        File.WriteAllText(Path.Combine(old, "index.html"), "last good");
        var staging = Path.Combine(temp.Path, ".out.staging-999999-dead");
        Directory.CreateDirectory(staging);
        using (new OutputSwap(temp["out"]))
        {
            Assert.Equal("last good", File.ReadAllText(Path.Combine(temp["out"], "index.html")));
            Assert.False(Directory.Exists(old));
            Assert.False(Directory.Exists(staging));
        }
    }

    [Fact]
    public void An_incremental_commit_killed_half_way_is_finished_by_the_next_build()
    {
        using var temp = RepoPaths.NewTemp();
        var output = temp["out"];
        foreach (var (file, text) in new[] { ("index.html", "old home"), ("plans/a/index.html", "kept page"), ("plans/gone/index.html", "removed plan") })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(output, file))!);
            File.WriteAllText(Path.Combine(output, file), text);
        }
        // As if killed after the commit record was written and the new home page moved in, before the new plan page was.
        var staging = Path.Combine(temp.Path, ".out.staging-999999-dead");
        Directory.CreateDirectory(Path.Combine(staging, "plans", "b"));
        File.WriteAllText(Path.Combine(staging, "plans", "b", "index.html"), "new plan");
        File.WriteAllLines(Path.Combine(staging, OutputSwap.CommitRecord), ["index.html", "plans/a/index.html", "plans/b/index.html"]);
        File.WriteAllText(Path.Combine(output, "index.html"), "new home");

        using (new OutputSwap(output))
        {
            Assert.Equal(new SortedDictionary<string, string>
            {
                ["index.html"] = "new home", ["plans/a/index.html"] = "kept page", ["plans/b/index.html"] = "new plan",
            }, new SortedDictionary<string, string>(Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(output, f).Replace('\\', '/'), File.ReadAllText), StringComparer.Ordinal));
            Assert.False(Directory.Exists(Path.Combine(output, "plans", "gone")));
            Assert.False(Directory.Exists(staging));
        }
    }

    [Fact]
    public void An_incremental_commit_moves_in_only_the_files_that_changed()
    {
        using var temp = RepoPaths.NewTemp();
        var output = temp["out"];
        var old = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Directory.CreateDirectory(Path.Combine(output, "data"));
        foreach (var file in new[] { "index.html", "data/same.csv", "data/changed.csv", "data/gone.csv" })
        {
            File.WriteAllText(Path.Combine(output, file), "old");
            File.SetLastWriteTimeUtc(Path.Combine(output, file), old);
        }
        using var swap = new OutputSwap(output);
        Directory.CreateDirectory(Path.Combine(swap.StagingDirectory, "data"));
        File.WriteAllText(Path.Combine(swap.StagingDirectory, "data", "same.csv"), "old");
        File.WriteAllText(Path.Combine(swap.StagingDirectory, "data", "changed.csv"), "new");

        swap.Commit(["index.html"]);

        Assert.Equal(["data/changed.csv", "data/same.csv", "index.html"], Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        Assert.Equal("new", File.ReadAllText(Path.Combine(output, "data", "changed.csv")));
        Assert.Equal(old, File.GetLastWriteTimeUtc(Path.Combine(output, "data", "same.csv")));
        Assert.Equal(old, File.GetLastWriteTimeUtc(Path.Combine(output, "index.html")));
        Assert.False(Directory.Exists(swap.StagingDirectory));
    }

    [Fact]
    public void An_incremental_commit_deletes_the_files_the_output_had_when_it_was_listed_ahead()
    {
        using var temp = RepoPaths.NewTemp();
        var output = temp["out"];
        foreach (var file in new[] { "index.html", "about/index.html", "plans/gone/index.html" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(output, file))!);
            File.WriteAllText(Path.Combine(output, file), "old");
        }
        using var swap = new OutputSwap(output);
        swap.ListOutputAhead().Wait();
        // Written by another program while the build ran: no file of the previous site, so the commit leaves it alone.
        File.WriteAllText(Path.Combine(output, "notes.txt"), "not ours");
        File.WriteAllText(Path.Combine(swap.StagingDirectory, "index.html"), "new");

        swap.Commit(["about/index.html"]);

        Assert.Equal(["about/index.html", "index.html", "notes.txt"], Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        Assert.Equal("new", File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.False(Directory.Exists(Path.Combine(output, "plans")));
    }

    [Fact]
    public void A_staging_folder_without_a_commit_record_is_discarded_and_the_output_left_alone()
    {
        using var temp = RepoPaths.NewTemp();
        var output = temp["out"];
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "index.html"), "last good");
        var staging = Path.Combine(temp.Path, ".out.staging-999999-dead");
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, "index.html"), "half-built");
        File.WriteAllLines(Path.Combine(staging, OutputSwap.CommitRecord + ".tmp"), ["index.html"]);

        using (new OutputSwap(output))
        {
            Assert.Equal(["index.html"], Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Select(Path.GetFileName));
            Assert.Equal("last good", File.ReadAllText(Path.Combine(output, "index.html")));
            Assert.False(Directory.Exists(staging));
        }
    }

    [Fact]
    public void Stats_give_each_stage_and_what_the_runtime_spent_compiling_and_collecting()
    {
        using var temp = SampleCopy(out var input);
        // An earlier test's collection-free rebuild (this process runs many builds) leaves a large young-generation budget.
        GC.Collect();
        Assert.Equal(0, Cli("build", "--input", input, "--output", temp["out"], "--theme", RepoPaths.Theme, "--stats", temp["stats.json"]));

        using var stats = System.Text.Json.JsonDocument.Parse(File.ReadAllText(temp["stats.json"]));
        var root = stats.RootElement;
        Assert.Equal(["read", "parse", "analyze", "render", "index"], root.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()));
        Assert.True(root.GetProperty("jit_methods").GetInt64() > 0);
        Assert.True(root.GetProperty("jit_seconds").GetDouble() > 0);
        Assert.True(root.GetProperty("gc_pause_seconds").GetDouble() >= 0);
        foreach (var stage in root.GetProperty("stages").EnumerateArray())
        {
            Assert.True(stage.GetProperty("allocated_mb").GetDouble() > 0, stage.GetProperty("stage").GetString());
            Assert.Equal(3, stage.GetProperty("collections").GetArrayLength());
        }
        // Parsing five plans from scratch allocates; some stage of the build collects at least once.
        Assert.Contains(root.GetProperty("stages").EnumerateArray(), s => s.GetProperty("collections")[0].GetInt32() > 0);
    }

    [Fact]
    public void The_output_may_not_contain_the_input()
    {
        using var temp = SampleCopy(out var input);
        Assert.Equal(1, Cli("build", "--input", input, "--output", temp.Path, "--theme", RepoPaths.Theme));
        Assert.True(Directory.Exists(input));
    }

    private sealed class CancelAfter(string stage, CancellationTokenSource source) : IBuildProgress
    {
        public void StageStarted(string s) { }
        public void StageFinished(StageTiming timing) { if (timing.Stage == stage) source.Cancel(); }
    }
}

/// <summary>Tests that redirect Console run one at a time.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;
