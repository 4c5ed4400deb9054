using System.Text.RegularExpressions;

namespace PlanAtlas.Tests.Architecture;

/// <summary>
/// Keeps the architecture visible: one folder per stage, and dependencies pointing one way
/// (Model ← Read ← Parse ← Analyze ← Render ← Index ← Build ← Serve ← Fetch ← Cli). A file may use its own
/// folder and the folders before it, never one after it. Fetch sits on the reader alone: it reads pages the way the
/// build will, and nothing but the command line uses it.
/// </summary>
public sealed partial class LayeringTests
{
    private static readonly string[] Layers = ["Model", "Read", "Parse", "Analyze", "Render", "Index", "Build", "Serve", "Fetch", "Cli"];

    [GeneratedRegex(@"\bPlanAtlas\.(?<layer>[A-Z][A-Za-z]+)\b")]
    private static partial Regex Reference();

    [Fact]
    public void Every_source_folder_is_a_known_stage()
    {
        var src = Path.Combine(RepoPaths.Root, "src", "PlanAtlas");
        var folders = Directory.GetDirectories(src).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).ToList();
        Assert.All(folders, f => Assert.Contains(f, Layers));
    }

    [Fact]
    public void Fetch_uses_only_the_model_and_the_reader()
    {
        var folder = Path.Combine(RepoPaths.Root, "src", "PlanAtlas", "Fetch");
        var used = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .SelectMany(File.ReadAllLines).Where(l => !l.TrimStart().StartsWith("//"))
            .SelectMany(l => Reference().Matches(l).Select(m => m.Groups["layer"].Value))
            .Where(l => Layers.Contains(l)).ToHashSet();
        Assert.Subset(new HashSet<string> { "Model", "Read", "Fetch" }, used);
    }

    [GeneratedRegex(@"^namespace (?<name>[\w.]+)", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [Theory]
    [InlineData("src/PlanAtlas", "PlanAtlas")]
    [InlineData("tests/PlanAtlas.Tests", "PlanAtlas.Tests")]
    public void Every_namespace_matches_its_folder(string project, string rootNamespace)
    {
        var root = Path.Combine(RepoPaths.Root, project);
        var wrong = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(f => (File: Path.GetRelativePath(root, f), Declared: Namespace().Match(File.ReadAllText(f)).Groups["name"].Value))
            .Where(f => f.Declared != string.Join('.', new[] { rootNamespace }.Concat(Path.GetDirectoryName(f.File)!.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))))
            .Select(f => $"{f.File}: {f.Declared}").ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public void Dependencies_point_one_way()
    {
        var src = Path.Combine(RepoPaths.Root, "src", "PlanAtlas");
        var violations = new List<string>();
        foreach (var (layer, rank) in Layers.Select((l, i) => (l, i)))
        {
            var folder = Path.Combine(src, layer);
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            {
                var lines = File.ReadAllLines(file);
                for (var n = 0; n < lines.Length; n++)
                {
                    if (lines[n].TrimStart().StartsWith("//")) continue;
                    foreach (Match m in Reference().Matches(lines[n]))
                    {
                        var used = Array.IndexOf(Layers, m.Groups["layer"].Value);
                        if (used > rank)
                            violations.Add($"{Path.GetRelativePath(src, file)}:{n + 1}: {layer} uses {Layers[used]}");
                    }
                }
            }
        }
        Assert.Empty(violations);
    }
}
