using System.Diagnostics;

namespace PlanAtlas.Tests.Publish;

/// <summary>Runs a Node.js tool pinned in package.json (installed by `npm ci`, the first half of README's test command).</summary>
public static class NodeTool
{
    public sealed record Run(int ExitCode, string Output, string Errors);

    public static string Package(string name)
    {
        var folder = Path.Combine(RepoPaths.Root, "node_modules", name);
        Assert.True(Directory.Exists(folder), $"node_modules/{name} is missing: run `npm ci` first (README's test command does)");
        return folder;
    }

    public static async Task<Run> RunAsync(IEnumerable<string> arguments, TimeSpan limit)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start node");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {string.Join(' ', start.ArgumentList)} did not finish within {limit}");
        }
        return new Run(process.ExitCode, await output, await errors);
    }
}
