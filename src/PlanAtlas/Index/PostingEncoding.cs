namespace PlanAtlas.Index;

/// <summary>
/// How one key's postings are stored in a shard file (read by theme/assets/js/search.js, readShard):
/// <code>
/// varint first code point, varint second code point (0: a single character),
/// varint (n &lt;&lt; 1 | bitmap), varint byte length of the document list, the document list,
/// ceil(n / 2) bytes of count levels (low nibble first, one per listed document)
/// </code>
/// The document list is either the gaps between ascending document numbers as varints (the first gap counted
/// from -1, each gap minus one) or, when that is longer, a bitmap of every document (bit d of byte d / 8),
/// whichever is smaller: a rare pair costs a byte or two per document, a pair found everywhere costs one bit
/// per document. Counts are kept coarsely (<see cref="Levels"/>) for ranking only.
/// </summary>
public static class PostingEncoding
{
    /// <summary>The count each level stands for: exact up to 8, then about √2 apart up to 90.</summary>
    public static IReadOnlyList<int> Levels { get; } = [0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 16, 23, 32, 45, 64, 90];

    public static byte Level(int count)
    {
        var level = 0;
        while (level + 1 < Levels.Count && Levels[level + 1] <= count) level++;
        return (byte)level;
    }

    /// <summary>Writes one entry: the key, its ascending documents and the count level of each.</summary>
    public static void Write(Stream output, ulong key, ReadOnlySpan<int> documents, ReadOnlySpan<byte> levels, int documentTotal)
    {
        var listLength = 0;
        var previous = -1;
        foreach (var d in documents)
        {
            listLength += VarintLength((uint)(d - previous - 1));
            previous = d;
        }
        var bitmapLength = (documentTotal + 7) / 8;
        var bitmap = bitmapLength < listLength;
        WriteVarint(output, (uint)TermKeys.First(key));
        WriteVarint(output, (uint)TermKeys.Second(key));
        WriteVarint(output, ((uint)documents.Length << 1) | (bitmap ? 1u : 0u));
        WriteVarint(output, (uint)(bitmap ? bitmapLength : listLength));
        if (bitmap)
        {
            var bits = new byte[bitmapLength];
            foreach (var d in documents) bits[d / 8] |= (byte)(1 << (d % 8));
            output.Write(bits);
        }
        else
        {
            previous = -1;
            foreach (var d in documents)
            {
                WriteVarint(output, (uint)(d - previous - 1));
                previous = d;
            }
        }
        for (var i = 0; i < levels.Length; i += 2)
            output.WriteByte((byte)(levels[i] | (i + 1 < levels.Length ? levels[i + 1] << 4 : 0)));
    }

    private static int VarintLength(uint value)
    {
        var n = 1;
        while (value >= 0x80) { value >>= 7; n++; }
        return n;
    }

    public static void WriteVarint(Stream output, uint value)
    {
        while (value >= 0x80)
        {
            output.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        output.WriteByte((byte)value);
    }

    /// <summary>Reads one entry back (for tests and tools): the key, its documents and their count levels.</summary>
    public static (ulong Key, int[] Documents, byte[] Levels) Read(ReadOnlySpan<byte> input, ref int at, int documentTotal)
    {
        var first = (int)ReadVarint(input, ref at);
        var second = (int)ReadVarint(input, ref at);
        var header = ReadVarint(input, ref at);
        var length = (int)ReadVarint(input, ref at);
        var n = (int)(header >> 1);
        var documents = new int[n];
        if ((header & 1) == 1)
        {
            var k = 0;
            for (var d = 0; d < documentTotal && k < n; d++)
                if ((input[at + d / 8] & (1 << (d % 8))) != 0) documents[k++] = d;
            at += length;
        }
        else
        {
            var previous = -1;
            for (var i = 0; i < n; i++) documents[i] = previous = previous + 1 + (int)ReadVarint(input, ref at);
        }
        var levels = new byte[n];
        for (var i = 0; i < n; i++) levels[i] = (byte)((input[at + i / 2] >> (i % 2 * 4)) & 0xF);
        at += (n + 1) / 2;
        return (TermKeys.Pack(first, second), documents, levels);
    }

    /// <summary>
    /// Whether an entry lists any of <paramref name="documents"/> (each also marked in <paramref name="marked"/>), read
    /// without decoding it: most entries are checked this way after a small change, and only those that list one are read.
    /// </summary>
    public static bool ListsAny(ReadOnlySpan<byte> input, IReadOnlyList<int> documents, bool[] marked)
    {
        var at = 0;
        ReadVarint(input, ref at);
        ReadVarint(input, ref at);
        var header = ReadVarint(input, ref at);
        ReadVarint(input, ref at);
        var n = (int)(header >> 1);
        if ((header & 1) == 1)
        {
            foreach (var d in documents)
                if ((input[at + d / 8] & (1 << (d % 8))) != 0) return true;
            return false;
        }
        var previous = -1;
        for (var i = 0; i < n; i++)
        {
            previous = previous + 1 + (int)ReadVarint(input, ref at);
            if (marked[previous]) return true;
        }
        return false;
    }

    public static uint ReadVarint(ReadOnlySpan<byte> input, ref int at)
    {
        uint value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = input[at++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
    }
}
