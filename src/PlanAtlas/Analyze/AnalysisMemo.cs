using System.Collections.Concurrent;
using PlanAtlas.Model;

namespace PlanAtlas.Analyze;

/// <summary>What a step of the analysis remembers: one kind of record each, so keys of two steps never meet.</summary>
public enum MemoSection : byte
{
    ReusePlan = 1,
    ReuseCorpus = 2,
    ReuseVerdicts = 3,
    ThemeTags = 4,
    ClusterPlacements = 5,
    PeerProfile = 6,
    PeerCorpus = 7,
    SimilarPlan = 8,
    SimilarCorpus = 9,
    ReuseChoices = 10,
    ReuseChoicesCorpus = 11,
    PeerNeighbours = 12,
}

/// <summary>
/// Results of an earlier analysis kept for the next build: per-plan work (keyed by the plan's id and
/// <see cref="Plan.ContentKey"/>, and by every global input it depends on) and a few corpus-wide records, as bytes.
/// A step asks for a record, checks it still applies, and otherwise computes as if there were none: a missing, stale
/// or damaged record costs time, never correctness. Only the records asked for or written in this build are saved,
/// so the memo does not grow with plans long gone. Thread-safe.
/// </summary>
public sealed class AnalysisMemo
{
    private const uint Magic = 0x4F4D4150; // "PAMO"
    private const int Format = 1;

    // Records of the last build are slices of the one array the file was read into: no copy per record. A record
    // read is marked in _used (no lock: thousands of reads from parallel loops contended for the locks of a
    // concurrent dictionary, spinning for a tenth of the analysis); records written go to _put.
    private readonly Dictionary<(MemoSection, ulong), int> _previous;
    private readonly ReadOnlyMemory<byte>[] _previousBytes;
    private readonly bool[] _used;
    private readonly ConcurrentDictionary<(MemoSection, ulong), ReadOnlyMemory<byte>> _put;

    public AnalysisMemo() : this([], []) { }

    private AnalysisMemo(Dictionary<(MemoSection, ulong), int> previous, ReadOnlyMemory<byte>[] bytes)
    {
        (_previous, _previousBytes, _used) = (previous, bytes, new bool[bytes.Length]);
        _put = new(4 * Environment.ProcessorCount, Math.Max(64, bytes.Length));
    }

    /// <summary>Records found in the memo this build (for tests and the stage summary).</summary>
    public int Hits => _hits;

    private int _hits;

    /// <summary>The key of a plan's records: its id (item keys contain it) and what it was made from; null when unknown.</summary>
    public static ulong? PlanKey(Plan plan) =>
        plan.ContentKey.Length == 0 ? null : ContentHash.Combine(ContentHash.Key(plan.Id), ContentHash.Key(plan.ContentKey));

    /// <summary>Each plan's <see cref="PlanKey"/> for a step whose records also depend on <paramref name="optionsKey"/>; null when unknown.</summary>
    public static ulong?[] PlanKeys(IEnumerable<Plan> plans, ulong optionsKey) =>
        plans.Select(p => PlanKey(p) is { } k ? ContentHash.Combine(k, optionsKey) : (ulong?)null).ToArray();

    /// <summary>The record, kept for the next build too; null when there is none.</summary>
    public ReadOnlyMemory<byte>? Get(MemoSection section, ulong key)
    {
        if (!_previous.TryGetValue((section, key), out var at)) return null;
        _used[at] = true;
        Interlocked.Increment(ref _hits);
        return _previousBytes[at];
    }

    /// <summary>The record without keeping it: what a step reads of a plan that is gone.</summary>
    public ReadOnlyMemory<byte>? Peek(MemoSection section, ulong key) =>
        _previous.TryGetValue((section, key), out var at) ? _previousBytes[at] : null;

    public void Put(MemoSection section, ulong key, byte[] bytes)
    {
        _put[(section, key)] = bytes;
        Interlocked.Increment(ref _writes);
    }

    /// <summary>Records written this build (for tests: what a small change makes a step write again).</summary>
    public int Writes => _writes;

    private int _writes;

    /// <summary>The records kept for the next build: those written, and those read and not written again.</summary>
    private List<((MemoSection, ulong) Key, ReadOnlyMemory<byte> Bytes)> Kept()
    {
        var kept = new List<((MemoSection, ulong), ReadOnlyMemory<byte>)>(_put.Count + _used.Length);
        foreach (var (key, bytes) in _put) kept.Add((key, bytes));
        foreach (var (key, at) in _previous)
            if (_used[at] && !_put.ContainsKey(key)) kept.Add((key, _previousBytes[at]));
        return kept;
    }

    public void Write(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Format);
        var kept = Kept();
        writer.Write(kept.Count);
        // In key order: the same memo gives the same bytes.
        foreach (var ((section, key), bytes) in kept.OrderBy(k => k.Key))
        {
            writer.Write((byte)section);
            writer.Write(key);
            writer.Write(bytes.Length);
            writer.Write(bytes.Span);
        }
    }

    /// <summary>The memo in <paramref name="bytes"/>; an empty one when they are not a whole memo of this format.</summary>
    public static AnalysisMemo Read(byte[] bytes)
    {
        var records = new Dictionary<(MemoSection, ulong), int>();
        var reader = new MemoReader(bytes);
        try
        {
            if (reader.UInt32() != Magic || reader.Int32() != Format) return new AnalysisMemo();
            var count = reader.Int32();
            if (count < 0 || count > bytes.Length / 13) return new AnalysisMemo();
            var slices = new ReadOnlyMemory<byte>[count];
            for (var i = 0; i < count; i++)
            {
                var section = (MemoSection)reader.Byte();
                var key = reader.UInt64();
                var length = reader.Int32();
                var at = reader.Position;
                reader.Bytes(length);
                if (!records.TryAdd((section, key), i)) return new AnalysisMemo();
                slices[i] = bytes.AsMemory(at, length);
            }
            return reader.AtEnd ? new AnalysisMemo(records, slices) : new AnalysisMemo();
        }
        catch (Exception e) when (e is InvalidDataException or OverflowException)
        {
            return new AnalysisMemo();
        }
    }
}

/// <summary>Reads one memo record; gets the record's length to bound the counts it reads.</summary>
public delegate T? MemoRecordReader<T>(ref MemoReader reader, int length) where T : class;

/// <summary>Reads what a <see cref="BinaryWriter"/> wrote; <see cref="InvalidDataException"/> past the end or on a bad length.</summary>
public ref struct MemoReader(ReadOnlySpan<byte> bytes)
{
    /// <summary>
    /// The record <paramref name="read"/> makes of <paramref name="bytes"/>; null when there are none, or when they are
    /// damaged or not read to the end: a record that does not fully apply is the same as none.
    /// </summary>
    public static T? Record<T>(ReadOnlyMemory<byte>? bytes, MemoRecordReader<T> read) where T : class
    {
        if (bytes is not { } memo) return null;
        try
        {
            var reader = new MemoReader(memo.Span);
            var record = read(ref reader, memo.Length);
            return reader.AtEnd ? record : null;
        }
        catch (Exception e) when (e is InvalidDataException or OverflowException) { return null; }
    }

    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _at;

    public readonly bool AtEnd => _at == _bytes.Length;

    public readonly int Position => _at;

    /// <summary>What is left to read.</summary>
    public readonly ReadOnlySpan<byte> Rest => _bytes[_at..];

    public ReadOnlySpan<byte> Bytes(int length)
    {
        if (length < 0 || length > _bytes.Length - _at) throw new InvalidDataException("memo record cut short");
        var span = _bytes.Slice(_at, length);
        _at += length;
        return span;
    }

    public byte Byte() => Bytes(1)[0];
    public int Int32() => System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));
    public uint UInt32() => System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(Bytes(4));
    public ulong UInt64() => System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(Bytes(8));
    /// <summary>An unsigned number in 7-bit groups, low first (small numbers in one byte).</summary>
    public uint VarUInt32()
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = Byte();
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw new InvalidDataException("bad number");
    }

    public double Double() => System.Buffers.Binary.BinaryPrimitives.ReadDoubleLittleEndian(Bytes(8));
    public float Single() => System.Buffers.Binary.BinaryPrimitives.ReadSingleLittleEndian(Bytes(4));

    /// <summary>An array written as its length then its elements.</summary>
    public ulong[] UInt64s()
    {
        var n = Int32();
        return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(Bytes(checked(n * 8))).ToArray();
    }

    /// <summary>An array of <see cref="int"/>s written as <see cref="uint"/>s (<see cref="UInt32s"/>): the same bytes.</summary>
    public int[] Int32s()
    {
        var n = Int32();
        return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(Bytes(checked(n * 4))).ToArray();
    }

    public uint[] UInt32s()
    {
        var n = Int32();
        return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(Bytes(checked(n * 4))).ToArray();
    }
}

/// <summary>Writes arrays as <see cref="MemoReader"/> reads them.</summary>
public static class MemoWriting
{
    /// <summary>The bytes <paramref name="write"/> writes: one memo record.</summary>
    public static byte[] Record(Action<BinaryWriter> write) => Record(0, write);

    /// <summary>
    /// The same for a record of about <paramref name="size"/> bytes: the buffer made at that size, and when it is exactly
    /// that, handed out as it is (a record of megabytes grown by doubling and copied out left five times its size on the
    /// large object heap).
    /// </summary>
    public static byte[] Record(int size, Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream(size);
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) write(writer);
        var buffer = stream.GetBuffer();
        return stream.Length == buffer.Length ? buffer : stream.ToArray();
    }

    public static void WriteVar(this BinaryWriter writer, uint value)
    {
        for (; value >= 0x80; value >>= 7) writer.Write((byte)(value | 0x80));
        writer.Write((byte)value);
    }

    public static void WriteArray(this BinaryWriter writer, ReadOnlySpan<ulong> values)
    {
        writer.Write(values.Length);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values));
    }

    public static void WriteArray(this BinaryWriter writer, ReadOnlySpan<uint> values)
    {
        writer.Write(values.Length);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values));
    }
}

/// <summary>
/// Ascending terms (bigrams, profile terms) with one or more counts each, as memo records store them: the terms as
/// differences (unsigned: a bigram's int may be negative) and the counts, a byte or two each.
/// </summary>
public static class MemoTerms
{
    public static void Write(BinaryWriter writer, int[] terms, int[][] counts)
    {
        writer.Write(terms.Length);
        for (var i = 0; i < terms.Length; i++)
        {
            writer.WriteVar(i == 0 ? (uint)terms[0] : (uint)(terms[i] - terms[i - 1]));
            foreach (var c in counts) writer.WriteVar((uint)c[i]);
        }
    }

    public static (int[] Terms, int[][] Counts) Read(ref MemoReader reader, int columns)
    {
        var n = reader.Int32();
        if (n < 0 || n > 1 << 26) throw new InvalidDataException("bad term count");
        var terms = new int[n];
        var counts = new int[columns][];
        for (var c = 0; c < columns; c++) counts[c] = new int[n];
        // Millions of numbers per build: decoded here in one loop rather than through the reader byte by byte.
        var bytes = reader.Rest;
        var at = 0;
        for (var i = 0; i < n; i++)
        {
            var delta = Var(bytes, ref at);
            terms[i] = i == 0 ? (int)delta : terms[i - 1] + (int)delta;
            if (i > 0 && terms[i] <= terms[i - 1]) throw new InvalidDataException("terms out of order");
            for (var c = 0; c < columns; c++)
            {
                var count = (int)Var(bytes, ref at);
                if (count <= 0) throw new InvalidDataException("bad count");
                counts[c][i] = count;
            }
        }
        reader.Bytes(at);
        return (terms, counts);
    }

    /// <summary>
    /// Moves the reader past terms as <see cref="Write"/> wrote them, checked as <see cref="Read"/> checks them, without
    /// keeping them: for records whose terms are mostly only searched (<see cref="ContainsAny(ReadOnlySpan{byte}, int, int[])"/>).
    /// </summary>
    /// <returns>How many terms there are.</returns>
    public static int Skip(ref MemoReader reader, int columns)
    {
        var n = reader.Int32();
        Scan(reader.Rest, n, columns, null, true, out var length);
        reader.Bytes(length);
        return n;
    }

    /// <summary>
    /// Whether terms as <see cref="Write"/> wrote them include one of <paramref name="changed"/> (ascending): the bytes
    /// <see cref="Skip"/> passed over, so already checked (their counts are skipped, not read).
    /// </summary>
    public static bool ContainsAny(ReadOnlySpan<byte> terms, int columns, int[] changed) =>
        Scan(terms[4..], System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(terms), columns, changed, false, out _);

    /// <summary>
    /// Decodes <paramref name="n"/> terms and their counts without keeping them: whether one is in
    /// <paramref name="changed"/> (then it stops there), and how many bytes they take.
    /// </summary>
    /// <param name="check">Whether to check the terms' order and counts as <see cref="Read"/> does.</param>
    private static bool Scan(ReadOnlySpan<byte> bytes, int n, int columns, int[]? changed, bool check, out int length)
    {
        if (n < 0 || n > 1 << 26) throw new InvalidDataException("bad term count");
        var (at, term, next) = (0, 0, 0);
        for (var i = 0; i < n; i++)
        {
            var delta = Var(bytes, ref at);
            var current = i == 0 ? (int)delta : term + (int)delta;
            if (check && i > 0 && current <= term) throw new InvalidDataException("terms out of order");
            term = current;
            for (var c = 0; c < columns; c++)
            {
                if (check && (int)Var(bytes, ref at) <= 0) throw new InvalidDataException("bad count");
                if (check) continue;
                // Checked already: past the count's last byte (the one below 0x80).
                while (bytes[at] >= 0x80) at++;
                at++;
            }
            if (changed is null) continue;
            while (next < changed.Length && changed[next] < term) next++;
            if (next < changed.Length && changed[next] == term)
            {
                length = at;
                return true;
            }
        }
        length = at;
        return false;
    }

    /// <summary>
    /// Whether the plan's bigrams (ascending) include one of <paramref name="changed"/> (ascending): after one edit a
    /// handful of bigrams, each looked up in every plan's thousands rather than those thousands in a set.
    /// </summary>
    public static bool ContainsAny(int[] bigrams, int[] changed)
    {
        if (changed.Length * 16 < bigrams.Length)
        {
            foreach (var b in changed)
                if (Array.BinarySearch(bigrams, b) >= 0) return true;
            return false;
        }
        for (int i = 0, j = 0; i < bigrams.Length && j < changed.Length;)
        {
            if (bigrams[i] == changed[j]) return true;
            if (bigrams[i] < changed[j]) i++;
            else j++;
        }
        return false;
    }

    private static uint Var(ReadOnlySpan<byte> bytes, ref int at)
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if ((uint)at >= (uint)bytes.Length) throw new InvalidDataException("memo record cut short");
            var b = bytes[at++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw new InvalidDataException("bad number");
    }
}
