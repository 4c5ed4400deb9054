using System.Runtime.InteropServices;
using PlanAtlas.Analyze.Reuse;
using PlanAtlas.Model;

namespace PlanAtlas.Analyze.Peers;

/// <summary>
/// Each plan's wording as a TF-IDF vector of character bigrams (Chinese has no spaces; bigrams are the usual
/// unit). IDF = ln(N / df) gives bigrams found in every plan weight zero, so shared boilerplate never makes
/// two plans look alike. Only the strongest shared terms of each plan are kept.
/// </summary>
public static class TextProfiles
{
    public static IReadOnlyList<IReadOnlyDictionary<string, double>> Build(IReadOnlyList<Plan> plans, int termsPerPlan)
    {
        // Two passes over the text rather than every plan's term counts kept at once (tens of millions of entries
        // at national scale): the first counts in how many plans each bigram is, the second weighs each plan's own.
        var df = new Dictionary<int, int>();
        const int chunk = 256;
        for (var start = 0; start < plans.Count; start += chunk)
        {
            var distinct = new int[Math.Min(chunk, plans.Count - start)][];
            Parallel.For(0, distinct.Length, i => distinct[i] = Counts(plans[start + i]).Select(t => t.Term).ToArray());
            foreach (var terms in distinct)
                foreach (var term in terms) CollectionsMarshal.GetValueRefOrAddDefault(df, term, out _)++;
        }

        var profiles = new IReadOnlyDictionary<string, double>[plans.Count];
        Parallel.For(0, plans.Count, p =>
        {
            var weights = Counts(plans[p])
                .Select(t => new KeyValuePair<int, double>(t.Term, (1 + Math.Log(t.Count)) * Math.Log((double)plans.Count / df[t.Term])))
                // A bigram no other plan has cannot make two plans alike; one many plans have barely can, and its
                // long posting list would dominate the neighbour search (capped at 200 plans).
                .Where(w => w.Value > 0 && df[w.Key] > 1 && (plans.Count < 20 || df[w.Key] <= Math.Max(20, Math.Min(plans.Count / 20, 200))))
                .OrderByDescending(w => w.Value).ThenBy(w => w.Key)
                .Take(termsPerPlan)
                .Select(w => new KeyValuePair<string, double>(new string([(char)(w.Key >> 16), (char)w.Key]), w.Value));
            profiles[p] = SparseVectors.Normalise(weights);
        });
        return profiles;
    }

    [ThreadStatic] private static int[]? t_bigrams;

    /// <summary>
    /// Each bigram of the plan and its occurrences, by bigram; a bigram is two UTF-16 units packed into an int, so
    /// no string per bigram. Counted by sorting the plan's bigrams in a buffer the thread keeps: a dictionary per
    /// plan, made twice, was large-object garbage at 10,000 plans.
    /// </summary>
    private static (int Term, int Count)[] Counts(Plan plan)
    {
        var buffer = t_bigrams ?? new int[4096];
        var length = 0;
        foreach (var item in plan.Items)
        {
            var text = TextNormalizer.Normalize(item.Text);
            var count = Math.Max(0, text.Length - 1);
            if (buffer.Length < length + count)
                Array.Resize(ref buffer, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(length + count)));
            for (var i = 0; i < count; i++) buffer[length + i] = text[i] << 16 | text[i + 1];
            length += count;
        }
        t_bigrams = buffer;
        var bigrams = buffer.AsSpan(0, length);
        bigrams.Sort();
        var runs = 0;
        for (var i = 0; i < bigrams.Length; i++)
            if (i == 0 || bigrams[i] != bigrams[i - 1]) runs++;
        var counts = new (int Term, int Count)[runs];
        var r = -1;
        for (var i = 0; i < bigrams.Length; i++)
        {
            if (i == 0 || bigrams[i] != bigrams[i - 1]) counts[++r] = (bigrams[i], 0);
            counts[r].Count++;
        }
        return counts;
    }
}
