using PlanAtlas.Model;
using Placement = PlanAtlas.Analyze.Clustering.ClusterAssigner.Placement;

namespace PlanAtlas.Analyze.Clustering;

/// <summary>
/// Where one model put each analysed item of a plan (cluster, closeness to its centre, place on the map) and the
/// plan's term counts per cluster (for the labels), remembered by plan and model: an unchanged plan is not
/// tokenized again while the model is reused.
/// </summary>
internal sealed class PlacementMemo
{
    private readonly AnalysisMemo _memo;
    private readonly Dictionary<string, ulong> _keys;

    /// <param name="tags">The tagger's fingerprint: an item's subject themes are terms of its placement.</param>
    public PlacementMemo(AnalysisMemo memo, ClusterModel model, IReadOnlyList<Plan> plans, ulong tags)
    {
        _memo = memo;
        var modelKey = ContentHash.Combine(ContentHash.Key($"{model.Format}|{model.Tokenizer}|{model.Options}|{model.CorpusFingerprint}|{model.K}|{model.Terms.Length}"), tags);
        _keys = new Dictionary<string, ulong>(StringComparer.Ordinal);
        foreach (var plan in plans)
            if (AnalysisMemo.PlanKey(plan) is { } key) _keys[plan.Id] = ContentHash.Combine(key, modelKey);
    }

    public ulong? KeyOf(string planId) => _keys.TryGetValue(planId, out var key) ? key : null;

    public (Placement[] Placements, int[] Cells, int[] Counts)? Get(ulong key, int items)
    {
        if (_memo.Get(MemoSection.ClusterPlacements, key) is not { } bytes) return null;
        try
        {
            var reader = new MemoReader(bytes.Span);
            if (reader.Int32() != items) return null;
            var placements = new Placement[items];
            for (var i = 0; i < items; i++) placements[i] = new Placement(reader.Int32(), reader.Double(), reader.Single(), reader.Single());
            var n = reader.Int32();
            if (n < 0 || n > bytes.Length) return null;
            var (cells, counts) = (new int[n], new int[n]);
            for (var i = 0; i < n; i++) (cells[i], counts[i]) = ((int)((i == 0 ? 0 : (uint)cells[i - 1]) + reader.VarUInt32()), (int)reader.VarUInt32());
            return reader.AtEnd ? (placements, cells, counts) : null;
        }
        catch (InvalidDataException) { return null; }
    }

    public void Put(ulong key, ReadOnlySpan<Placement> placements, List<int> cells)
    {
        cells.Sort();
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(placements.Length);
            foreach (var p in placements)
            {
                writer.Write(p.Cluster);
                writer.Write(p.Closeness);
                writer.Write(p.X);
                writer.Write(p.Y);
            }
            var runs = 0;
            for (var i = 0; i < cells.Count; i++) if (i == 0 || cells[i] != cells[i - 1]) runs++;
            writer.Write(runs);
            // Ascending cells as differences, and their counts, in a byte or two each.
            for (int i = 0, previous = 0; i < cells.Count;)
            {
                var j = i;
                while (j < cells.Count && cells[j] == cells[i]) j++;
                writer.WriteVar((uint)(cells[i] - previous));
                writer.WriteVar((uint)(j - i));
                previous = cells[i];
                i = j;
            }
        }
        _memo.Put(MemoSection.ClusterPlacements, key, stream.ToArray());
    }
}
