using System.Collections.Concurrent;
using System.Text.Json;
using PlanAtlas.Model;

namespace PlanAtlas.Build.Cache;

/// <summary>
/// Parsed plans by the bytes of their file: a file whose SHA-256 (and manifest row) is unchanged since the last build
/// is neither decoded nor parsed again. Each record holds the plan before ids are assigned (ids depend on the other
/// plans) and the diagnostics its reading and parsing gave, so an incremental build reports exactly what a full one does.
/// </summary>
public sealed class ParsedPlanCache
{
    private const string IndexFile = "index.json";
    private readonly string _folder;
    private readonly Dictionary<string, Record> _previous;
    private readonly ConcurrentDictionary<string, Record> _current = new(StringComparer.Ordinal);

    /// <summary>What the index remembers of one plan file; <see cref="Entry"/> names the file holding the parsed plan.</summary>
    public sealed record Record(string ContentHash, string Format, string TextFingerprint, string ManifestKey, string Entry);

    internal sealed record Entry(IReadOnlyList<Diagnostic> Diagnostics, Plan Plan);

    public ParsedPlanCache(CacheFolder cache, bool ignorePrevious)
    {
        _folder = cache.Subfolder("plans");
        _previous = ignorePrevious ? new(StringComparer.Ordinal) : LoadIndex(Path.Combine(_folder, IndexFile));
    }

    public int Hits => _hits;
    private int _hits;

    /// <summary>For the read stage: what is remembered of <paramref name="sourceFile"/> when its bytes hash to <paramref name="contentHash"/>.</summary>
    public KnownPlanFile? Known(string sourceFile, string contentHash) =>
        _previous.TryGetValue(sourceFile, out var r) && r.ContentHash == contentHash && File.Exists(Path.Combine(_folder, r.Entry))
            ? new KnownPlanFile(sourceFile, r.Format, r.ContentHash, r.TextFingerprint)
            : null;

    /// <summary>
    /// The cached plan and its diagnostics, when its manifest row is also unchanged; null means read and parse it again.
    /// The plan's source is read from its own record only when something asks for it; should that record be damaged by
    /// then, <paramref name="readAgain"/> decodes the plan's file instead (it must still have the bytes the cache knew).
    /// </summary>
    public (Plan Plan, IReadOnlyList<Diagnostic> Diagnostics)? TryLoad(KnownPlanFile file, ManifestEntry? manifest, Func<SourceDocument?> readAgain)
    {
        if (!_previous.TryGetValue(file.SourceFile, out var record) || record.ManifestKey != ManifestKey(manifest)) return null;
        var sourcePath = Path.Combine(_folder, SourceRecord(record.Entry));
        try
        {
            var entry = CacheJson.Read<Entry>(Path.Combine(_folder, record.Entry));
            if (entry is null || !File.Exists(sourcePath)) return null;
            _current[file.SourceFile] = record;
            Interlocked.Increment(ref _hits);
            return (entry.Plan.WithSource(() => LoadSource(sourcePath, file, readAgain)), entry.Diagnostics);
        }
        // A damaged record is a miss, never a failed build: the plan is parsed again.
        catch (Exception e) when (IsDamage(e))
        {
            return null;
        }
    }

    private static SourceDocument? LoadSource(string path, KnownPlanFile file, Func<SourceDocument?> readAgain)
    {
        try
        {
            if (CacheJson.Read<SourceDocument>(path) is { } source) return source;
        }
        catch (Exception e) when (IsDamage(e))
        {
        }
        var again = readAgain();
        return again is not null && again.ContentHash == file.ContentHash
            ? again
            : throw new Read.BuildInputException($"{Read.InputReader.PlansFolder}/{file.SourceFile}: changed while the site was being built; build again");
    }

    private static bool IsDamage(Exception e) => e is IOException or JsonException or UnauthorizedAccessException or NotSupportedException;

    public void Store(SourceDocument document, ManifestEntry? manifest, Plan plan, IReadOnlyList<Diagnostic> diagnostics)
    {
        var manifestKey = ManifestKey(manifest);
        var name = ContentKey(document.SourceFile, document.ContentHash, manifest) + ".json";
        CacheFolder.WriteAtomically(Path.Combine(_folder, SourceRecord(name)), JsonSerializer.SerializeToUtf8Bytes(document, CacheJson.Options));
        CacheFolder.WriteAtomically(Path.Combine(_folder, name), JsonSerializer.SerializeToUtf8Bytes(new Entry(diagnostics, plan with { Source = null }), CacheJson.Options));
        _current[document.SourceFile] = new Record(document.ContentHash, document.Format,
            Read.DuplicatePlans.TextFingerprint(document), manifestKey, name);
    }

    /// <summary>The file beside a plan's record that holds its source.</summary>
    private static string SourceRecord(string entry) => Path.ChangeExtension(entry, ".source.json");

    /// <summary>Writes the index of this build's plans and deletes the records no plan uses any more.</summary>
    public void Save()
    {
        var index = _current.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        CacheFolder.WriteAtomically(Path.Combine(_folder, IndexFile), JsonSerializer.SerializeToUtf8Bytes(index, CacheJson.Options));
        var used = index.Values.SelectMany(r => new[] { r.Entry, SourceRecord(r.Entry) }).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(_folder, "*.json"))
        {
            var name = Path.GetFileName(file);
            if (name != IndexFile && !used.Contains(name)) File.Delete(file);
        }
    }

    /// <summary>A plan's file name, bytes and manifest row in one key; also the name of its record.</summary>
    public static string ContentKey(string sourceFile, string contentHash, ManifestEntry? manifest) =>
        ContentHash.HexOf($"{sourceFile}\n{contentHash}\n{ManifestKey(manifest)}");

    private static string ManifestKey(ManifestEntry? manifest) =>
        manifest is null ? "" : ContentHash.HexOf(JsonSerializer.Serialize(manifest, CacheJson.Options));

    private static Dictionary<string, Record> LoadIndex(string path)
    {
        try
        {
            return File.Exists(path)
                ? CacheJson.Read<Dictionary<string, Record>>(path) is { } d
                    ? new Dictionary<string, Record>(d, StringComparer.Ordinal) : new(StringComparer.Ordinal)
                : new(StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return new(StringComparer.Ordinal);
        }
    }
}
