using PlanAtlas.Read;

namespace PlanAtlas.Index;

/// <summary>
/// Finds Node.js and the checkout's npm tools (package.json and package-lock.json), installing them with `npm ci`
/// when node_modules lacks the package, so a fresh clone builds with charts and no manual step.
/// </summary>
public sealed class NodeTools
{
    /// <summary>The file that marks the checkout: `npm ci` installs exactly what it pins.</summary>
    private const string Lockfile = "package-lock.json";

    private static readonly Lock InstallLock = new();

    private NodeTools(string root) => Root = root;

    /// <summary>The folder holding package.json and package-lock.json.</summary>
    public string Root { get; }

    /// <summary>The checkout holding <see cref="Lockfile"/> and package.json, searched upwards from each start folder (theme, tool, working folder).</summary>
    public static NodeTools? Find(params string?[] startFolders)
    {
        foreach (var start in startFolders)
        {
            if (string.IsNullOrEmpty(start)) continue;
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, Lockfile)) && File.Exists(Path.Combine(dir.FullName, "package.json")))
                    return new NodeTools(dir.FullName);
        }
        return null;
    }

    /// <summary>Runs `npm ci` once when <paramref name="package"/> is not installed; returns an error message or null.</summary>
    public string? EnsureInstalled(string package, CancellationToken cancellation)
    {
        lock (InstallLock)
        {
            if (File.Exists(Path.Combine(Root, "node_modules", package, "package.json"))) return null;
            var run = Run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], null, TimeSpan.FromMinutes(10), cancellation);
            if (run.Error is not null) return $"`npm ci` in {Root}: {run.Error}";
            return File.Exists(Path.Combine(Root, "node_modules", package, "package.json")) ? null : $"`npm ci` in {Root} did not install {package}";
        }
    }

    private ProcessOutcome Run(string program, IReadOnlyList<string> arguments, string? stdin, TimeSpan timeout, CancellationToken cancellation)
    {
        var run = new ExternalTool(program, "nodejs npm").Run(arguments, timeout, Root, stdin, cancellation: cancellation);
        return run.NotFound ? run with { Error = $"`{program}` was not found; install Node.js 20+ (it provides node and npm)" } : run;
    }
}
