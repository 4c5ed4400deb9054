namespace PlanAtlas.Index;

/// <summary>
/// The keys of the index: every character of a document's normalized text (for one-character queries) and
/// every pair of adjacent characters (for longer ones, whose pairs all occur in any text that contains them).
/// A key is two code points, the second 0 for a single character. Keys are spread over the shard files by
/// <see cref="Hash"/>, which theme/assets/js/search.js computes the same way: keep the two in step.
/// </summary>
public static class TermKeys
{
    public static ulong Pack(int first, int second) => ((ulong)(uint)first << 21) | (uint)second;
    public static int First(ulong key) => (int)(key >> 21);
    public static int Second(ulong key) => (int)(key & 0x1FFFFF);

    /// <summary>FNV-1a over the two code points, then murmur3's finalizer so that every bit counts in the shard number.</summary>
    public static uint Hash(ulong key)
    {
        unchecked
        {
            var h = 2166136261u;
            h = (h ^ (uint)First(key)) * 16777619u;
            h = (h ^ (uint)Second(key)) * 16777619u;
            h ^= h >> 16;
            h *= 0x85EBCA6Bu;
            h ^= h >> 13;
            h *= 0xC2B2AE35u;
            h ^= h >> 16;
            return h;
        }
    }
}
