using PlanAtlas.Model;

namespace PlanAtlas.Analyze.Reuse;

/// <summary>
/// The LSH pairing (<see cref="LshIndex.Choose"/>) with the memo of the last build. A passage's choice reads nothing
/// but its own buckets, so only the passages of a bucket that some passage joined or left since (those of new, edited
/// and gone plans, and of plans whose band keys moved with the boilerplate) are walked again; every other passage
/// takes its remembered choice. Choices are remembered by item identity (the plan's key and the item's place in it):
/// item numbers shift when plans come and go, the identity and the time order of two unchanged items do not.
/// </summary>
internal sealed class RememberedChoices(AnalysisMemo memo, ulong optionsKey)
{
    // Plans whose record of the last build is kept as it is (none walked again).
    private bool[]? _kept;

    /// <summary>Passages walked in the last call (all of them without a usable memo), for tests.</summary>
    public int Walked { get; private set; }

    /// <param name="plans">Each plan (as the detector orders them): its key (null: none), its first passage and how many it has.</param>
    /// <param name="items">Each plan's items (entry numbers) in item order.</param>
    /// <param name="orderOf">Each entry's place in its plan.</param>
    /// <param name="planOf">Each entry's plan.</param>
    /// <param name="before">The reuse record of the last build for a plan key (its band keys); null: none.</param>
    public LshChoices Choose(LshIndex index, LshPairing pairing, (ulong? Key, int First, int Count)[] plans, List<int>[] items,
        int[] planOf, int[] orderOf, Func<ulong, ReusePlanMemo?> before)
    {
        var bands = index.Bands;
        var owners = index.Owners;
        if (plans.Any(p => p.Key is null))
        {
            Walked = index.Count;
            return index.Choose(pairing);
        }
        var prints = new ulong[plans.Length];
        Parallel.For(0, plans.Length, p =>
            prints[p] = Print(plans[p].Count, q => orderOf[owners[plans[p].First + q]], (q, b) => index.KeyOf(plans[p].First + q, b), bands));

        var choices = Again(index, pairing, plans, items, planOf, orderOf, prints, before);
        if (choices is null)
        {
            (Walked, _kept) = (index.Count, null);
            choices = index.Choose(pairing);
        }
        Remember(choices, plans, planOf, orderOf, prints, owners);
        return choices;
    }

    private LshChoices? Again(LshIndex index, LshPairing pairing, (ulong? Key, int First, int Count)[] plans, List<int>[] items,
        int[] planOf, int[] orderOf, ulong[] prints, Func<ulong, ReusePlanMemo?> before)
    {
        var bands = index.Bands;
        if (ReadCorpus(memo.Peek(MemoSection.ReuseChoicesCorpus, optionsKey)) is not { } corpus) return null;
        var printBefore = new Dictionary<ulong, ulong>(corpus.Plans.Length);
        foreach (var (key, print) in corpus.Plans) printBefore[key] = print;

        var changed = Enumerable.Range(0, bands).Select(_ => new HashSet<uint>()).ToArray();
        var records = new PlanRecord?[plans.Length];
        var same = new HashSet<ulong>();
        for (var p = 0; p < plans.Length; p++)
        {
            var (key, first, count) = (plans[p].Key!.Value, plans[p].First, plans[p].Count);
            if (printBefore.TryGetValue(key, out var print) && print == prints[p]
                && ReadPlan(memo.Get(MemoSection.ReuseChoices, Hash64.Combine(key, print))) is { } record && record.Proposed.Length == count)
            {
                records[p] = record;
                same.Add(key);
                continue;
            }
            for (var q = first; q < first + count; q++)
                for (var b = 0; b < bands; b++) changed[b].Add(index.KeyOf(q, b));
        }
        // The passages of plans gone or changed left their buckets.
        foreach (var (key, print) in corpus.Plans)
        {
            if (same.Contains(key)) continue;
            if (before(key) is not { } gone || Print(gone, bands) != print) return null;
            for (var k = 0; k < gone.Keys.Length; k++) changed[k % bands].Add(gone.Keys[k]);
        }

        var walk = index.Touching(changed);
        var choices = index.ChooseAgain(pairing, walk, changed, corpus.Sizes);
        if (choices is null) return null;
        Walked = walk.Count(w => w);
        _kept = records.Select((r, p) => r is not null && !walk.AsSpan(plans[p].First, plans[p].Count).Contains(true)).ToArray();

        var planIndex = new Dictionary<ulong, int>(plans.Length);
        for (var p = 0; p < plans.Length; p++) planIndex[plans[p].Key!.Value] = p;
        var per = choices.PerPassage;
        for (var p = 0; p < plans.Length; p++)
        {
            if (records[p] is not { } record) continue;
            for (var j = 0; j < plans[p].Count; j++)
            {
                var q = plans[p].First + j;
                if (walk[q]) continue;
                choices.Proposed[q] = record.Proposed[j];
                var chosen = record.Chosen[j];
                if (chosen.Length > per) return null;
                for (var k = 0; k < chosen.Length; k++)
                {
                    // Every item a passage outside the changed buckets chose is of an unchanged plan, at the same place.
                    var (planKey, order) = (record.Plans[chosen[k].Plan], chosen[k].Order);
                    if (!planIndex.TryGetValue(planKey, out var other) || order >= items[other].Count) return null;
                    choices.Chosen[q * per + k] = items[other][order];
                }
            }
        }
        return choices;
    }

    /// <summary>What the choices rest on besides the plan's key: each passage's item and band keys.</summary>
    private static ulong Print(int passages, Func<int, int> orderOf, Func<int, int, uint> keyOf, int bands)
    {
        var print = (ulong)passages;
        for (var q = 0; q < passages; q++)
        {
            print = Hash64.Combine(print, (ulong)orderOf(q));
            for (var b = 0; b < bands; b++) print = Hash64.Combine(print, keyOf(q, b));
        }
        return print;
    }

    /// <summary>The print of a plan as <see cref="ReusePlanMemo"/> keeps its keys (items in order, each with its passages' keys).</summary>
    public static ulong Print(ReusePlanMemo record, int bands)
    {
        var orders = new List<int>();
        for (var i = 0; i < record.KeysPerItem.Length; i++)
            for (var k = 0; k < record.KeysPerItem[i] / bands; k++) orders.Add(i);
        return Print(orders.Count, q => orders[q], (q, b) => record.Keys[q * bands + b], bands);
    }

    private void Remember(LshChoices choices, (ulong? Key, int First, int Count)[] plans, int[] planOf, int[] orderOf, ulong[] prints, IReadOnlyList<int> owners)
    {
        var per = choices.PerPassage;
        Parallel.For(0, plans.Length, p =>
        {
            if (_kept?[p] == true) return;
            var (first, count) = (plans[p].First, plans[p].Count);
            var table = new List<ulong>();
            var at = new Dictionary<ulong, int>();
            using var stream = new MemoryStream();
            using (var writer = new BinaryWriter(stream))
            {
                writer.Write(count);
                for (var q = first; q < first + count; q++)
                {
                    writer.WriteVar((uint)choices.Proposed[q]);
                    var n = 0;
                    while (n < per && choices.Chosen[q * per + n] >= 0) n++;
                    writer.WriteVar((uint)n);
                    for (var k = 0; k < n; k++)
                    {
                        var item = choices.Chosen[q * per + k];
                        var key = plans[planOf[item]].Key!.Value;
                        if (!at.TryGetValue(key, out var slot))
                        {
                            (at[key], slot) = (table.Count, table.Count);
                            table.Add(key);
                        }
                        writer.WriteVar((uint)slot);
                        writer.WriteVar((uint)orderOf[item]);
                    }
                }
                writer.WriteArray(table.ToArray());
            }
            memo.Put(MemoSection.ReuseChoices, Hash64.Combine(plans[p].Key!.Value, prints[p]), stream.ToArray());
        });
        using var corpus = new MemoryStream();
        using (var writer = new BinaryWriter(corpus))
        {
            var sorted = plans.Select((p, i) => (Key: p.Key!.Value, Print: prints[i])).OrderBy(p => p.Key).ToArray();
            writer.Write(sorted.Length);
            foreach (var (key, print) in sorted)
            {
                writer.Write(key);
                writer.Write(print);
            }
            choices.Sizes.Write(writer);
        }
        memo.Put(MemoSection.ReuseChoicesCorpus, optionsKey, corpus.ToArray());
    }

    private sealed record PlanRecord(int[] Proposed, (int Plan, int Order)[][] Chosen, ulong[] Plans);

    private sealed record CorpusRecord((ulong Key, ulong Print)[] Plans, LshBucketSizes Sizes);

    private static PlanRecord? ReadPlan(ReadOnlyMemory<byte>? bytes)
    {
        if (bytes is not { } memo) return null;
        try
        {
            var reader = new MemoReader(memo.Span);
            var count = reader.Int32();
            if (count < 0 || count > memo.Length) return null;
            var proposed = new int[count];
            var chosen = new (int, int)[count][];
            var tableSize = 0;
            for (var q = 0; q < count; q++)
            {
                proposed[q] = (int)reader.VarUInt32();
                var n = (int)reader.VarUInt32();
                if (n > memo.Length) return null;
                chosen[q] = new (int, int)[n];
                for (var k = 0; k < n; k++)
                {
                    chosen[q][k] = ((int)reader.VarUInt32(), (int)reader.VarUInt32());
                    tableSize = Math.Max(tableSize, chosen[q][k].Item1 + 1);
                }
            }
            var plans = reader.UInt64s();
            return reader.AtEnd && plans.Length >= tableSize ? new PlanRecord(proposed, chosen, plans) : null;
        }
        catch (Exception e) when (e is InvalidDataException or OverflowException) { return null; }
    }

    private static CorpusRecord? ReadCorpus(ReadOnlyMemory<byte>? bytes)
    {
        if (bytes is not { } memo) return null;
        try
        {
            var reader = new MemoReader(memo.Span);
            var n = reader.Int32();
            if (n < 0 || n > memo.Length / 16) return null;
            var plans = new (ulong, ulong)[n];
            for (var i = 0; i < n; i++) plans[i] = (reader.UInt64(), reader.UInt64());
            var sizes = LshBucketSizes.Read(ref reader);
            return reader.AtEnd ? new CorpusRecord(plans, sizes) : null;
        }
        catch (Exception e) when (e is InvalidDataException or OverflowException) { return null; }
    }
}
