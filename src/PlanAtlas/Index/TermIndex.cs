namespace PlanAtlas.Index;

/// <summary>
/// Which documents hold each key (<see cref="TermKeys"/>), and how often, encoded per key
/// (<see cref="PostingEncoding"/>). The documents are cut into contiguous ranges of about equal text, keyed
/// side by side on all cores. Each range first records its (key, document) pairs as they come, in document
/// order, then sorts them by key with one counting pass: writing each posting straight into its key's own
/// growing list cost ten times as much (a cache miss and a reallocation per posting). A key's documents in one
/// range all come before those in the next, so joining the ranges key by key keeps every list in document order,
/// and the result does not depend on the number of cores.
/// </summary>
public static class TermIndex
{
    /// <summary>One key's encoded postings and the hash that places it in a shard.</summary>
    public sealed record Entry(ulong Key, uint Hash, byte[] Bytes);

    /// <param name="sizes">Each document's rough size, to cut ranges of about equal work.</param>
    /// <param name="normalizedText">Document number → its normalized text (<see cref="SearchText.Normalize"/>), asked for once, on any thread.</param>
    public static IReadOnlyList<Entry> Build(IReadOnlyList<int> sizes, Func<int, string> normalizedText, CancellationToken cancellation = default)
    {
        var documentCount = sizes.Count;
        var bounds = Ranges(sizes, 4 * Environment.ProcessorCount);
        var ranges = new RangePostings[bounds.Count];
        Parallel.For(0, bounds.Count, new ParallelOptions { CancellationToken = cancellation },
            r => ranges[r] = RangePostings.Build(bounds[r].Start, bounds[r].End, normalizedText));

        // Every (key, range, key number in that range), in key then range order: one group per key.
        var parts = ranges.SelectMany((range, r) => range.Keys.Select((key, local) => (Key: key, Range: r, Local: local))).ToArray();
        Array.Sort(parts, (a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Range.CompareTo(b.Range));
        var groups = new List<(int Start, int End)>();
        for (var i = 0; i < parts.Length;)
        {
            var j = i;
            while (j < parts.Length && parts[j].Key == parts[i].Key) j++;
            groups.Add((i, j));
            i = j;
        }

        var entries = new Entry[groups.Count];
        Parallel.For(0, Environment.ProcessorCount, new ParallelOptions { CancellationToken = cancellation }, t =>
        {
            var buffer = new MemoryStream();
            var documents = new List<int>();
            var levels = new List<byte>();
            for (var g = t; g < groups.Count; g += Environment.ProcessorCount)
            {
                documents.Clear();
                levels.Clear();
                for (var p = groups[g].Start; p < groups[g].End; p++)
                {
                    var range = ranges[parts[p].Range];
                    documents.AddRange(range.DocumentsOf(parts[p].Local));
                    levels.AddRange(range.LevelsOf(parts[p].Local));
                }
                buffer.SetLength(0);
                var key = parts[groups[g].Start].Key;
                PostingEncoding.Write(buffer, key, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(documents),
                    System.Runtime.InteropServices.CollectionsMarshal.AsSpan(levels), documentCount);
                entries[g] = new Entry(key, TermKeys.Hash(key), buffer.ToArray());
            }
        });
        return entries;
    }

    /// <summary>
    /// <see cref="Update"/> declines, and the index is built afresh, when more documents changed than one in this many
    /// (and more than <see cref="UpdateAlways"/>): past that, keying them all again costs about as much.
    /// </summary>
    public const int UpdateAtMostOneIn = 8, UpdateAlways = 8;

    /// <summary>
    /// The entries <see cref="Build"/> would give, made from <paramref name="previous"/> by keying again only the
    /// documents whose text changed (<paramref name="changed"/>, ascending): each entry that lists one of them or one
    /// of their new keys is decoded, its postings for those documents replaced, and encoded again; every other entry
    /// is the previous one. Null when the numbering moved (another document count) or too much changed.
    /// </summary>
    public static IReadOnlyList<Entry>? Update(TermSnapshot previous, int documentCount, IReadOnlyList<int> changed, Func<int, string> normalizedText)
    {
        if (previous.DocumentCount != documentCount || changed.Count > Math.Max(UpdateAlways, documentCount / UpdateAtMostOneIn)) return null;
        var isChanged = new bool[documentCount];
        foreach (var d in changed) isChanged[d] = true;

        // The changed documents' new postings, by key, in document order.
        var added = new Dictionary<ulong, List<(int Document, byte Level)>>();
        var counter = new KeyCounter();
        foreach (var d in changed)
        {
            counter.Count(normalizedText(d));
            for (var k = 0; k < counter.Distinct; k++)
            {
                var (key, count) = counter[k];
                if (!added.TryGetValue(key, out var postings)) added[key] = postings = [];
                postings.Add((d, PostingEncoding.Level(count)));
            }
        }
        var addedKeys = added.Keys.ToArray();
        Array.Sort(addedKeys);

        var entries = new List<Entry>(previous.Entries.Count + addedKeys.Length);
        var buffer = new MemoryStream();
        var documents = new List<int>();
        var levels = new List<byte>();
        var a = 0;
        foreach (var old in previous.Entries)
        {
            for (; a < addedKeys.Length && addedKeys[a] < old.Key; a++) entries.Add(New(addedKeys[a]));
            var same = a < addedKeys.Length && addedKeys[a] == old.Key;
            if (!same && !PostingEncoding.ListsAny(old.Bytes, changed, isChanged)) { entries.Add(old); continue; }
            var merged = Encode(old.Key, old, same ? added[addedKeys[a]] : []);
            if (same) a++;
            if (merged is not null) entries.Add(merged);
        }
        for (; a < addedKeys.Length; a++) entries.Add(New(addedKeys[a]));
        return entries;

        // A key no unchanged document holds: its postings are the changed documents' only, never none.
        Entry New(ulong key) => Encode(key, null, added[key])!;

        // The old entry's postings without the changed documents, merged with their new ones; null when none is left.
        Entry? Encode(ulong key, Entry? old, List<(int Document, byte Level)> fresh)
        {
            documents.Clear();
            levels.Clear();
            var f = 0;
            if (old is not null)
            {
                var at = 0;
                var (_, oldDocuments, oldLevels) = PostingEncoding.Read(old.Bytes, ref at, documentCount);
                for (var i = 0; i < oldDocuments.Length; i++)
                {
                    var d = oldDocuments[i];
                    for (; f < fresh.Count && fresh[f].Document < d; f++) Add(fresh[f]);
                    if (!isChanged[d]) { documents.Add(d); levels.Add(oldLevels[i]); }
                }
            }
            for (; f < fresh.Count; f++) Add(fresh[f]);
            if (documents.Count == 0) return null;
            buffer.SetLength(0);
            PostingEncoding.Write(buffer, key, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(documents),
                System.Runtime.InteropServices.CollectionsMarshal.AsSpan(levels), documentCount);
            return new Entry(key, TermKeys.Hash(key), buffer.ToArray());
        }

        void Add((int Document, byte Level) posting)
        {
            documents.Add(posting.Document);
            levels.Add(posting.Level);
        }
    }

    private static List<(int Start, int End)> Ranges(IReadOnlyList<int> sizes, int count)
    {
        var total = sizes.Sum(s => (long)s);
        var ranges = new List<(int, int)>();
        long sum = 0;
        var start = 0;
        for (var d = 0; d < sizes.Count; d++)
        {
            sum += sizes[d];
            if (sum * count >= total * (ranges.Count + 1) || d == sizes.Count - 1)
            {
                ranges.Add((start, d + 1));
                start = d + 1;
            }
        }
        return ranges;
    }

    /// <summary>The postings of one range of documents, grouped by key: key n's documents are Documents[Starts[n]..Starts[n+1]].</summary>
    private sealed class RangePostings
    {
        public required List<ulong> Keys { get; init; }
        public required int[] Starts { get; init; }
        public required int[] Documents { get; init; }
        public required byte[] Levels { get; init; }

        public ReadOnlySpan<int> DocumentsOf(int local) => Documents.AsSpan(Starts[local], Starts[local + 1] - Starts[local]);
        public ReadOnlySpan<byte> LevelsOf(int local) => Levels.AsSpan(Starts[local], Starts[local + 1] - Starts[local]);

        public static RangePostings Build(int start, int end, Func<int, string> normalizedText)
        {
            var counter = new KeyCounter();
            var numbers = new KeyNumbers();
            var keys = new List<ulong>();
            var perKey = new List<int>();
            var stream = new List<int>();
            var streamLevels = new List<byte>();
            var documentEnds = new int[end - start];
            for (var d = start; d < end; d++)
            {
                counter.Count(normalizedText(d));
                for (var k = 0; k < counter.Distinct; k++)
                {
                    var (key, count) = counter[k];
                    var local = numbers.GetOrAdd(key, keys.Count);
                    if (local == keys.Count)
                    {
                        keys.Add(key);
                        perKey.Add(0);
                    }
                    perKey[local]++;
                    stream.Add(local);
                    streamLevels.Add(PostingEncoding.Level(count));
                }
                documentEnds[d - start] = stream.Count;
            }

            var starts = new int[keys.Count + 1];
            for (var n = 0; n < keys.Count; n++) starts[n + 1] = starts[n] + perKey[n];
            var fill = starts[..^1];
            var documents = new int[stream.Count];
            var levels = new byte[stream.Count];
            var p = 0;
            for (var d = start; d < end; d++)
                for (; p < documentEnds[d - start]; p++)
                {
                    var at = fill[stream[p]]++;
                    documents[at] = d;
                    levels[at] = streamLevels[p];
                }
            return new RangePostings { Keys = keys, Starts = starts, Documents = documents, Levels = levels };
        }
    }

    /// <summary>Key → its number in a range: open addressing, about three times as fast as a Dictionary on the index's hot path.</summary>
    private sealed class KeyNumbers
    {
        private ulong[] _keys = new ulong[1 << 14];
        private int[] _numbers = new int[1 << 14]; // number + 1; 0 is an empty slot
        private int _count;

        public int GetOrAdd(ulong key, int next)
        {
            if (_count * 2 >= _keys.Length) Grow();
            var mask = _keys.Length - 1;
            var slot = (int)((key * 0x9E3779B97F4A7C15UL) >> 32) & mask;
            while (_numbers[slot] != 0)
            {
                if (_keys[slot] == key) return _numbers[slot] - 1;
                slot = (slot + 1) & mask;
            }
            _keys[slot] = key;
            _numbers[slot] = next + 1;
            _count++;
            return next;
        }

        private void Grow()
        {
            var (keys, numbers) = (_keys, _numbers);
            _keys = new ulong[keys.Length * 2];
            _numbers = new int[keys.Length * 2];
            var mask = _keys.Length - 1;
            for (var i = 0; i < keys.Length; i++)
            {
                if (numbers[i] == 0) continue;
                var slot = (int)((keys[i] * 0x9E3779B97F4A7C15UL) >> 32) & mask;
                while (_numbers[slot] != 0) slot = (slot + 1) & mask;
                _keys[slot] = keys[i];
                _numbers[slot] = numbers[i];
            }
        }
    }
}
