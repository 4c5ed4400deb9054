using System.Threading.Channels;

namespace PlanAtlas.Serve;

/// <summary>
/// Watches folders (input/ and the theme) and reports every change, created, deleted or renamed file as a path on
/// <see cref="Changes"/>; the rebuild loop debounces them. A watcher overflow is reported too, as a change of
/// the folder itself, since some change was lost.
/// </summary>
public sealed class InputWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<string, bool> _ignore;

    public InputWatcher(IEnumerable<string> folders, Func<string, bool> ignore)
    {
        _ignore = ignore;
        foreach (var folder in folders.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += (_, e) => Report(e.FullPath);
            watcher.Created += (_, e) => Report(e.FullPath);
            watcher.Deleted += (_, e) => Report(e.FullPath);
            watcher.Renamed += (_, e) => { Report(e.OldFullPath); Report(e.FullPath); };
            watcher.Error += (_, _) => Report(folder);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
            Folders.Add(folder);
        }
    }

    public List<string> Folders { get; } = [];

    public ChannelReader<string> Changes => _changes.Reader;

    private void Report(string path)
    {
        if (!_ignore(path)) _changes.Writer.TryWrite(path);
    }

    public void Dispose()
    {
        foreach (var w in _watchers) w.Dispose();
        _changes.Writer.TryComplete();
    }
}
