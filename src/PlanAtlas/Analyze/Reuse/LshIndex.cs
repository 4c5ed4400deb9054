namespace PlanAtlas.Analyze.Reuse;

/// <summary>
/// Locality-sensitive hashing by banding: a signature is cut into bands of r rows; two signatures that agree
/// on every row of any band land in the same bucket and become a candidate pair. With b bands the chance
/// that a pair of Jaccard similarity s becomes a candidate is 1 − (1 − s^r)^b, so no pair of the corpus is
/// ever compared unless it already looks alike.
/// </summary>
public sealed class LshIndex(int bands, int rowsPerBand, int maxBucketSize)
{
    private readonly Dictionary<(int Band, ulong Key), List<int>> _buckets = [];

    public int SkippedBuckets { get; private set; }

    /// <summary>Adds signatures in increasing <paramref name="id"/> order, so that bucket lists come out sorted.</summary>
    public void Add(int id, ReadOnlySpan<ulong> signature)
    {
        for (var band = 0; band < bands; band++)
        {
            var key = 0xCBF29CE484222325UL;
            foreach (var v in signature.Slice(band * rowsPerBand, rowsPerBand)) key = (key ^ v) * 0x100000001B3UL;
            if (!_buckets.TryGetValue((band, key), out var list)) _buckets[(band, key)] = list = [];
            list.Add(id);
        }
    }

    /// <summary>Every pair (x, y), x &lt; y, that shares a bucket, each once, passed through <paramref name="keep"/>; sorted.</summary>
    public List<(int X, int Y)> Candidates(Func<int, int, bool> keep)
    {
        var pairs = new HashSet<(int, int)>();
        SkippedBuckets = 0;
        foreach (var list in _buckets.Values)
        {
            if (list.Count < 2) continue;
            if (list.Count > maxBucketSize) { SkippedBuckets++; continue; }
            for (var i = 0; i < list.Count; i++)
                for (var j = i + 1; j < list.Count; j++)
                    if (list[i] != list[j] && keep(list[i], list[j])) pairs.Add((list[i], list[j]));
        }
        var sorted = pairs.ToList();
        sorted.Sort();
        return sorted;
    }
}
