using System.Runtime.InteropServices;
using PlanAtlas.Model;

namespace PlanAtlas.Analyze.Reuse;

/// <summary>
/// The item vectors of <see cref="SimilarItems"/> with the memo of the last build. An item's vector depends on its
/// own bigrams, the number of items, and the frequencies (in items, in plans) of its own bigrams, and only of those
/// that can be kept (in at most the posting cap of items). The memo keeps each plan's bigrams (with the number of its
/// items having each) and its items' vectors, and the corpus' frequencies, which change by the plans gone and the
/// plans new. A plan's vectors are taken while none of its bigrams changed in a way that matters, and weighed for the
/// number of items now (a record holds which bigrams each item keeps, not their weights, so it stays good when items
/// are added elsewhere); every other plan's are made again, so the vectors are exactly those computed from scratch.
/// </summary>
internal sealed class RememberedSimilarItems(SimilarItems similar, AnalysisMemo memo, int termsPerItem)
{
    /// <param name="Bigrams">The plan's bigrams and the number of its items having each, as the record has them (<see cref="MemoTerms"/>): most plans' are only searched.</param>
    /// <param name="Terms">The bigrams each item's vector keeps.</param>
    private sealed record PlanRecord(int Items, ReadOnlyMemory<byte> Bigrams, int[][] Terms)
    {
        public (int[] Bigrams, int[] Counts) Decoded()
        {
            var reader = new MemoReader(Bigrams.Span);
            var (bigrams, counts) = MemoTerms.Read(ref reader, 1);
            return (bigrams, counts[0]);
        }
    }

    private sealed record CorpusRecord(ulong[] Plans, int Items, int[] Bigrams, int[] InItems, int[] InPlans);

    private readonly ulong _optionsKey = ContentHash.Key($"similar-items|{termsPerItem}");

    public (int Term, float Weight)[][] Vectors(List<Plan> plans, (int Plan, string Text)[] entries, int maxDf)
    {
        var keys = AnalysisMemo.PlanKeys(plans, _optionsKey);
        // Entries come plan by plan: each plan's items are one run.
        var start = new int[plans.Count + 1];
        foreach (var e in entries) start[e.Plan + 1]++;
        for (var p = 0; p < plans.Count; p++) start[p + 1] += start[p];

        var records = new PlanRecord?[plans.Count];
        var bigrams = new int[plans.Count][];
        var counts = new int[plans.Count][];
        Parallel.For(0, plans.Count, p =>
        {
            var items = start[p + 1] - start[p];
            // A remembered plan's bigrams are decoded when they are needed, not for every plan.
            if (keys[p] is { } key && Read(memo.Get(MemoSection.SimilarPlan, key)) is { } record && record.Items == items)
            {
                records[p] = record;
                return;
            }
            var tally = new Dictionary<int, int>();
            for (var i = start[p]; i < start[p + 1]; i++)
                foreach (var b in SimilarItems.Bigrams(entries[i].Text)) CollectionsMarshal.GetValueRefOrAddDefault(tally, b, out _)++;
            bigrams[p] = [.. tally.Keys.Order()];
            counts[p] = bigrams[p].Select(b => tally[b]).ToArray();
        });

        void Decode(int p)
        {
            if (bigrams[p] is null) (bigrams[p], counts[p]) = records[p]!.Decoded();
        }
        var (inItems, inPlans, changedSet, before) = Frequencies(keys, bigrams, counts, Decode, entries.Length, maxDf);
        var changed = changedSet?.Order().ToArray();
        var vectors = new (int Term, float Weight)[entries.Length][];
        Parallel.For(0, plans.Count, p =>
        {
            if (changed is not null && records[p] is { } record && before!.Contains(keys[p]!.Value)
                && !MemoTerms.ContainsAny(record.Bigrams.Span, 1, changed))
            {
                // Another number of items moves every weight but not which bigrams an item keeps (they rank by frequency).
                var whole = true;
                for (var i = 0; i < record.Terms.Length && whole; i++)
                    whole = (vectors[start[p] + i] = Weighed(record.Terms[i], inItems, entries.Length)!) is not null;
                if (whole) return;
            }
            for (var i = start[p]; i < start[p + 1]; i++)
                vectors[i] = similar.Vector(SimilarItems.Bigrams(entries[i].Text), inItems, inPlans, entries.Length, maxDf);
            if (keys[p] is not { } key) return;
            Decode(p);
            memo.Put(MemoSection.SimilarPlan, key, Write(start[p + 1] - start[p], bigrams[p], counts[p],
                vectors[start[p]..start[p + 1]].Select(v => v.Select(w => w.Term).ToArray()).ToArray()));
        });
        if (keys.All(k => k is not null))
            memo.Put(MemoSection.SimilarCorpus, _optionsKey, WriteCorpus(keys.Select(k => k!.Value).Order().ToArray(), entries.Length, inItems, inPlans));
        return vectors;
    }

    /// <summary>
    /// The vector of these bigrams (strongest first) for <paramref name="entries"/> items, in the same order and with the
    /// same arithmetic as <see cref="SimilarItems.Vector"/>, so the values are the ones it would give.
    /// </summary>
    /// <returns>Null when a bigram is not counted (a damaged record).</returns>
    private (int Term, float Weight)[]? Weighed(int[] terms, Dictionary<int, int> inItems, int entries)
    {
        if (terms.Length == 0) return [];
        if (terms.Length > termsPerItem) return null;
        Span<double> weights = stackalloc double[terms.Length];
        var sum = 0.0;
        for (var i = 0; i < terms.Length; i++)
        {
            if (inItems.GetValueOrDefault(terms[i]) is not (> 0 and var count)) return null;
            weights[i] = Math.Log((double)entries / count);
            sum += weights[i] * weights[i];
        }
        var norm = Math.Sqrt(sum);
        var vector = new (int Term, float Weight)[terms.Length];
        for (var i = 0; i < terms.Length; i++) vector[i] = (terms[i], (float)(weights[i] / norm));
        return vector;
    }

    /// <summary>
    /// Items and plans having each bigram, brought up to date from the last build's counts when it left them, with
    /// the bigrams whose change can move a vector; else counted (and changed is null: every vector is made again).
    /// </summary>
    /// <param name="decode">Fills in a plan's <paramref name="bigrams"/> and <paramref name="counts"/> from its record (null until then).</param>
    private (Dictionary<int, int> InItems, Dictionary<int, int> InPlans, HashSet<int>? Changed, HashSet<ulong>? Before) Frequencies(
        ulong?[] keys, int[][] bigrams, int[][] counts, Action<int> decode, int items, int maxDf)
    {
        if (keys.All(k => k is not null) && ReadCorpus(memo.Peek(MemoSection.SimilarCorpus, _optionsKey)) is { } corpus)
        {
            var current = keys.Select(k => k!.Value).ToHashSet();
            var before = corpus.Plans.ToHashSet();
            var gone = corpus.Plans.Where(k => !current.Contains(k)).Select(k => Read(memo.Peek(MemoSection.SimilarPlan, k))).ToList();
            if (gone.All(g => g is not null))
            {
                var inItems = new Dictionary<int, int>(corpus.Bigrams.Length);
                var inPlans = new Dictionary<int, int>(corpus.Bigrams.Length);
                for (var b = 0; b < corpus.Bigrams.Length; b++) (inItems[corpus.Bigrams[b]], inPlans[corpus.Bigrams[b]]) = (corpus.InItems[b], corpus.InPlans[b]);
                var delta = new Dictionary<int, (int Items, int Plans)>();
                foreach (var record in gone)
                {
                    var (goneBigrams, goneCounts) = record!.Decoded();
                    for (var b = 0; b < goneBigrams.Length; b++)
                    {
                        ref var d = ref CollectionsMarshal.GetValueRefOrAddDefault(delta, goneBigrams[b], out _);
                        d = (d.Items - goneCounts[b], d.Plans - 1);
                    }
                }
                for (var p = 0; p < keys.Length; p++)
                    if (!before.Contains(keys[p]!.Value))
                    {
                        decode(p);
                        for (var b = 0; b < bigrams[p].Length; b++)
                        {
                            ref var d = ref CollectionsMarshal.GetValueRefOrAddDefault(delta, bigrams[p][b], out _);
                            d = (d.Items + counts[p][b], d.Plans + 1);
                        }
                    }
                var changed = new HashSet<int>();
                var consistent = true;
                foreach (var (bigram, (dItems, dPlans)) in delta)
                {
                    if (dItems == 0 && dPlans == 0) continue;
                    var (oldItems, oldPlans) = (inItems.GetValueOrDefault(bigram), inPlans.GetValueOrDefault(bigram));
                    var (newItems, newPlans) = (oldItems + dItems, oldPlans + dPlans);
                    if (newItems < 0 || newPlans < 0) consistent = false;
                    (inItems[bigram], inPlans[bigram]) = (newItems, newPlans);
                    // A bigram in more items than the cap, before and after, is left out of every vector either way.
                    if (Math.Min(oldItems, newItems) <= maxDf) changed.Add(bigram);
                }
                // The cap on a bigram's items decides which bigrams count: with another cap, every vector is made again.
                if (consistent) return (inItems, inPlans, SimilarItems.MaxDf(corpus.Items) == maxDf ? changed : null, before);
            }
        }
        var countedItems = new Dictionary<int, int>();
        var countedPlans = new Dictionary<int, int>();
        for (var p = 0; p < bigrams.Length; p++)
        {
            decode(p);
            for (var b = 0; b < bigrams[p].Length; b++)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(countedItems, bigrams[p][b], out _) += counts[p][b];
                CollectionsMarshal.GetValueRefOrAddDefault(countedPlans, bigrams[p][b], out _)++;
            }
        }
        return (countedItems, countedPlans, null, null);
    }

    private static byte[] Write(int items, int[] bigrams, int[] counts, int[][] itemTerms) => MemoWriting.Record(writer =>
    {
        writer.Write(items);
        MemoTerms.Write(writer, bigrams, [counts]);
        foreach (var terms in itemTerms)
        {
            writer.Write(terms.Length);
            foreach (var term in terms) writer.Write(term);
        }
    });

    private sealed record Parsed(int Items, int BigramsStart, int BigramsEnd, int[][] Terms);

    private static PlanRecord? Read(ReadOnlyMemory<byte>? bytes) =>
        MemoReader.Record(bytes, ReadParsed) is { } parsed ? new PlanRecord(parsed.Items, bytes!.Value[parsed.BigramsStart..parsed.BigramsEnd], parsed.Terms) : null;

    private static Parsed? ReadParsed(ref MemoReader reader, int length)
    {
        var items = reader.Int32();
        if (items < 0 || items > length) return null;
        var bigramsStart = reader.Position;
        MemoTerms.Skip(ref reader, 1);
        var bigramsEnd = reader.Position;
        var terms = new int[items][];
        for (var i = 0; i < items; i++)
        {
            var n = reader.Int32();
            if (n < 0 || n > length) return null;
            terms[i] = new int[n];
            for (var j = 0; j < n; j++) terms[i][j] = reader.Int32();
        }
        return new Parsed(items, bigramsStart, bigramsEnd, terms);
    }

    private static byte[] WriteCorpus(ulong[] plans, int items, Dictionary<int, int> inItems, Dictionary<int, int> inPlans)
    {
        var bigrams = inPlans.Where(d => d.Value > 0).Select(d => d.Key).Order().ToArray();
        return MemoWriting.Record(writer =>
        {
            writer.WriteArray(plans);
            writer.Write(items);
            MemoTerms.Write(writer, bigrams, [bigrams.Select(b => inItems[b]).ToArray(), bigrams.Select(b => inPlans[b]).ToArray()]);
        });
    }

    private static CorpusRecord? ReadCorpus(ReadOnlyMemory<byte>? bytes) => MemoReader.Record(bytes, static (ref MemoReader reader, int _) =>
    {
        var plans = reader.UInt64s();
        var items = reader.Int32();
        var (bigrams, counts) = MemoTerms.Read(ref reader, 2);
        return new CorpusRecord(plans, items, bigrams, counts[0], counts[1]);
    });
}
