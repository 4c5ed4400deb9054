using PlanAtlas.Model;

namespace PlanAtlas.Analyze.Peers;

/// <summary>
/// <see cref="SparseVectors.Neighbours"/> with the memo of the last build. The memo keeps each plan's neighbours and a
/// print of its vector (terms and weights to the bit), for plans of the same ids in the same order. After an edit only
/// the vectors whose print changed, and the plans that had one of them among their neighbours, are searched again;
/// every other plan's list is its remembered one merged with its scores against the changed vectors, which is the list
/// a full search gives. With more than a few changed vectors, or no record for these plans, all are searched.
/// </summary>
internal static class RememberedNeighbours
{
    /// <summary>Changed vectors beyond which every plan is searched again (each is looked up by every plan's terms).</summary>
    private const int MaxChanged = 16;

    /// <param name="kind">What the vectors are (text, themes): one record each.</param>
    /// <param name="ids">The plans' ids, in the vectors' order.</param>
    /// <param name="prints">Each vector's <see cref="Print"/>.</param>
    public static List<(int Other, double Similarity)>[] Find(AnalysisMemo memo, string kind, IReadOnlyList<string> ids,
        IReadOnlyList<(int Term, double Weight)[]> vectors, ulong[] prints, int count)
    {
        var key = ContentHash.Key($"neighbours|{kind}|{count}");
        var plans = (ulong)ids.Count;
        foreach (var id in ids) plans = ContentHash.Combine(plans, ContentHash.Key(id));
        (bool[] Changed, List<(int Other, double Similarity)>?[] Lists)? earlier = null;
        if (Read(memo.Peek(MemoSection.PeerNeighbours, key)) is { } record && record.Plans == plans && record.Prints.Length == vectors.Count)
        {
            var changed = new bool[vectors.Count];
            var changes = 0;
            for (var d = 0; d < vectors.Count; d++)
                if (record.Prints[d] != prints[d]) (changed[d], changes) = (true, changes + 1);
            if (changes <= MaxChanged)
            {
                var lists = new List<(int Other, double Similarity)>?[vectors.Count];
                for (var d = 0; d < vectors.Count; d++)
                    if (!changed[d] && !record.Lists[d].Exists(n => changed[n.Other])) lists[d] = record.Lists[d];
                earlier = (changed, lists);
            }
        }
        var found = SparseVectors.Neighbours(vectors, count, earlier);
        memo.Put(MemoSection.PeerNeighbours, key, Write(plans, prints, found));
        return found;
    }

    /// <summary>A vector's print: its terms (as <paramref name="termHash"/> gives them) and weights, in order.</summary>
    public static ulong Print<T>(IEnumerable<(T Term, double Weight)> vector, Func<T, ulong> termHash)
    {
        var print = 0x5EEDUL;
        foreach (var (term, weight) in vector)
            print = ContentHash.Combine(ContentHash.Combine(print, termHash(term)), (ulong)BitConverter.DoubleToInt64Bits(weight));
        return print;
    }

    private sealed record Record(ulong Plans, ulong[] Prints, List<(int Other, double Similarity)>[] Lists);

    private static byte[] Write(ulong plans, ulong[] prints, List<(int Other, double Similarity)>[] lists) =>
        MemoWriting.Record(writer =>
        {
            writer.Write(plans);
            writer.WriteArray(prints);
            foreach (var list in lists)
            {
                writer.WriteVar((uint)list.Count);
                foreach (var (other, similarity) in list)
                {
                    writer.WriteVar((uint)other);
                    writer.Write(similarity);
                }
            }
        });

    private static Record? Read(ReadOnlyMemory<byte>? bytes) => MemoReader.Record(bytes, static (ref MemoReader reader, int length) =>
    {
        var plans = reader.UInt64();
        var prints = reader.UInt64s();
        var lists = new List<(int Other, double Similarity)>[prints.Length];
        for (var d = 0; d < prints.Length; d++)
        {
            var n = (int)reader.VarUInt32();
            if (n > length) return null;
            var list = lists[d] = new List<(int Other, double Similarity)>(n);
            for (var k = 0; k < n; k++)
            {
                var other = (int)reader.VarUInt32();
                if ((uint)other >= (uint)prints.Length || other == d) return null;
                list.Add((other, reader.Double()));
            }
        }
        return new Record(plans, prints, lists);
    });
}
