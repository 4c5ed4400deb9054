using System.Runtime.InteropServices;
using PlanAtlas.Model;

namespace PlanAtlas.Analyze.Peers;

/// <summary>
/// <see cref="TextProfiles"/> with the memo of the last build. A plan's profile depends on its own bigram counts,
/// the number of plans, and the document frequencies of its own bigrams only; the memo keeps each plan's counts and
/// profile and the corpus' frequencies, which change by the plans gone and the plans new. A remembered profile is
/// taken while the number of plans is the same and none of its bigrams changed frequency; every other is computed
/// again, so the profiles are exactly those of <see cref="TextProfiles.Build"/>.
/// </summary>
internal static class RememberedProfiles
{
    /// <param name="Terms">The plan's bigrams and their counts as the record has them (<see cref="MemoTerms"/>): most plans' are only searched.</param>
    private sealed record PlanRecord(ReadOnlyMemory<byte> Terms, (int Term, double Weight)[] Profile)
    {
        public (int[] Terms, int[] Counts) Decoded()
        {
            var reader = new MemoReader(Terms.Span);
            var (terms, counts) = MemoTerms.Read(ref reader, 1);
            return (terms, counts[0]);
        }
    }

    /// <returns>Each plan's profile as (bigram, weight) in the profile's order.</returns>
    public static (int Term, double Weight)[][] Build(IReadOnlyList<Plan> plans, int termsPerPlan, AnalysisMemo memo)
    {
        var optionsKey = ContentHash.Key($"text-profiles|{termsPerPlan}");
        var keys = AnalysisMemo.PlanKeys(plans, optionsKey);
        var records = new PlanRecord?[plans.Count];
        var terms = new int[plans.Count][];
        var counts = new int[plans.Count][];
        Parallel.For(0, plans.Count, p =>
        {
            records[p] = keys[p] is { } key ? Read(memo.Get(MemoSection.PeerProfile, key)) : null;
            // A remembered plan's bigrams are decoded when they are needed, not for every plan.
            if (records[p] is null)
            {
                var tf = TextProfiles.Counts(plans[p]);
                terms[p] = [.. tf.Keys.Order()];
                counts[p] = terms[p].Select(t => tf[t]).ToArray();
            }
        });

        void Decode(int p)
        {
            if (terms[p] is null) (terms[p], counts[p]) = records[p]!.Decoded();
        }
        var (df, changedSet, before) = Frequencies(memo, optionsKey, keys, terms, Decode, plans.Count);
        var changed = changedSet?.Order().ToArray();
        var profiles = new (int Term, double Weight)[plans.Count][];
        Parallel.For(0, plans.Count, p =>
        {
            if (changed is not null && records[p] is { } record && before!.Contains(keys[p]!.Value)
                && !MemoTerms.ContainsAny(record.Terms.Span, 1, changed))
            {
                profiles[p] = record.Profile;
                return;
            }
            Decode(p);
            var pairs = terms[p].Select((t, i) => new KeyValuePair<int, int>(t, counts[p][i]));
            var profile = TextProfiles.Profile(pairs, df, plans.Count, termsPerPlan);
            profiles[p] = profile.Select(w => (TextProfiles.Bigram(w.Key), w.Value)).ToArray();
            if (keys[p] is { } key) memo.Put(MemoSection.PeerProfile, key, Write(terms[p], counts[p], profiles[p]));
        });
        if (keys.All(k => k is not null))
            memo.Put(MemoSection.PeerCorpus, optionsKey, WriteCorpus(keys.Select(k => k!.Value).Order().ToArray(), plans.Count, df));
        return profiles;
    }

    /// <summary>
    /// Document frequencies, brought up to date from the last build's when it left them (with the bigrams whose
    /// frequency may have changed, and the plans it counted), else counted; changed is null when every profile must be made again.
    /// </summary>
    /// <param name="decode">Fills in a plan's <paramref name="terms"/> from its record (null until then).</param>
    private static (Dictionary<int, int> Df, HashSet<int>? Changed, HashSet<ulong>? Before) Frequencies(AnalysisMemo memo, ulong optionsKey,
        ulong?[] keys, int[][] terms, Action<int> decode, int plans)
    {
        if (keys.All(k => k is not null) && ReadCorpus(memo.Peek(MemoSection.PeerCorpus, optionsKey)) is { } corpus)
        {
            var current = keys.Select(k => k!.Value).ToHashSet();
            var before = corpus.Plans.ToHashSet();
            var gone = corpus.Plans.Where(k => !current.Contains(k)).Select(k => Read(memo.Peek(MemoSection.PeerProfile, k))).ToList();
            if (gone.All(g => g is not null))
            {
                var df = new Dictionary<int, int>(corpus.Terms.Length);
                for (var t = 0; t < corpus.Terms.Length; t++) df[corpus.Terms[t]] = corpus.Df[t];
                // Only the bigrams whose frequency moved: an edited plan is gone and new at once, and most of its bigrams stay.
                var delta = new Dictionary<int, int>();
                foreach (var record in gone)
                    foreach (var term in record!.Decoded().Terms) CollectionsMarshal.GetValueRefOrAddDefault(delta, term, out _)--;
                for (var p = 0; p < keys.Length; p++)
                    if (!before.Contains(keys[p]!.Value))
                    {
                        decode(p);
                        foreach (var term in terms[p]) CollectionsMarshal.GetValueRefOrAddDefault(delta, term, out _)++;
                    }
                var changed = new HashSet<int>();
                var consistent = true;
                foreach (var (term, change) in delta)
                {
                    if (change == 0) continue;
                    ref var n = ref CollectionsMarshal.GetValueRefOrAddDefault(df, term, out _);
                    var was = n;
                    n += change;
                    if (n < 0) consistent = false;
                    // A bigram left out of every profile before and after (in one plan, in all, or in too many) moves none.
                    if (!(TextProfiles.LeftOut(was, plans) && TextProfiles.LeftOut(n, plans))) changed.Add(term);
                }
                if (consistent) return (df, corpus.PlanCount == plans ? changed : null, before);
            }
        }
        var counted = new Dictionary<int, int>();
        for (var p = 0; p < terms.Length; p++)
        {
            decode(p);
            foreach (var term in terms[p]) CollectionsMarshal.GetValueRefOrAddDefault(counted, term, out _)++;
        }
        return (counted, null, null);
    }

    private static byte[] Write(int[] terms, int[] counts, (int Term, double Weight)[] profile) => MemoWriting.Record(writer =>
    {
        MemoTerms.Write(writer, terms, [counts]);
        writer.Write(profile.Length);
        foreach (var (term, weight) in profile)
        {
            writer.Write(term);
            writer.Write(weight);
        }
    });

    private sealed record Parsed(int TermsEnd, (int Term, double Weight)[] Profile);

    private static PlanRecord? Read(ReadOnlyMemory<byte>? bytes) =>
        MemoReader.Record(bytes, static (ref MemoReader reader, int _) =>
        {
            var terms = MemoTerms.Skip(ref reader, 1);
            var end = reader.Position;
            var n = reader.Int32();
            if (n < 0 || n > terms) return null;
            var profile = new (int, double)[n];
            for (var i = 0; i < n; i++) profile[i] = (reader.Int32(), reader.Double());
            return new Parsed(end, profile);
        }) is { } parsed ? new PlanRecord(bytes!.Value[..parsed.TermsEnd], parsed.Profile) : null;

    private sealed record CorpusRecord(ulong[] Plans, int PlanCount, int[] Terms, int[] Df);

    private static byte[] WriteCorpus(ulong[] plans, int planCount, Dictionary<int, int> df)
    {
        var terms = df.Where(d => d.Value > 0).Select(d => d.Key).Order().ToArray();
        return MemoWriting.Record(writer =>
        {
            writer.WriteArray(plans);
            writer.Write(planCount);
            MemoTerms.Write(writer, terms, [terms.Select(t => df[t]).ToArray()]);
        });
    }

    private static CorpusRecord? ReadCorpus(ReadOnlyMemory<byte>? bytes) => MemoReader.Record(bytes, static (ref MemoReader reader, int _) =>
    {
        var plans = reader.UInt64s();
        var planCount = reader.Int32();
        var (terms, df) = MemoTerms.Read(ref reader, 1);
        return new CorpusRecord(plans, planCount, terms, df[0]);
    });
}
