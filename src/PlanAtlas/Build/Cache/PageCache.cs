using System.Collections.Concurrent;
using System.Text.Json;
using PlanAtlas.Render;

namespace PlanAtlas.Build.Cache;

/// <summary>
/// The fingerprints of the pages in the current output, so the next build renders only pages whose inputs changed
/// and keeps the others where they are (<see cref="OutputFolder.Kept"/>; the commit moves the new files in around
/// them). The record is removed before the commit and written after it: a build killed in between leaves no record,
/// and the next build renders everything.
/// </summary>
public sealed class PageCache : IPageReuse
{
    private const string RecordFile = "pages.json";
    private readonly string _record;
    private readonly string _output;
    private readonly IReadOnlyDictionary<string, PageStamp> _previous;
    private readonly ConcurrentDictionary<string, PageStamp> _current = new(StringComparer.Ordinal);

    public sealed record PageStamp(string Fingerprint, long Length);

    internal sealed record Record(string Output, SortedDictionary<string, PageStamp> Pages);

    public PageCache(CacheFolder cache, string outputDirectory, bool ignorePrevious)
    {
        _record = Path.Combine(cache.Root, RecordFile);
        _output = Path.GetFullPath(outputDirectory);
        _previous = ignorePrevious ? new Dictionary<string, PageStamp>() : Load(_record, _output);
    }

    public bool TryReuse(string sitePath, string fingerprint)
    {
        if (!_previous.TryGetValue(sitePath, out var stamp) || stamp.Fingerprint != fingerprint) return false;
        var file = new FileInfo(Path.Combine(_output, OutputFolder.FilePath(sitePath)));
        if (!file.Exists || file.Length != stamp.Length) return false;
        _current[sitePath] = stamp;
        return true;
    }

    public void Rendered(string sitePath, string fingerprint, long length) => _current[sitePath] = new PageStamp(fingerprint, length);

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
}
