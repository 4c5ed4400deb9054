namespace PlanAtlas.Analyze;

/// <summary>
/// A fixed 64-bit hash of text (FNV-1a over UTF-16 units, then SplitMix64's finaliser for avalanche): the same
/// on every machine and in every run, unlike string.GetHashCode, so the samples chosen by it (the clustering's
/// training items, the reuse detector's frequency sample) and the hash tables placed by it are reproducible. Its
/// values decide results, so it stays as it is; fingerprints and cache keys use <see cref="Model.ContentHash"/>.
/// Not for security.
/// </summary>
public static class Hash64
{
    public static ulong Of(ReadOnlySpan<char> text, ulong seed = 0)
    {
        var h = 14695981039346656037UL ^ seed;
        foreach (var c in text) h = (h ^ c) * 1099511628211UL;
        return Mix(h);
    }

    /// <summary>Combines two hashes (order matters).</summary>
    public static ulong Combine(ulong a, ulong b) => Mix(a * 31 + b + 0x9E3779B97F4A7C15UL);

    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
