using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanAtlas.Fetch;

/// <summary>What fetch remembers of a URL it downloaded: the file it went to, and the validators for the next request.</summary>
/// <param name="Attachments">For a page: the attachment URLs it linked, checked again when the page itself is unchanged.</param>
internal sealed record FetchedUrl(string File, [property: JsonPropertyName("etag")] string? ETag, string? LastModified, IReadOnlyList<string>? Attachments = null);

/// <summary>
/// input/.fetch-state.json: per URL the file it went to and its ETag / Last-Modified, so that the next run asks
/// "changed since?" and downloads only what changed. It is a cache: a missing or broken one only costs downloads,
/// and it is untrusted like every input (the file names in it are checked before use).
/// </summary>
internal sealed class FetchState
{
    public const string FileName = ".fetch-state.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed record Stored(int Version, SortedDictionary<string, FetchedUrl> Urls);

    private readonly SortedDictionary<string, FetchedUrl> _urls;

    private FetchState(SortedDictionary<string, FetchedUrl> urls) => _urls = urls;

    /// <summary>The state, or an empty one (with why) when the file is missing or cannot be used.</summary>
    public static (FetchState State, string? Problem) Load(string path)
    {
        if (!File.Exists(path)) return (new FetchState(new(StringComparer.Ordinal)), null);
        try
        {
            var stored = JsonSerializer.Deserialize<Stored>(File.ReadAllBytes(path), Json);
            if (stored is { Version: 1, Urls: not null })
                return (new FetchState(new(stored.Urls.Where(u => u.Value?.File is not null).ToDictionary(), StringComparer.Ordinal)), null);
            return (new FetchState(new(StringComparer.Ordinal)), $"{FileName} is of an unknown version; every URL is downloaded again");
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return (new FetchState(new(StringComparer.Ordinal)), $"{FileName} cannot be read ({e.Message}); every URL is downloaded again");
        }
    }

    public FetchedUrl? this[string url] => _urls.GetValueOrDefault(url);

    public void Remember(string url, FetchedUrl fetched) => _urls[url] = fetched;

    public bool Claims(string file) => _urls.Values.Any(u => string.Equals(u.File, file, StringComparison.Ordinal));

    public void Save(string path) => SafeWrite.Bytes(path, JsonSerializer.SerializeToUtf8Bytes(new Stored(1, _urls), Json));
}
