namespace PlanAtlas.Analyze.Reuse;

/// <summary>
/// Character n-gram shingles of normalized text as 64-bit hashes (FNV-1a: fixed, seedless, the same on every
/// machine). One hash per start position, in order, duplicates kept: callers that need a set make one.
/// </summary>
public static class Shingles
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong[] Hashes(ReadOnlySpan<char> normalized, int size)
    {
        if (normalized.Length < size) return normalized.Length == 0 ? [] : [Hash(normalized)];
        var hashes = new ulong[normalized.Length - size + 1];
        for (var i = 0; i < hashes.Length; i++) hashes[i] = Hash(normalized.Slice(i, size));
        return hashes;
    }

    public static ulong Hash(ReadOnlySpan<char> chars)
    {
        var h = Offset;
        foreach (var c in chars)
        {
            h = (h ^ (byte)c) * Prime;
            h = (h ^ (byte)(c >> 8)) * Prime;
        }
        return h;
    }
}
