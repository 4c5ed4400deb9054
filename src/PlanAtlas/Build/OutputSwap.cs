namespace PlanAtlas.Build;

/// <summary>
/// Builds write into a staging folder beside the output and swap it in only when they succeed, so a failed,
/// killed or cancelled build leaves the previous site exactly as it was. Leftovers of a killed build are
/// cleaned (or, if it died mid-swap, the previous site restored) by the next one.
/// </summary>
public sealed class OutputSwap : IDisposable
{
    private readonly string _output;
    private bool _committed;

    public OutputSwap(string outputDirectory)
    {
        _output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        var parent = Path.GetDirectoryName(_output) ?? throw new InvalidOperationException("the output folder cannot be a file-system root");
        Directory.CreateDirectory(parent);
        RecoverFromKilledBuild(parent);
        StagingDirectory = Path.Combine(parent, $".{Path.GetFileName(_output)}.staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(StagingDirectory);
    }

    public string StagingDirectory { get; }

    public void Commit()
    {
        var old = Path.Combine(Path.GetDirectoryName(_output)!, $".{Path.GetFileName(_output)}.old-{Environment.ProcessId}-{Guid.NewGuid():N}");
        if (Directory.Exists(_output)) Directory.Move(_output, old);
        Directory.Move(StagingDirectory, _output);
        _committed = true;
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(StagingDirectory)) Directory.Delete(StagingDirectory, recursive: true);
    }

    private void RecoverFromKilledBuild(string parent)
    {
        var name = Path.GetFileName(_output);
        var olds = Directory.GetDirectories(parent, $".{name}.old-*").Order(StringComparer.Ordinal).ToList();
        if (!Directory.Exists(_output) && olds.Count > 0)
        {
            // Killed between the two moves of a swap: the old site is the last good one.
            Directory.Move(olds[^1], _output);
            olds.RemoveAt(olds.Count - 1);
        }
        foreach (var dir in olds.Concat(Directory.GetDirectories(parent, $".{name}.staging-*").Where(d => !IsLive(d))))
            Directory.Delete(dir, recursive: true);
    }

    /// <summary>A staging folder of a build still running (another process) is left alone.</summary>
    private static bool IsLive(string stagingDirectory)
    {
        var parts = Path.GetFileName(stagingDirectory).Split('-');
        return parts.Length >= 3 && int.TryParse(parts[^2], out var pid) && pid != Environment.ProcessId && ProcessExists(pid);
    }

    private static bool ProcessExists(int pid)
    {
        try { using var p = System.Diagnostics.Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }
}
