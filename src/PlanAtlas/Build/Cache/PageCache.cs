using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.Json;
using PlanAtlas.Render;

namespace PlanAtlas.Build.Cache;

/// <summary>
/// The fingerprints of the pages in the current output, so the next build renders only pages whose inputs changed
/// and keeps the others — as hard links into the staging folder (a copy where links are not possible), so the swap
/// still replaces the whole site at once. The record is removed before a swap and written after it: a build killed
/// in between leaves no record, and the next build renders everything. A page's companion files (a compare page's
/// chart data) are recorded with it and kept only all together with it.
/// </summary>
public sealed class PageCache : IPageReuse
{
    private const string RecordFile = "pages.json";
    private readonly string _record;
    private readonly string _output, _staging;
    private readonly IReadOnlyDictionary<string, PageStamp> _previous;
    private readonly ConcurrentDictionary<string, PageStamp> _current = new(StringComparer.Ordinal);

    /// <param name="Companions">Files written with the page (site path → length), kept or written together with it.</param>
    public sealed record PageStamp(string Fingerprint, long Length, SortedDictionary<string, long>? Companions = null);

    private sealed record Record(string Output, SortedDictionary<string, PageStamp> Pages);

    public PageCache(CacheFolder cache, string outputDirectory, string stagingDirectory, bool ignorePrevious)
    {
        _record = Path.Combine(cache.Root, RecordFile);
        _output = Path.GetFullPath(outputDirectory);
        _staging = Path.GetFullPath(stagingDirectory);
        _previous = ignorePrevious ? new Dictionary<string, PageStamp>() : Load(_record, _output);
    }

    public bool TryReuse(string sitePath, string fingerprint, string target, Func<string, string> targetOf)
    {
        if (!_previous.TryGetValue(sitePath, out var stamp) || stamp.Fingerprint != fingerprint) return false;
        var files = new List<(string Previous, string Target)> { (Previous(target), target) };
        if (!Unchanged(files[0].Previous, stamp.Length)) return false;
        foreach (var (companion, length) in stamp.Companions ?? [])
        {
            var companionTarget = targetOf(companion);
            files.Add((Previous(companionTarget), companionTarget));
            if (!Unchanged(files[^1].Previous, length)) return false;
        }
        foreach (var (previous, link) in files)
        {
            // The page's folder exists (made by the caller); a companion's may not, or it may hold a file already.
            if (link != target)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(link)!);
                File.Delete(link);
            }
            if (!HardLink(previous, link)) File.Copy(previous, link, overwrite: true);
        }
        _current[sitePath] = stamp;
        return true;
    }

    private string Previous(string target) => Path.Combine(_output, Path.GetRelativePath(_staging, target));

    private static bool Unchanged(string previous, long length)
    {
        var file = new FileInfo(previous);
        return file.Exists && file.Length == length;
    }

    public void Rendered(string sitePath, string fingerprint, string target, IReadOnlyList<(string SitePath, string Target)> companions) =>
        _current[sitePath] = new PageStamp(fingerprint, new FileInfo(target).Length,
            companions.Count == 0 ? null : new SortedDictionary<string, long>(companions.ToDictionary(c => c.SitePath, c => new FileInfo(c.Target).Length), StringComparer.Ordinal));

    /// <summary>Before the swap: the record no longer describes the output about to be replaced.</summary>
    public void Invalidate() => File.Delete(_record);

    /// <summary>After the swap: the record of the pages now in the output.</summary>
    public void Save() =>
        CacheFolder.WriteAtomically(_record, JsonSerializer.SerializeToUtf8Bytes(
            new Record(_output, new SortedDictionary<string, PageStamp>(_current, StringComparer.Ordinal)), CacheJson.Options));

    private static IReadOnlyDictionary<string, PageStamp> Load(string path, string output)
    {
        try
        {
            if (!File.Exists(path)) return new Dictionary<string, PageStamp>();
            var record = JsonSerializer.Deserialize<Record>(File.ReadAllBytes(path), CacheJson.Options);
            // The record describes one output folder; built into another, nothing can be kept.
            return record is not null && record.Output == output ? record.Pages : new Dictionary<string, PageStamp>();
        }
        catch (JsonException)
        {
            return new Dictionary<string, PageStamp>();
        }
    }

    private static bool HardLink(string existing, string link)
    {
        if (OperatingSystem.IsWindows()) return false;
        try { return NativeLink(existing, link) == 0; }
        catch (DllNotFoundException) { return false; }
        catch (EntryPointNotFoundException) { return false; }
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int NativeLink([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string link);
}
