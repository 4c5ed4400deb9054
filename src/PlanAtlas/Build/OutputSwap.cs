namespace PlanAtlas.Build;

/// <summary>
/// Builds write into a staging folder beside the output and put it in place only when they succeed, so a failed,
/// killed or cancelled build leaves the previous site exactly as it was. Leftovers of a killed build are
/// cleaned (or, if it died mid-swap, the swap finished or the previous site restored) by the next one.
/// <para>
/// Two ways to put a build in place. A full build's staging folder is the whole site: it replaces the output in two
/// renames and the old site is deleted. An incremental build keeps most pages where they are (<c>kept</c>) and stages
/// only what it wrote: its staging folder first records the complete list of the new site's files (the commit
/// record), then the staged files are moved in over the old ones and the files the new site lacks are deleted. A build
/// killed during that is finished by the next one from the record, so the output never stays half old, half new.
/// Deleting the old copy of a large site would take longer than the rest of a one-plan rebuild.
/// </para>
/// </summary>
public sealed class OutputSwap : IDisposable
{
    /// <summary>In a staging folder: the commit record, the new site's files one per line. Never a site file (it starts with a dot).</summary>
    public const string CommitRecord = ".planatlas-commit";

    private readonly string _output;
    private bool _committed;
    private Task<List<(string Relative, string File)>>? _previousFiles;

    public OutputSwap(string outputDirectory)
    {
        _output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        var parent = Path.GetDirectoryName(_output) ?? throw new Read.BuildInputException($"the output folder '{outputDirectory}' cannot be a file-system root");
        Directory.CreateDirectory(parent);
        RecoverFromKilledBuild(parent);
        StagingDirectory = Path.Combine(parent, $".{Path.GetFileName(_output)}.staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(StagingDirectory);
    }

    public string StagingDirectory { get; }

    /// <summary>The output folder, where an incremental build's kept files are.</summary>
    public string OutputDirectory => _output;

    /// <summary>
    /// Lists the output's files on another thread while the build goes on, for an incremental commit (which deletes
    /// those the new site lacks): the build never touches the output before its commit, so the list stays true, and
    /// listing the site's files and folders at the end would lengthen a one-edit rebuild.
    /// </summary>
    public Task ListOutputAhead()
    {
        if (_previousFiles is null && Directory.Exists(_output)) _previousFiles = Task.Run(() => Render.OutputFolder.FilesUnder(_output).ToList());
        return _previousFiles ?? Task.CompletedTask;
    }

    /// <summary>Puts the staged site in place; <paramref name="kept"/> are the old output's files (relative, '/') that stay part of it.</summary>
    public void Commit(IReadOnlyCollection<string>? kept = null)
    {
        if (kept is { Count: > 0 } && Directory.Exists(_output)) CommitInPlace(kept);
        else CommitWhole();
        _committed = true;
    }

    private void CommitWhole()
    {
        var old = Path.Combine(Path.GetDirectoryName(_output)!, $".{Path.GetFileName(_output)}.old-{Environment.ProcessId}-{Guid.NewGuid():N}");
        if (Directory.Exists(_output)) Directory.Move(_output, old);
        Directory.Move(StagingDirectory, _output);
        if (Directory.Exists(old)) DeleteTree(old);
    }

    private void CommitInPlace(IReadOnlyCollection<string> kept)
    {
        var staged = Render.OutputFolder.FilesUnder(StagingDirectory).Select(f => f.Relative).ToList();
        var site = kept.Concat(staged).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        // Most files an incremental build writes besides its pages (search shards, data downloads) come out as they were:
        // the old file stays. Moving a new copy over it cost a quarter of a millisecond a file (the old one is freed).
        Parallel.ForEach(staged, new ParallelOptions { MaxDegreeOfParallelism = 4 }, relative =>
        {
            var file = Path.Combine(StagingDirectory, relative);
            if (Render.OutputFolder.SameFiles(file, Path.Combine(_output, relative))) File.Delete(file);
        });
        // Written under another name and renamed: a record that exists is complete.
        var record = Path.Combine(StagingDirectory, CommitRecord);
        File.WriteAllLines(record + ".tmp", site);
        File.Move(record + ".tmp", record);
        FinishCommit(StagingDirectory, _output, _previousFiles?.GetAwaiter().GetResult());
    }

    /// <summary>Moves a recorded staging folder's files into the output and deletes the output's files the record lacks; safe to repeat.</summary>
    /// <param name="outputFiles">The output's files before the commit (<see cref="ListOutputAhead"/>); null lists them here.</param>
    private static void FinishCommit(string staging, string output, List<(string Relative, string File)>? outputFiles = null)
    {
        var record = Path.Combine(staging, CommitRecord);
        var site = File.ReadAllLines(record).ToHashSet(StringComparer.Ordinal);
        var moves = Render.OutputFolder.FilesUnder(staging).Where(f => site.Contains(f.Relative)).ToList();
        foreach (var folder in moves.Select(m => Path.GetDirectoryName(Path.Combine(output, m.Relative))!).Distinct(StringComparer.Ordinal))
            Directory.CreateDirectory(folder);
        Parallel.ForEach(moves, new ParallelOptions { MaxDegreeOfParallelism = 4 }, m => File.Move(m.File, Path.Combine(output, m.Relative), overwrite: true));
        var emptied = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (relative, file) in outputFiles ?? Render.OutputFolder.FilesUnder(output).ToList())
        {
            if (site.Contains(relative)) continue;
            File.Delete(file);
            emptied.Add(Path.GetDirectoryName(file)!);
        }
        DeleteEmptyFolders(output, emptied);
        File.Delete(record);
        DeleteTree(staging);
    }

    /// <summary>Removes the folders a deletion left empty, and their parents it leaves empty (a full build would not have them).</summary>
    private static void DeleteEmptyFolders(string root, IEnumerable<string> folders)
    {
        foreach (var start in folders.OrderByDescending(f => f.Length).ToList())
            for (var folder = start; folder.Length > root.Length && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any();
                 folder = Path.GetDirectoryName(folder)!)
                Directory.Delete(folder);
    }

    /// <summary>
    /// Deletes a site folder with its page folders (plans/{id}/, compare/{id}/ …) removed in parallel: unlinking thousands
    /// of small files and folders is file-system work that overlaps well.
    /// </summary>
    public static void DeleteTree(string root)
    {
        var folders = Directory.EnumerateDirectories(root).SelectMany(Directory.EnumerateDirectories).ToList();
        Parallel.ForEach(folders, new ParallelOptions { MaxDegreeOfParallelism = 4 }, folder => Directory.Delete(folder, recursive: true));
        Directory.Delete(root, recursive: true);
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(StagingDirectory)) DeleteTree(StagingDirectory);
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
        foreach (var dir in olds) DeleteTree(dir);
        foreach (var dir in Directory.GetDirectories(parent, $".{name}.staging-*").Where(d => !IsLive(d)).Order(StringComparer.Ordinal))
        {
            // Killed while moving an incremental build in: the record says what the site is, so the commit is finished.
            if (File.Exists(Path.Combine(dir, CommitRecord)) && Directory.Exists(_output)) FinishCommit(dir, _output);
            else DeleteTree(dir);
        }
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
