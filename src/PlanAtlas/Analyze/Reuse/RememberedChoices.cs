using PlanAtlas.Model;

namespace PlanAtlas.Analyze.Reuse;

/// <summary>
/// The LSH pairing (<see cref="LshIndex.Choose"/>) with the memo of the last build. A passage's choice reads nothing
/// but its own buckets, so only the passages of new and edited plans (and of plans whose band keys moved with the
/// boilerplate) are walked again, and those of a bucket some passage joined or left since whose pairing in it reads a
/// changed stretch of the bucket; every other passage takes its remembered choice. Choices are remembered by item identity (the plan's key and the item's place in it):
/// item numbers shift when plans come and go, the identity and the time order of two unchanged items do not.
/// </summary>
internal sealed class RememberedChoices(AnalysisMemo memo, ulong optionsKey)
{
    // Plans whose record of the last build is kept as it is (none walked again).
    private bool[]? _kept;

    /// <summary>Passages walked in the last call (all of them without a usable memo), for tests.</summary>
    public int Walked { get; private set; }

    /// <param name="plans">
    /// Each plan (as the detector orders them): its key (null: none), its first passage and how many it has, and its place
    /// in time (year, int.MaxValue for none; id).
    /// </param>
    /// <param name="items">Each plan's items (entry numbers) in item order.</param>
    /// <param name="orderOf">Each entry's place in its plan.</param>
    /// <param name="planOf">Each entry's plan.</param>
    /// <param name="before">The reuse record of the last build for a plan key (its band keys); null: none.</param>
    public LshChoices Choose(LshIndex index, LshPairing pairing, (ulong? Key, int First, int Count, int Year, string Id)[] plans, List<int>[] items,
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

    private LshChoices? Again(LshIndex index, LshPairing pairing, (ulong? Key, int First, int Count, int Year, string Id)[] plans, List<int>[] items,
        int[] planOf, int[] orderOf, ulong[] prints, Func<ulong, ReusePlanMemo?> before)
    {
        var bands = index.Bands;
        if (ReadCorpus(memo.Peek(MemoSection.ReuseChoicesCorpus, optionsKey)) is not { } corpus) return null;
        var printBefore = new Dictionary<ulong, ulong>(corpus.Plans.Length);
        foreach (var plan in corpus.Plans) printBefore[plan.Key] = plan.Print;

        var changed = Enumerable.Range(0, bands).Select(_ => new HashSet<uint>()).ToArray();
        var records = new PlanRecord?[plans.Length];
        var same = new HashSet<ulong>();
        for (var p = 0; p < plans.Length; p++)
        {
            var (key, first, count) = (plans[p].Key!.Value, plans[p].First, plans[p].Count);
            if (printBefore.TryGetValue(key, out var print) && print == prints[p]
                && ReadPlan(memo.Get(MemoSection.ReuseChoices, ContentHash.Combine(key, print))) is { } record && record.Proposed.Length == count)
            {
                records[p] = record;
                same.Add(key);
                continue;
            }
            for (var q = first; q < first + count; q++)
                for (var b = 0; b < bands; b++) changed[b].Add(index.KeyOf(q, b));
        }
        // The passages of plans gone or changed left their buckets.
        var gone = new List<(GonePlan Plan, ReusePlanMemo Record)>();
        foreach (var plan in corpus.Plans)
        {
            if (same.Contains(plan.Key)) continue;
            if (before(plan.Key) is not { } record || Print(record, bands) != plan.Print) return null;
            for (var k = 0; k < record.Keys.Length; k++) changed[k % bands].Add(record.Keys[k]);
            gone.Add((plan, record));
        }

        var members = index.Members(changed);
        var walk = Walk(index, pairing, plans, records, planOf, orderOf, changed, gone, members);
        var choices = index.ChooseAgain(pairing, walk, changed, corpus.Sizes, members);
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
                    // A passage not walked again proposes the same items as before: each is still there, at the same place.
                    var (planKey, order) = (record.Plans[chosen[k].Plan], chosen[k].Order);
                    if (!planIndex.TryGetValue(planKey, out var other) || order >= items[other].Count) return null;
                    choices.Chosen[q * per + k] = items[other][order];
                }
            }
        }
        return choices;
    }

    /// <summary>
    /// The passages to walk again: those of plans not remembered, and those of a changed bucket whose pairing in it
    /// differs between the bucket as it was (its unchanged passages and those gone, in time order) and as it is. Any
    /// other passage proposes the same items in every bucket, so its remembered choice stands.
    /// </summary>
    private static bool[] Walk(LshIndex index, LshPairing pairing, (ulong? Key, int First, int Count, int Year, string Id)[] plans,
        PlanRecord?[] records, int[] planOf, int[] orderOf, HashSet<uint>[] changed, List<(GonePlan Plan, ReusePlanMemo Record)> gone,
        Dictionary<uint, List<int>>[] members)
    {
        var bands = index.Bands;
        var owners = index.Owners;
        var walk = new bool[index.Count];
        for (var p = 0; p < plans.Length; p++)
            if (records[p] is null) walk.AsSpan(plans[p].First, plans[p].Count).Fill(true);

        // The passages gone from each changed bucket, with their place in time and their item.
        var left = Enumerable.Range(0, bands).Select(_ => new Dictionary<uint, List<(TimeKey Time, Identity Item)>>()).ToArray();
        foreach (var (plan, record) in gone)
            for (int item = 0, at = 0; item < record.KeysPerItem.Length; item++)
                for (var seq = 0; seq < record.KeysPerItem[item] / bands; seq++, at++)
                    for (var b = 0; b < bands; b++)
                    {
                        var key = record.Keys[at * bands + b];
                        if (!left[b].TryGetValue(key, out var list)) left[b][key] = list = [];
                        list.Add((new TimeKey(plan.Year, plan.Id, item, seq), new Identity(plan.Key, item)));
                    }

        // A passage's place in its item (its item's passages are next to each other).
        int Seq(int q)
        {
            var seq = 0;
            while (q - seq - 1 >= 0 && owners[q - seq - 1] == owners[q]) seq++;
            return seq;
        }
        Identity Of(int q) => new(plans[planOf[owners[q]]].Key!.Value, orderOf[owners[q]]);
        TimeKey TimeOf(int q)
        {
            var plan = plans[planOf[owners[q]]];
            return new TimeKey(plan.Year, plan.Id, orderOf[owners[q]], Seq(q));
        }

        var marks = new List<int>[bands];
        Parallel.For(0, bands, b =>
        {
            var marked = marks[b] = [];
            Span<Identity> now = stackalloc Identity[pairing.Earliest + pairing.Previous];
            Span<Identity> then = stackalloc Identity[pairing.Earliest + pairing.Previous];
            foreach (var (key, current) in members[b])
            {
                var gonePassages = left[b].TryGetValue(key, out var g) ? g : [];
                gonePassages.Sort((x, y) => x.Time.CompareTo(y.Time));
                // Where each gone passage stood: before the first unchanged passage later in time (a binary search).
                var goneAt = new int[gonePassages.Count];
                for (var k = 0; k < gonePassages.Count; k++)
                {
                    var (lo, hi) = (k == 0 ? 0 : goneAt[k - 1], current.Count);
                    while (lo < hi)
                    {
                        var mid = (lo + hi) / 2;
                        if (TimeOf(current[mid]).CompareTo(gonePassages[k].Time) < 0) lo = mid + 1;
                        else hi = mid;
                    }
                    goneAt[k] = lo;
                }
                var firstChange = goneAt.Length > 0 ? goneAt[0] : current.Count;
                for (var i = 0; i < firstChange; i++)
                    if (walk[current[i]]) firstChange = i;
                if (firstChange == current.Count) continue;
                // The bucket as it was: its unchanged passages with the gone ones put back. A passage before the first
                // change reads the same passages in both.
                var nowIds = new Identity[current.Count];
                var was = new List<Identity>(current.Count + gonePassages.Count);
                var wasAt = new int[current.Count];
                var next = 0;
                for (var i = 0; i < current.Count; i++)
                {
                    nowIds[i] = Of(current[i]);
                    while (next < goneAt.Length && goneAt[next] == i) was.Add(gonePassages[next++].Item);
                    if (walk[current[i]]) continue;
                    wasAt[i] = was.Count;
                    was.Add(nowIds[i]);
                }
                for (var i = firstChange; i < current.Count; i++)
                {
                    if (walk[current[i]]) continue;
                    var n = Chosen(nowIds, i, pairing, now);
                    var m = Chosen(was, wasAt[i], pairing, then);
                    if (n != m || !now[..n].SequenceEqual(then[..m])) marked.Add(current[i]);
                }
            }
        });
        foreach (var marked in marks)
            foreach (var q in marked) walk[q] = true;
        return walk;
    }

    /// <summary>The items a passage at <paramref name="at"/> of a bucket proposes in it, as <see cref="LshIndex"/> chooses them.</summary>
    private static int Chosen(IReadOnlyList<Identity> bucket, int at, LshPairing pairing, Span<Identity> chosen)
    {
        var later = bucket[at];
        var count = 0;
        void Choose(Identity item, Span<Identity> chosen)
        {
            if (item == later || chosen[..count].Contains(item)) return;
            chosen[count++] = item;
        }
        for (var j = 0; j < at && count < pairing.Earliest; j++) Choose(bucket[j], chosen);
        var wanted = count + pairing.Previous;
        for (var j = at - 1; j >= 0 && count < wanted && j >= at - 4 * (pairing.Previous + 1); j--) Choose(bucket[j], chosen);
        return count;
    }

    /// <summary>An item by its plan's key and its place in the plan.</summary>
    private readonly record struct Identity(ulong Plan, int Order);

    /// <summary>A passage's place in time, as the detector orders items: year, plan id, place in the plan, place in the item.</summary>
    private readonly record struct TimeKey(int Year, string Plan, int Order, int Seq) : IComparable<TimeKey>
    {
        public int CompareTo(TimeKey other) =>
            Year != other.Year ? Year.CompareTo(other.Year)
            : string.CompareOrdinal(Plan, other.Plan) is var byPlan and not 0 ? byPlan
            : Order != other.Order ? Order.CompareTo(other.Order) : Seq.CompareTo(other.Seq);
    }

    /// <summary>What the choices rest on besides the plan's key: each passage's item and band keys.</summary>
    private static ulong Print(int passages, Func<int, int> orderOf, Func<int, int, uint> keyOf, int bands)
    {
        var print = (ulong)passages;
        for (var q = 0; q < passages; q++)
        {
            print = ContentHash.Combine(print, (ulong)orderOf(q));
            for (var b = 0; b < bands; b++) print = ContentHash.Combine(print, keyOf(q, b));
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

    private void Remember(LshChoices choices, (ulong? Key, int First, int Count, int Year, string Id)[] plans, int[] planOf, int[] orderOf, ulong[] prints, IReadOnlyList<int> owners)
    {
        var per = choices.PerPassage;
        Parallel.For(0, plans.Length, p =>
        {
            if (_kept?[p] == true) return;
            var (first, count) = (plans[p].First, plans[p].Count);
            var table = new List<ulong>();
            var at = new Dictionary<ulong, int>();
            var record = MemoWriting.Record(writer =>
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
            });
            memo.Put(MemoSection.ReuseChoices, ContentHash.Combine(plans[p].Key!.Value, prints[p]), record);
        });
        var corpus = MemoWriting.Record(writer =>
        {
            var sorted = plans.Select((p, i) => (Key: p.Key!.Value, Print: prints[i], p.Year, p.Id)).OrderBy(p => p.Key).ToArray();
            writer.Write(sorted.Length);
            foreach (var (key, print, year, id) in sorted)
            {
                writer.Write(key);
                writer.Write(print);
                writer.Write(year);
                var bytes = System.Text.Encoding.UTF8.GetBytes(id);
                writer.Write(bytes.Length);
                writer.Write(bytes);
            }
            choices.Sizes.Write(writer);
        });
        memo.Put(MemoSection.ReuseChoicesCorpus, optionsKey, corpus);
    }

    private sealed record PlanRecord(int[] Proposed, (int Plan, int Order)[][] Chosen, ulong[] Plans);

    private sealed record GonePlan(ulong Key, ulong Print, int Year, string Id);

    private sealed record CorpusRecord(GonePlan[] Plans, LshBucketSizes Sizes);

    private static PlanRecord? ReadPlan(ReadOnlyMemory<byte>? bytes) => MemoReader.Record(bytes, static (ref MemoReader reader, int length) =>
    {
        var count = reader.Int32();
        if (count < 0 || count > length) return null;
        var proposed = new int[count];
        var chosen = new (int, int)[count][];
        var tableSize = 0;
        for (var q = 0; q < count; q++)
        {
            proposed[q] = (int)reader.VarUInt32();
            var n = (int)reader.VarUInt32();
            if (n > length) return null;
            chosen[q] = new (int, int)[n];
            for (var k = 0; k < n; k++)
            {
                chosen[q][k] = ((int)reader.VarUInt32(), (int)reader.VarUInt32());
                tableSize = Math.Max(tableSize, chosen[q][k].Item1 + 1);
            }
        }
        var plans = reader.UInt64s();
        return plans.Length >= tableSize ? new PlanRecord(proposed, chosen, plans) : null;
    });

    private static CorpusRecord? ReadCorpus(ReadOnlyMemory<byte>? bytes) => MemoReader.Record(bytes, static (ref MemoReader reader, int length) =>
    {
        var n = reader.Int32();
        if (n < 0 || n > length / 24) return null;
        var plans = new GonePlan[n];
        for (var i = 0; i < n; i++)
        {
            var (key, print, year) = (reader.UInt64(), reader.UInt64(), reader.Int32());
            var size = reader.Int32();
            plans[i] = new GonePlan(key, print, year, System.Text.Encoding.UTF8.GetString(reader.Bytes(size)));
        }
        var sizes = LshBucketSizes.Read(ref reader);
        return new CorpusRecord(plans, sizes);
    });
}
