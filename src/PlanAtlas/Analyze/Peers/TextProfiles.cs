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
    /// <param name="memo">Counts and profiles of the last build (see <see cref="RememberedProfiles"/>); null: none.</param>
    public static IReadOnlyList<IReadOnlyDictionary<string, double>> Build(IReadOnlyList<Plan> plans, int termsPerPlan, AnalysisMemo? memo) =>
        memo is null ? Build(plans, termsPerPlan) : RememberedProfiles.Build(plans, termsPerPlan, memo).Select(Profile).ToArray();

    /// <summary>
    /// The same profiles as rows of (bigram, weight) in the profiles' order: with a memo, as it keeps them, without a
    /// string and a dictionary entry per term (a thousand plans' profiles were 400,000 of each, every build).
    /// </summary>
    internal static (int Term, double Weight)[][] Rows(IReadOnlyList<Plan> plans, int termsPerPlan, AnalysisMemo? memo) =>
        memo is null ? Build(plans, termsPerPlan).Select(p => p.Select(t => (Bigram(t.Key), t.Value)).ToArray()).ToArray()
            : RememberedProfiles.Build(plans, termsPerPlan, memo);

    private static IReadOnlyDictionary<string, double> Profile((int Term, double Weight)[] row)
    {
        var profile = new Dictionary<string, double>(row.Length, StringComparer.Ordinal);
        foreach (var (term, weight) in row) profile.Add(Term(term), weight);
        return profile;
    }

    public static IReadOnlyList<IReadOnlyDictionary<string, double>> Build(IReadOnlyList<Plan> plans, int termsPerPlan)
    {
        // Two passes over the text rather than every plan's term counts kept at once (tens of millions of entries
        // at national scale): the first counts in how many plans each bigram is, the second weighs each plan's own.
        var df = new Dictionary<int, int>();
        const int chunk = 256;
        for (var start = 0; start < plans.Count; start += chunk)
        {
            var distinct = new int[Math.Min(chunk, plans.Count - start)][];
            Parallel.For(0, distinct.Length, i => distinct[i] = [.. Counts(plans[start + i]).Keys]);
            foreach (var terms in distinct)
                foreach (var term in terms) CollectionsMarshal.GetValueRefOrAddDefault(df, term, out _)++;
        }

        var profiles = new IReadOnlyDictionary<string, double>[plans.Count];
        Parallel.For(0, plans.Count, p => profiles[p] = Profile(Counts(plans[p]), df, plans.Count, termsPerPlan));
        return profiles;
    }

    /// <summary>A plan's profile from its bigram counts and the corpus' document frequencies.</summary>
    internal static Dictionary<string, double> Profile(IEnumerable<KeyValuePair<int, int>> counts, Dictionary<int, int> df, int plans, int termsPerPlan) =>
        SparseVectors.Normalise(counts
            // A bigram no other plan has cannot make two plans alike; one many plans have barely can, and its
            // long posting list would dominate the neighbour search (capped at 200 plans). One rule with the memo's
            // (a count is at least one, so the weight is above zero exactly when some plan lacks the bigram).
            .Where(t => !LeftOut(df[t.Key], plans))
            .Select(t => new KeyValuePair<int, double>(t.Key, (1 + Math.Log(t.Value)) * Math.Log((double)plans / df[t.Key])))
            .OrderByDescending(w => w.Value).ThenBy(w => w.Key)
            .Take(termsPerPlan)
            .Select(w => new KeyValuePair<string, double>(Term(w.Key), w.Value)));

    private static int MaxDf(int plans) => Math.Max(20, Math.Min(plans / 20, 200));

    /// <summary>
    /// Whether a bigram in <paramref name="df"/> of <paramref name="plans"/> plans is left out of every profile: in one
    /// plan only, in every plan (weight zero), or in more than the cap. Its frequency then moves no profile.
    /// </summary>
    internal static bool LeftOut(int df, int plans) => df <= 1 || df >= plans || (plans >= 20 && df > MaxDf(plans));

    internal static string Term(int bigram) => new([(char)(bigram >> 16), (char)bigram]);

    internal static int Bigram(string term) => term[0] << 16 | term[1];

    /// <summary>Bigram → occurrences in the plan; a bigram is two UTF-16 units packed into an int, so no string per bigram.</summary>
    internal static Dictionary<int, int> Counts(Plan plan)
    {
        var tf = new Dictionary<int, int>();
        foreach (var item in plan.Items)
        {
            var text = TextNormalizer.Normalize(item.Text);
            for (var i = 0; i + 2 <= text.Length; i++) CollectionsMarshal.GetValueRefOrAddDefault(tf, text[i] << 16 | text[i + 1], out _)++;
        }
        return tf;
    }
}
