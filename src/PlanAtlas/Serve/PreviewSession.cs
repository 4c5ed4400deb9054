using System.Diagnostics;
using PlanAtlas.Build;
using PlanAtlas.Model;
using PlanAtlas.Read;
using PlanAtlas.Render;

namespace PlanAtlas.Serve;

/// <param name="Port">0 picks a free port.</param>
/// <param name="Debounce">How long the input must stay quiet before a rebuild: an editor's save is often several writes.</param>
public sealed record ServeOptions(BuildOptions Build, int Port = ServeOptions.DefaultPort)
{
    public const int DefaultPort = 8080;
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(150);
}

/// <summary>What the preview tells its user (the CLI prints it; tests ignore it).</summary>
public interface IServeLog
{
    void Rebuilding(IReadOnlyList<string> changedFiles);
    void Built(BuildResult result, TimeSpan elapsed);

    public static readonly IServeLog None = new Silent();

    private sealed class Silent : IServeLog
    {
        public void Rebuilding(IReadOnlyList<string> changedFiles) { }
        public void Built(BuildResult result, TimeSpan elapsed) { }
    }
}

/// <summary>
/// `serve`: builds the site, serves output/ on 127.0.0.1 under its base path, watches input/ and the theme, and
/// rebuilds after each change. A good rebuild reloads every open page; a failed one (or one that throws) leaves the
/// last good site in place — the build only swaps output/ on success — and shows its error in the open pages.
/// </summary>
public sealed class PreviewSession : IAsyncDisposable
{
    private readonly ServeOptions _options;
    private readonly IServeLog _log;
    private readonly Func<BuildOptions, CancellationToken, BuildResult> _build;
    private readonly LiveReload _reload = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly InputWatcher _watcher;
    private readonly string _themeDirectory;
    private SiteServer? _server;
    private Task _loop = Task.CompletedTask;
    private volatile string _basePath = "/";
    private int _builds;

    private PreviewSession(ServeOptions options, IServeLog log, Func<BuildOptions, CancellationToken, BuildResult>? build)
    {
        _options = options;
        _log = log;
        _build = build ?? ((o, c) => new SiteBuilder(IBuildProgress.None).Build(o, c));
        _themeDirectory = Path.GetFullPath(options.Build.ThemeDirectory ?? ThemeFiles.DefaultThemeDirectory());
        var output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Build.OutputDirectory));
        _watcher = new InputWatcher([options.Build.InputDirectory, _themeDirectory], path => IsBuildOutput(path, output));
    }

    /// <summary>The site's address, base path included, e.g. http://127.0.0.1:8080/planatlas/.</summary>
    public Uri SiteUrl => new(_server!.Address, _basePath.TrimStart('/'));
    public Uri ServerAddress => _server!.Address;
    public BuildResult? LastResult { get; private set; }
    public int Builds => Volatile.Read(ref _builds);
    public IReadOnlyList<string> WatchedFolders => _watcher.Folders;

    /// <param name="build">Runs one build; the default is <see cref="SiteBuilder"/> with no progress output.</param>
    public static async Task<PreviewSession> StartAsync(ServeOptions options, IServeLog? log = null,
        Func<BuildOptions, CancellationToken, BuildResult>? build = null, CancellationToken cancellation = default)
    {
        var session = new PreviewSession(options, log ?? IServeLog.None, build);
        try
        {
            // Watch first: a file saved during the first build still triggers a rebuild.
            session.Rebuild([], cancellation);
            var site = new StaticSite(options.Build.OutputDirectory, () => session._basePath)
            {
                TransformHtml = ReloadScript.Inject,
                NothingBuiltHtml = () => "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>PlanAtlas</title></head><body></body></html>",
            };
            session._server = await SiteServer.StartAsync(site, options.Port, session._reload, cancellation);
            session._loop = Task.Run(() => session.LoopAsync(session._stop.Token), CancellationToken.None);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    private async Task LoopAsync(CancellationToken cancellation)
    {
        var changes = _watcher.Changes;
        var pending = new SortedSet<string>(StringComparer.Ordinal);
        try
        {
            while (await changes.WaitToReadAsync(cancellation))
            {
                while (changes.TryRead(out var path)) pending.Add(path);
                while (true)
                {
                    await Task.Delay(_options.Debounce, cancellation);
                    if (!changes.TryRead(out var more)) break;
                    pending.Add(more);
                    while (changes.TryRead(out more)) pending.Add(more);
                }
                var changed = pending.ToList();
                pending.Clear();
                _reload.Publish(LiveReload.Building, new { files = changed.Take(20).Select(Display).ToList() });
                _log.Rebuilding(changed.Select(Display).ToList());
                Rebuild(changed, cancellation);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested) { }
    }

    private void Rebuild(IReadOnlyList<string> changed, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        BuildResult result;
        try
        {
            RefreshSettings();
            result = _build(_options.Build, cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever a broken input makes the pipeline throw, the preview keeps running on the last good site.
            result = new BuildResult(BuildOutcome.Failed, 0, 0, 0, [], [], Describe(e)) { Bug = SiteBuilder.IsExpected(e) ? null : e };
        }
        clock.Stop();
        Interlocked.Increment(ref _builds);
        LastResult = result;
        _log.Built(result, clock.Elapsed);
        if (result.Outcome == BuildOutcome.Cancelled) return;
        if (result.Outcome == BuildOutcome.Built)
            _reload.Publish(LiveReload.Reload, new { plans = result.Plans, pages = result.Pages, warnings = result.Warnings, errors = result.Errors, seconds = Math.Round(clock.Elapsed.TotalSeconds, 3) });
        else
            _reload.Publish(LiveReload.BuildFailed, new
            {
                message = result.FatalError ?? result.Outcome.ToString(),
                diagnostics = result.Diagnostics.Where(d => d.Severity >= Severity.Warning).Take(30).Select(d => d.ToString()).ToList(),
            });
    }

    /// <summary>A parallel render wraps the real error (say, a template's syntax error) in an AggregateException.</summary>
    private static string Describe(Exception e) => e is AggregateException aggregate
        ? string.Join("\n", aggregate.Flatten().InnerExceptions.Select(x => x.Message).Distinct(StringComparer.Ordinal))
        : e.Message;

    /// <summary>Base path and overlay text may change with site.yml or strings.yml; neither may stop the preview.</summary>
    private void RefreshSettings()
    {
        var input = _options.Build.InputDirectory;
        var settings = SiteSettingsLoader.Load(Path.Combine(input, InputReader.SettingsFile)).Settings;
        _basePath = _options.Build.BasePath is { } given ? SiteSettingsLoader.NormalizeBasePath(given) : settings.BasePath;
        try
        {
            var strings = new UiStrings(new ThemeFiles(_themeDirectory, Path.Combine(input, "theme")).ReadText("strings.yml"), settings.Language);
            _reload.SetLabels(strings.All.Where(kv => kv.Key.StartsWith("serve.", StringComparison.Ordinal)).ToDictionary());
        }
        catch (Exception e) when (e is IOException or YamlDotNet.Core.YamlException or BuildInputException) { /* the build reports it */ }
    }

    private string Display(string path)
    {
        foreach (var folder in _watcher.Folders)
            if (path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                return Path.Combine(Path.GetFileName(folder), Path.GetRelativePath(folder, path));
        return path;
    }

    /// <summary>The output folder and the staging/old folders a build keeps beside it.</summary>
    private static bool IsBuildOutput(string path, string output)
    {
        if (path == output || path.StartsWith(output + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return true;
        var parent = Path.GetDirectoryName(output);
        if (parent is null || !path.StartsWith(parent + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return false;
        var first = path[(parent.Length + 1)..].Split(Path.DirectorySeparatorChar)[0];
        return first.StartsWith("." + Path.GetFileName(output) + ".", StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _watcher.Dispose();
        try { await _loop; } catch (OperationCanceledException) { }
        if (_server is not null) await _server.DisposeAsync();
        _stop.Dispose();
    }
}
