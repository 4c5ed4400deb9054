using System.Text.RegularExpressions;

namespace PlanAtlas.Tests.Architecture;

/// <summary>
/// Keeps the architecture visible: one folder and one project per stage, and dependencies pointing one way
/// (Model ← Read ← Parse ← Analyze ← Render ← Index ← Build ← Serve ← Cli). A stage may use the stages before it,
/// never one after it. Fetch sits on the reader alone: it reads pages the way the build will, and nothing but the
/// command line uses it.
/// </summary>
public sealed partial class LayeringTests
{
    private static readonly string[] Layers = ["Model", "Read", "Parse", "Analyze", "Render", "Index", "Build", "Serve", "Fetch", "Cli"];

    [Fact]
    public void Every_source_folder_is_a_known_stage()
    {
        var src = Path.Combine(RepoPaths.Root, "src", "PlanAtlas");
        var folders = Directory.GetDirectories(src).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).ToList();
        Assert.All(folders, f => Assert.Contains(f, Layers));
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

    /// <summary>
    /// The compiler keeps the dependencies one way: each stage is a project that references only the stage before it
    /// (Fetch the reader; the command line Serve and Fetch), so a type of a later stage is not in scope. This checks the
    /// references themselves, the one place a backward dependency could be added.
    /// </summary>
    [Fact]
    public void Each_stage_project_references_only_the_stage_before_it()
    {
        var expected = new Dictionary<string, string[]>
        {
            ["Model"] = [], ["Read"] = ["Model"], ["Parse"] = ["Read"], ["Analyze"] = ["Parse"], ["Render"] = ["Analyze"],
            ["Index"] = ["Render"], ["Build"] = ["Index"], ["Serve"] = ["Build"], ["Fetch"] = ["Read"],
        };
        var src = Path.Combine(RepoPaths.Root, "src", "PlanAtlas");
        foreach (var (layer, references) in expected)
            Assert.Equal(references, ProjectReferences(Path.Combine(src, layer, $"PlanAtlas.{layer}.csproj")));
        Assert.Equal(["Fetch", "Serve"], ProjectReferences(Path.Combine(src, "PlanAtlas.csproj")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_command_line_project_compiles_only_its_own_folder()
    {
        var project = System.Xml.Linq.XDocument.Load(Path.Combine(RepoPaths.Root, "src", "PlanAtlas", "PlanAtlas.csproj"));
        var compiled = project.Descendants("Compile").Select(c => c.Attribute("Include")?.Value).OfType<string>().ToList();
        Assert.Equal(["Cli/**/*.cs"], compiled);
    }

    /// <summary>The stages a project references, by folder name.</summary>
    private static List<string> ProjectReferences(string csproj) =>
        System.Xml.Linq.XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(r => Path.GetFileName(Path.GetDirectoryName(r.Attribute("Include")!.Value.Replace('\\', '/'))!))
            .ToList();
}
