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
        var hashes = new ulong[Count(normalized.Length, size)];
        Hashes(normalized, size, hashes);
        return hashes;
    }

    /// <summary>How many hashes a text of <paramref name="length"/> characters has: one per start, or one for a text shorter than a shingle.</summary>
    public static int Count(int length, int size) => length < size ? Math.Min(length, 1) : length - size + 1;

    /// <summary>Writes the hashes into <paramref name="hashes"/> (at least <see cref="Count"/> long); returns how many.</summary>
    public static int Hashes(ReadOnlySpan<char> normalized, int size, Span<ulong> hashes)
    {
        if (normalized.Length < size)
        {
            if (normalized.Length > 0) hashes[0] = Hash(normalized);
            return Math.Min(normalized.Length, 1);
        }
        var count = normalized.Length - size + 1;
        for (var i = 0; i < count; i++) hashes[i] = Hash(normalized.Slice(i, size));
        return count;
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
