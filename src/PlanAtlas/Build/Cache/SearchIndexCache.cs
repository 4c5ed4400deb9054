using PlanAtlas.Index;

namespace PlanAtlas.Build.Cache;

/// <summary>
/// The term index of the last build (<see cref="TermSnapshot"/>) in one binary file, so that a build which changed a
/// few documents updates the keys they hold instead of keying every text again. Kept up to
/// <see cref="MaxDocuments"/> documents: beyond, the snapshot would add to the peak memory of a build already near
/// its limit, as the analysis memo would (<see cref="AnalysisMemoCache.MaxPlans"/>).
/// </summary>
public sealed class SearchIndexCache(CacheFolder cache, bool ignorePrevious)
{
    public const int MaxDocuments = 8000;

    private readonly string _path = Path.Combine(cache.Root, "terms.bin");
    private readonly string _pagesPath = Path.Combine(cache.Root, "page-texts.bin");

    /// <summary>The previous build's snapshot; null when there is none or it is damaged.</summary>
    public TermSnapshot? Load() => Read(_path, TermSnapshot.Read);

    /// <summary>Writes <paramref name="snapshot"/>, or removes the file when the corpus is too big to keep one.</summary>
    public void Save(TermSnapshot? snapshot) => Write(_path, snapshot?.DocumentCount, stream => snapshot!.Write(stream));

    /// <summary>The pages' texts as the previous build read them (<see cref="PageTextMemo"/>); null when there are none or they are damaged.</summary>
    public PageTextMemo? LoadPages() => Read(_pagesPath, bytes => PageTextMemo.Read(new MemoryStream(bytes, writable: false)));

    /// <summary>Writes <paramref name="pages"/>, or removes the file when there are none or too many (as <see cref="Save"/>).</summary>
    public void SavePages(PageTextMemo? pages) => Write(_pagesPath, pages?.Count, stream => pages!.Write(stream));

    private T? Read<T>(string path, Func<byte[], T?> read) where T : class
    {
        if (ignorePrevious || !File.Exists(path)) return null;
        try { return read(File.ReadAllBytes(path)); }
        catch (IOException) { return null; }
    }

    /// <param name="documents">How many documents the record holds; null when there is no record.</param>
    private static void Write(string path, int? documents, Action<Stream> write)
    {
        if (documents is null || documents > MaxDocuments)
        {
            File.Delete(path);
            return;
        }
        CacheFolder.WriteAtomically(path, write);
    }
}
