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
}
