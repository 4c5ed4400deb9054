using PlanAtlas.Bench;
using PlanAtlas.Build;
using Xunit.Abstractions;

namespace PlanAtlas.Tests.Build;

/// <summary>
/// Issue 21's output contract: after any edit — change, add or remove a plan; change themes.yml, site.yml or the
/// theme — a rebuild is byte-for-byte the clean build of the same input. Twenty random edits (seeded: the same
/// twenty every run) on a generated corpus, each checked against a clean build. The clean build starts from the
/// cluster model the incremental one kept, as bench/incremental-equality.sh does: a reused model places items where
/// a fresh one might not, and the clusters page says so; everything else must match.
/// </summary>
public sealed class TwentyEditsTests(ITestOutputHelper output)
{
    private const int Plans = 24, Edits = 20;

    private delegate string Edit(string input, string theme, Random random);

    private static readonly (string Kind, Edit Apply)[] Kinds =
    [
        ("change a plan", (input, _, random) =>
        {
            var plan = Pick(input, random);
            var lines = File.ReadAllLines(plan);
            var at = random.Next(lines.Length / 2, lines.Length);
            lines[at] = lines[at].Replace("安全", "安全生产", StringComparison.Ordinal) + "（修订）";
            File.WriteAllLines(plan, lines);
            return Path.GetFileName(plan);
        }),
        ("edit a plan as the benchmark does", (input, _, _) => new CorpusGenerator(RepoPaths.SampleInput).EditOne(input)),
        ("add a plan", (input, _, random) =>
        {
            var from = Pick(input, random);
            var to = Path.Combine(Path.GetDirectoryName(from)!, $"zz-added-{random.Next(100000)}.txt");
            File.WriteAllText(to, File.ReadAllText(from).Replace("加强", "切实加强", StringComparison.Ordinal));
            return Path.GetFileName(to);
        }),
        ("remove a plan", (input, _, random) =>
        {
            var plan = Pick(input, random);
            File.Delete(plan);
            return Path.GetFileName(plan);
        }),
        ("change themes.yml", (input, _, random) =>
        {
            var path = Path.Combine(input, "themes.yml");
            var lines = File.ReadAllLines(path).ToList();
            var signals = lines.Select((l, i) => (l, i)).Where(x => x.l.TrimStart().StartsWith("signals: [", StringComparison.Ordinal)).ToList();
            var (line, index) = signals[random.Next(signals.Count)];
            lines[index] = line.Replace("signals: [", "signals: [安全检查, ", StringComparison.Ordinal);
            File.WriteAllLines(path, lines);
            return lines[index - 4 < 0 ? 0 : index - 4].Trim();
        }),
        ("change site.yml", (input, _, random) =>
        {
            var path = Path.Combine(input, "site.yml");
            File.WriteAllText(path, File.ReadAllText(path).Replace("description: ", $"description: 第{random.Next(100)}版，", StringComparison.Ordinal));
            return "description";
        }),
        ("change the theme", (_, theme, random) =>
        {
            var css = Path.Combine(theme, "assets", "css", "site.css");
            File.AppendAllText(css, $"\n/* edit {random.Next(100000)} */\n");
            return "site.css";
        }),
    ];

    private static string Pick(string input, Random random)
    {
        var plans = Directory.GetFiles(Path.Combine(input, "plans"), "*.txt").Order(StringComparer.Ordinal).ToArray();
        return plans[random.Next(plans.Length)];
    }

    private static BuildResult Build(string input, string output, string theme, string cache) =>
        new SiteBuilder(IBuildProgress.None).Build(new BuildOptions(input, output, ThemeDirectory: theme) { CacheDirectory = cache });

    [Fact]
    public void Twenty_random_edits_each_rebuild_to_the_clean_build_of_the_same_input()
    {
        using var temp = RepoPaths.NewTemp();
        var input = temp["input"];
        new CorpusGenerator(RepoPaths.SampleInput).Generate(Plans, input, seed: 21);
        var theme = temp["theme"];
        RepoPaths.CopyTree(RepoPaths.Theme, theme);
        Assert.Equal(BuildOutcome.Built, Build(input, temp["site"], theme, temp["site.cache"]).Outcome);
        var random = new Random(20261208);
        var kinds = new HashSet<string>();
        for (var edit = 1; edit <= Edits; edit++)
        {
            var (kind, apply) = Kinds[random.Next(Kinds.Length)];
            var what = apply(input, theme, random);
            kinds.Add(kind);
            var incremental = Build(input, temp["site"], theme, temp["site.cache"]);
            Assert.Equal(BuildOutcome.Built, incremental.Outcome);
            var cleanCache = temp[$"clean{edit}.cache"];
            Directory.CreateDirectory(cleanCache);
            foreach (var kept in new[] { "version.txt", "cluster-model.json" })
                if (File.Exists(Path.Combine(temp["site.cache"], kept))) File.Copy(Path.Combine(temp["site.cache"], kept), Path.Combine(cleanCache, kept));
            var clean = Build(input, temp[$"clean{edit}"], theme, cleanCache);
            Assert.Equal(BuildOutcome.Built, clean.Outcome);
            var expected = RepoPaths.Snapshot(temp[$"clean{edit}"]);
            var actual = RepoPaths.Snapshot(temp["site"]);
            var differing = expected.Keys.Union(actual.Keys).Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k)).ToList();
            output.WriteLine($"edit {edit}: {kind} ({what}): {differing.Count} files differ");
            Assert.True(differing.Count == 0, $"edit {edit}, {kind} ({what}): {string.Join(", ", differing.Take(5))}");
            Directory.Delete(temp[$"clean{edit}"], recursive: true);
            Directory.Delete(cleanCache, recursive: true);
        }
        // The seed draws every kind of edit at least once.
        Assert.Equal(Kinds.Length, kinds.Count);
    }
}
