using System.Text.Json;
using PlanAtlas.Build;
using PlanAtlas.Build.Cache;
using PlanAtlas.Model;
using PlanAtlas.Read;

namespace PlanAtlas.Tests.Build;

/// <summary>
/// The parse cache: a plan whose file is unchanged is loaded, not decoded and parsed, and what is loaded is exactly
/// what parsing gives (plans and diagnostics), so an incremental build reports and renders what a full build does.
/// </summary>
public sealed class ParsedPlanCacheTests
{
    private sealed record Run(IReadOnlyList<Plan> Plans, List<Diagnostic> Diagnostics, InputSet Input, int Hits);

    private static Run ReadAndParse(string input, string cacheRoot, bool full = false)
    {
        var cache = new ParsedPlanCache(CacheFolder.Open(cacheRoot), ignorePrevious: full);
        var reader = InputReader.CreateDefault();
        var set = reader.Read(input, cache.Known);
        var diagnostics = new List<Diagnostic>(set.Diagnostics);
        var (plans, parsed) = CachedParse.Run(set, reader, cache, CancellationToken.None);
        diagnostics.AddRange(parsed);
        cache.Save();
        return new Run(plans, diagnostics, set, cache.Hits);
    }

    private static string Json(IEnumerable<Plan> plans) => JsonSerializer.Serialize(plans.OrderBy(p => p.Id, StringComparer.Ordinal), CacheJson.Options);

    private static List<string> Messages(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => d.ToString()).Order(StringComparer.Ordinal).ToList();

    /// <summary>The sample plus the four other forms (html, docx, pdf, md): every reader's output survives the cache.</summary>
    private static RepoPaths.TempFolder MixedInput(out string input)
    {
        var temp = RepoPaths.NewTemp();
        input = temp["input"];
        RepoPaths.CopyTree(RepoPaths.SampleInput, input);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Fixtures, "read", "forms")))
            File.Copy(file, Path.Combine(input, "plans", "form-" + Path.GetFileName(file)));
        return temp;
    }

    [Fact]
    public void A_second_run_loads_every_plan_from_the_cache_and_gets_the_same_plans_and_diagnostics()
    {
        using var temp = MixedInput(out var input);
        var first = ReadAndParse(input, temp["cache"]);
        var second = ReadAndParse(input, temp["cache"]);

        Assert.Equal(0, first.Hits);
        Assert.Equal(first.Plans.Count, second.Hits);
        Assert.Empty(second.Input.Documents);
        Assert.Equal(Json(first.Plans), Json(second.Plans));
        Assert.Equal(Messages(first.Diagnostics), Messages(second.Diagnostics));
        Assert.Contains(first.Plans, p => p.Source?.Format == "docx");
        Assert.Contains(first.Plans, p => p.Source?.Blocks.OfType<TableBlock>().Any() == true);
    }

    [Fact]
    public void Editing_one_plan_parses_that_plan_only_and_equals_a_run_without_the_cache()
    {
        using var temp = MixedInput(out var input);
        ReadAndParse(input, temp["cache"]);
        var edited = Path.Combine(input, "plans", "hubei-ezhou-2018-work-safety-key-points.txt");
        File.AppendAllText(edited, "\n六、其他\n（一）本要点自印发之日起施行。\n");

        var incremental = ReadAndParse(input, temp["cache"]);
        var fresh = ReadAndParse(input, temp["fresh-cache"]);

        Assert.Equal(fresh.Plans.Count - 1, incremental.Hits);
        Assert.Equal([Path.GetFileName(edited)], incremental.Input.Documents.Select(d => d.SourceFile));
        Assert.Equal(Json(fresh.Plans), Json(incremental.Plans));
        Assert.Equal(Messages(fresh.Diagnostics), Messages(incremental.Diagnostics));
    }

    [Fact]
    public void A_changed_manifest_row_parses_its_plan_again()
    {
        using var temp = MixedInput(out var input);
        ReadAndParse(input, temp["cache"]);
        var manifest = Path.Combine(input, "plans.csv");
        var lines = File.ReadAllLines(manifest);
        // The title column of the first data row (the header names it).
        var header = lines[0].Split(',');
        var titleColumn = Array.IndexOf(header, "title");
        Assert.True(titleColumn >= 0, "plans.csv has a title column");
        var cells = lines[1].Split(',');
        cells[titleColumn] = "改过的标题";
        lines[1] = string.Join(',', cells);
        File.WriteAllLines(manifest, lines);

        var again = ReadAndParse(input, temp["cache"]);

        Assert.Equal(again.Plans.Count - 1, again.Hits);
        Assert.Contains(again.Plans, p => p.Title == "改过的标题");
    }

    [Fact]
    public void Full_ignores_the_cache_and_a_damaged_record_is_parsed_again()
    {
        using var temp = MixedInput(out var input);
        var first = ReadAndParse(input, temp["cache"]);
        Assert.Equal(0, ReadAndParse(input, temp["cache"], full: true).Hits);

        var records = Records(temp["cache"]).Where(f => !f.EndsWith(".source.json")).ToList();
        File.WriteAllText(records[0], "{ not json");
        var again = ReadAndParse(input, temp["cache"]);

        Assert.Equal(first.Plans.Count - 1, again.Hits);
        Assert.Equal(Json(first.Plans), Json(again.Plans));
    }

    private static List<string> Records(string cache) =>
        Directory.GetFiles(Path.Combine(cache, "plans"), "*.json").Where(f => !f.EndsWith("index.json")).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void A_plans_source_is_kept_apart_and_read_only_when_asked_for()
    {
        using var temp = MixedInput(out var input);
        var first = ReadAndParse(input, temp["cache"]);
        var sources = Records(temp["cache"]).Where(f => f.EndsWith(".source.json")).ToList();
        Assert.Equal(first.Plans.Count, sources.Count);
        Assert.All(Records(temp["cache"]).Except(sources), f => Assert.DoesNotContain("\"Blocks\"", File.ReadAllText(f)));
        // Lines is made from the blocks: it is not written.
        Assert.All(sources, f => Assert.DoesNotContain("\"Lines\"", File.ReadAllText(f)));

        var second = ReadAndParse(input, temp["cache"]);
        Assert.Equal(first.Plans.Count, second.Hits);
        Assert.Equal(Json(first.Plans), Json(second.Plans));

        // A third run loads no source: with the source records and the plan files gone, each is missing only when asked for.
        var third = ReadAndParse(input, temp["cache"]);
        foreach (var file in sources) File.Delete(file);
        Directory.Delete(Path.Combine(input, "plans"), recursive: true);
        Assert.All(third.Plans, p => Assert.Contains(p.SourceFile, Assert.Throws<BuildInputException>(() => p.Source).Message));
    }

    [Fact]
    public void A_damaged_source_record_is_read_again_from_the_plan_file_and_a_file_changed_since_is_an_error()
    {
        using var temp = MixedInput(out var input);
        var first = ReadAndParse(input, temp["cache"]);
        foreach (var file in Records(temp["cache"]).Where(f => f.EndsWith(".source.json"))) File.WriteAllText(file, "{ not json");

        var second = ReadAndParse(input, temp["cache"]);
        Assert.Equal(first.Plans.Count, second.Hits);
        Assert.Equal(Json(first.Plans), Json(second.Plans));

        var third = ReadAndParse(input, temp["cache"]);
        foreach (var file in Records(temp["cache"]).Where(f => f.EndsWith(".source.json"))) File.WriteAllText(file, "{ not json");
        var changed = third.Plans.First(p => p.SourceFile.EndsWith(".txt", StringComparison.Ordinal));
        File.AppendAllText(Path.Combine(input, "plans", changed.SourceFile), "\n（二）又改了一行。\n");
        var error = Assert.Throws<BuildInputException>(() => changed.Source);
        Assert.Contains(changed.SourceFile, error.Message);
    }

    [Fact]
    public void A_cache_written_by_other_code_is_emptied()
    {
        using var temp = RepoPaths.NewTemp();
        Directory.CreateDirectory(temp["cache"]);
        File.WriteAllText(Path.Combine(temp["cache"], "version.txt"), "some other build of PlanAtlas");
        File.WriteAllText(Path.Combine(temp["cache"], "stale.json"), "{}");
        CacheFolder.Open(temp["cache"]);
        Assert.False(File.Exists(Path.Combine(temp["cache"], "stale.json")));
        Assert.NotEqual("some other build of PlanAtlas", File.ReadAllText(Path.Combine(temp["cache"], "version.txt")));
    }

    [Fact]
    public void A_plan_has_the_same_content_key_parsed_or_loaded_and_a_new_one_when_its_file_changes()
    {
        using var temp = RepoPaths.NewTemp();
        var input = temp["input"];
        RepoPaths.CopyTree(RepoPaths.SampleInput, input);
        var parsed = ReadAndParse(input, temp["cache"]).Plans.ToDictionary(p => p.SourceFile, p => p.ContentKey);
        var edited = Directory.EnumerateFiles(Path.Combine(input, "plans"), "*.txt").Order(StringComparer.Ordinal).First();
        File.AppendAllText(edited, "\n六、其他\n（一）本要点自印发之日起施行。\n");
        var loaded = ReadAndParse(input, temp["cache"]).Plans.ToDictionary(p => p.SourceFile, p => p.ContentKey);

        Assert.All(parsed.Values, key => Assert.Matches("^[0-9a-f]{32}$", key));
        Assert.Equal(parsed.Count, parsed.Values.Distinct().Count());
        var name = Path.GetFileName(edited);
        Assert.NotEqual(parsed[name], loaded[name]);
        Assert.Equal(parsed.Where(p => p.Key != name), loaded.Where(p => p.Key != name));
    }
}
