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
        // Bigrams are two UTF-16 units packed into an int while counting; only kept terms become strings.
        var counts = new Dictionary<int, int>[plans.Count];
        Parallel.For(0, plans.Count, p =>
        {
            var tf = new Dictionary<int, int>();
            foreach (var item in plans[p].Items)
            {
                var text = TextNormalizer.Normalize(item.Text);
                for (var i = 0; i + 2 <= text.Length; i++)
                {
                    var bigram = text[i] << 16 | text[i + 1];
                    tf[bigram] = tf.GetValueOrDefault(bigram) + 1;
                }
            }
            counts[p] = tf;
        });
        var df = new Dictionary<int, int>();
        foreach (var tf in counts)
            foreach (var term in tf.Keys)
                df[term] = df.GetValueOrDefault(term) + 1;
        var profiles = new IReadOnlyDictionary<string, double>[plans.Count];
        Parallel.For(0, plans.Count, p =>
        {
            var weights = counts[p]
                .Select(t => new KeyValuePair<int, double>(t.Key, (1 + Math.Log(t.Value)) * Math.Log((double)plans.Count / df[t.Key])))
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
}
