using System.Collections.Concurrent;
using System.Text.Json;
using PlanAtlas.Render;

namespace PlanAtlas.Build.Cache;

/// <summary>
/// The fingerprints of the pages in the current output, so the next build renders only pages whose inputs changed
/// and keeps the others where they are (<see cref="OutputFolder.Kept"/>; the commit moves the new files in around
/// them). The record is removed before the commit and written after it: a build killed in between leaves no record,
/// and the next build renders everything. A page's companion files (a compare page's chart data) are recorded with
/// it and kept only all together with it.
/// </summary>
public sealed class PageCache : IPageReuse
{
    private const string RecordFile = "pages.json";
    private readonly string _record;
    private readonly string _output;
    private readonly IReadOnlyDictionary<string, PageStamp> _previous;
    private readonly ConcurrentDictionary<string, PageStamp> _current = new(StringComparer.Ordinal);

    /// <param name="Companions">Files written with the page (site path → length), kept or written together with it.</param>
    /// <param name="Parts">A file written in parts (items.csv): each part's key and length, in order, so the next build copies unchanged parts.</param>
    public sealed record PageStamp(string Fingerprint, long Length, SortedDictionary<string, long>? Companions = null, List<FilePart>? Parts = null);

    /// <param name="Pages">Written sorted by site path (a <see cref="SortedDictionary{TKey,TValue}"/>); read back as a hash table, which
/// the build looks every page up in.</param>
    internal sealed record Record(string Output, IReadOnlyDictionary<string, PageStamp> Pages);

    public PageCache(CacheFolder cache, string outputDirectory, bool ignorePrevious)
    {
        _record = Path.Combine(cache.Root, RecordFile);
        _output = Path.GetFullPath(outputDirectory);
        _previous = ignorePrevious ? new Dictionary<string, PageStamp>() : Load(_record, _output);
    }

    public bool TryReuse(string sitePath, string fingerprint, out IReadOnlyCollection<string> companions)
    {
        companions = [];
        if (!_previous.TryGetValue(sitePath, out var stamp) || stamp.Fingerprint != fingerprint) return false;
        if (!Unchanged(sitePath, stamp.Length)) return false;
        foreach (var (companion, length) in stamp.Companions ?? [])
            if (!Unchanged(companion, length)) return false;
        companions = stamp.Companions?.Keys ?? (IReadOnlyCollection<string>)[];
        _current[sitePath] = stamp;
        return true;
    }

    private bool Unchanged(string sitePath, long length)
    {
        var file = new FileInfo(Path.Combine(_output, OutputFolder.FilePath(sitePath)));
        return file.Exists && file.Length == length;
    }

    public void Rendered(string sitePath, string fingerprint, long length, IReadOnlyList<(string SitePath, long Length)> companions) =>
        _current[sitePath] = new PageStamp(fingerprint, length,
            companions.Count == 0 ? null : new SortedDictionary<string, long>(companions.ToDictionary(c => c.SitePath, c => c.Length), StringComparer.Ordinal));

    public IReadOnlyList<FilePart> PreviousParts(string sitePath) =>
        _previous.TryGetValue(sitePath, out var stamp) && stamp.Parts is { } parts && Unchanged(sitePath, stamp.Length) ? parts : [];

    public void RenderedParts(string sitePath, string fingerprint, IReadOnlyList<FilePart> parts) =>
        _current[sitePath] = new PageStamp(fingerprint, parts.Sum(p => p.Length), null, [.. parts]);

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
            var record = CacheJson.Read<Record>(path);
            // The record describes one output folder; built into another, nothing can be kept.
            return record is not null && record.Output == output ? record.Pages : new Dictionary<string, PageStamp>();
        }
        catch (JsonException)
        {
            return new Dictionary<string, PageStamp>();
        }
    }
}
