namespace PlanAtlas.Analyze.Reuse;

/// <summary>
/// MinHash signatures: for each of k seeded hash functions, the minimum over a set's shingles. Two sets agree
/// in one position with probability equal to their Jaccard similarity. Seeds derive from one fixed seed.
/// </summary>
public sealed class MinHasher
{
    private readonly ulong[] _seeds;

    public MinHasher(int length, ulong seed)
    {
        _seeds = new ulong[length];
        var state = seed;
        for (var i = 0; i < length; i++) _seeds[i] = SplitMix(ref state);
    }

    public int Length => _seeds.Length;

    public ulong[] Signature(ReadOnlySpan<ulong> shingles)
    {
        var signature = new ulong[_seeds.Length];
        Signature(shingles, signature);
        return signature;
    }

    /// <summary>Writes the signature into <paramref name="signature"/> (<see cref="Length"/> values): no allocation per passage.</summary>
    public void Signature(ReadOnlySpan<ulong> shingles, Span<ulong> signature)
    {
        signature.Fill(ulong.MaxValue);
        foreach (var s in shingles)
        {
            for (var i = 0; i < _seeds.Length; i++)
            {
                var h = Mix(s ^ _seeds[i]);
                if (h < signature[i]) signature[i] = h;
            }
        }
    }

    /// <summary>The share of equal positions: an estimate of the Jaccard similarity of the two sets.</summary>
    public static double Estimate(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var same = 0;
        for (var i = 0; i < a.Length; i++) if (a[i] == b[i]) same++;
        return a.Length == 0 ? 0 : (double)same / a.Length;
    }

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    /// <summary>SplitMix64's finaliser: a cheap bijective mixer with good avalanche.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
