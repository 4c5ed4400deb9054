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
    public TermSnapshot? Load()
    {
        if (ignorePrevious || !File.Exists(_path)) return null;
        try { return TermSnapshot.Read(File.ReadAllBytes(_path)); }
        catch (IOException) { return null; }
    }

    /// <summary>Writes <paramref name="snapshot"/>, or removes the file when the corpus is too big to keep one.</summary>
    public void Save(TermSnapshot? snapshot)
    {
        if (snapshot is null || snapshot.DocumentCount > MaxDocuments)
        {
            File.Delete(_path);
            return;
        }
        CacheFolder.WriteAtomically(_path, snapshot.Write);
    }

    /// <summary>The pages' texts as the previous build read them (<see cref="PageTextMemo"/>); null when there are none or they are damaged.</summary>
    public PageTextMemo? LoadPages()
    {
        if (ignorePrevious || !File.Exists(_pagesPath)) return null;
        try
        {
            using var stream = new FileStream(_pagesPath, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
            return PageTextMemo.Read(stream);
        }
        catch (IOException) { return null; }
    }

    /// <summary>Writes <paramref name="pages"/>, or removes the file when there are none (as <see cref="Save"/>, bounded by <see cref="MaxDocuments"/>).</summary>
    public void SavePages(PageTextMemo? pages)
    {
        if (pages is null || pages.Count > MaxDocuments)
        {
            File.Delete(_pagesPath);
            return;
        }
        CacheFolder.WriteAtomically(_pagesPath, pages.Write);
    }
}
