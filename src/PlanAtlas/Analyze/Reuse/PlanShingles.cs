namespace PlanAtlas.Analyze.Reuse;

/// <summary>
/// One plan's shingles counted by item, without a dictionary per plan: each item's distinct hashes go into a buffer
/// the thread keeps, the buffer is sorted, and each run of one hash is a shingle with the number of items having it.
/// Per-plan dictionaries would be large-object garbage that raises the analyze stage's peak memory on a large corpus.
/// </summary>
internal static class PlanShingles
{
    [ThreadStatic] private static ulong[]? t_buffer;

    /// <summary>
    /// The plan's distinct shingles (ascending) and its own boilerplate: the shingles in more than
    /// <paramref name="localLimit"/> of its items (null when none are).
    /// </summary>
    public static (ulong[] Distinct, HashSet<ulong>? Local) Count(IEnumerable<string> normalizedItems, int size, int localLimit)
    {
        var buffer = t_buffer ?? new ulong[4096];
        var length = 0;
        foreach (var text in normalizedItems)
        {
            var count = Shingles.Count(text.Length, size);
            if (count == 0) continue;
            if (buffer.Length < length + count)
                Array.Resize(ref buffer, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(length + count)));
            var item = buffer.AsSpan(length, count);
            Shingles.Hashes(text, size, item);
            length += SortDistinct(item);
        }
        t_buffer = buffer;
        var all = buffer.AsSpan(0, length);
        all.Sort();
        HashSet<ulong>? local = null;
        var distinct = 0;
        for (var i = 0; i < all.Length;)
        {
            var j = i + 1;
            while (j < all.Length && all[j] == all[i]) j++;
            if (j - i > localLimit) (local ??= []).Add(all[i]);
            all[distinct++] = all[i];
            i = j;
        }
        return (all[..distinct].ToArray(), local);
    }

    /// <summary>Sorts the hashes and moves the distinct ones to the start; returns how many.</summary>
    public static int SortDistinct(Span<ulong> hashes)
    {
        hashes.Sort();
        var distinct = 0;
        for (var i = 0; i < hashes.Length; i++)
            if (i == 0 || hashes[i] != hashes[i - 1]) hashes[distinct++] = hashes[i];
        return distinct;
    }
}
