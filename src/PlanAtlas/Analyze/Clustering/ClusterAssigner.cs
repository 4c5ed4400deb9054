using PlanAtlas.Model;

namespace PlanAtlas.Analyze.Clustering;

/// <summary>
/// Puts items into the clusters of a trained <see cref="ClusterModel"/>: each item's text becomes the features
/// the model was trained on (same tokenizer, vocabulary, tf · idf weights and L2 norm, no string per term), goes
/// to its nearest centre (Euclidean, as KMeans assigns), and is placed on the map. Then each cluster is described:
/// class-based TF-IDF label, the items nearest its centre, its overlap with the taxonomy themes. Linear in the
/// number of items; items are independent, so both cores work and the result does not depend on scheduling.
/// </summary>
internal sealed class ClusterAssigner
{
    private readonly ChineseTokenizer _tokenizer;
    private readonly ClusterModel _model;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _terms;
    private readonly int _k;
    private readonly int _dimension;
    // Term-major centres: the k coordinates of term t at [t * k .. t * k + k), so one term's weights are adjacent.
    private readonly float[] _centres;
    private readonly double[] _centreNorms;

    public ClusterAssigner(ChineseTokenizer tokenizer, ClusterModel model)
    {
        _tokenizer = tokenizer;
        _model = model;
        _k = model.K;
        _dimension = model.Terms.Length;
        var terms = new Dictionary<string, int>(_dimension, StringComparer.Ordinal);
        for (var t = 0; t < _dimension; t++) terms[model.Terms[t]] = t;
        _terms = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        _centres = new float[_dimension * _k];
        _centreNorms = new double[_k];
        for (var c = 0; c < _k; c++)
        {
            var centroid = model.Centroids[c];
            for (var j = 0; j < centroid.Indices.Length; j++)
            {
                _centres[centroid.Indices[j] * _k + c] = centroid.Values[j];
                _centreNorms[c] += (double)centroid.Values[j] * centroid.Values[j];
            }
        }
    }

    /// <summary>What one item contributes: its cluster (0..k-1), closeness to the centre and place on the map.</summary>
    internal readonly record struct Placement(int Cluster, double Closeness, float X, float Y);

    /// <summary>Per-thread scratch space and term counts per cluster (for the labels).</summary>
    private sealed class Worker
    {
        public Worker(int k, int dimension, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> terms)
        {
            Scores = new double[k];
            Counts = new long[k * dimension];
            // One sink per thread: tokens become term ids as they come, no string and no closure per item.
            Sink = term =>
            {
                if (terms.TryGetValue(term, out var id)) Ids.Add(id);
            };
        }

        public readonly List<int> Ids = [];
        public readonly double[] Scores;
        public readonly long[] Counts;
        public readonly TokenSink Sink;
        public int[] Sorted = new int[64];
        public int[] Indices = new int[64];
        public float[] Values = new float[64];
    }

    /// <param name="themesOf">The themes of the item at a place in <paramref name="items"/>.</param>
    public ItemClustering Assign(IReadOnlyList<ClusterInput> items, Func<int, IReadOnlyList<string>>? themesOf, PlacementMemo? memo = null)
    {
        var placements = new Placement[items.Count];
        var counts = new long[_k * _dimension];
        // Items come by key, so each plan's items are one run: a plan is placed whole, or taken whole from the memo.
        var runs = new List<(int Start, int End)>();
        for (var start = 0; start < items.Count;)
        {
            var end = start + 1;
            while (end < items.Count && items[end].Key.PlanId == items[start].Key.PlanId) end++;
            runs.Add((start, end));
            start = end;
        }
        Workers.For(runs.Count, () => new Worker(_k, _dimension, _terms), (r, worker) =>
        {
            var (start, end) = runs[r];
            var key = memo?.KeyOf(items[start].Key.PlanId);
            if (key is { } known && memo!.Get(known, end - start) is { } remembered && Fits(remembered.Cells))
            {
                remembered.Placements.CopyTo(placements, start);
                for (var c = 0; c < remembered.Cells.Length; c++) worker.Counts[remembered.Cells[c]] += remembered.Counts[c];
                return;
            }
            var cells = key is null ? null : new List<int>();
            for (var i = start; i < end; i++)
            {
                placements[i] = Place(items[i], worker);
                if (cells is not null) foreach (var id in worker.Ids) cells.Add(placements[i].Cluster * _dimension + id);
            }
            if (key is { } newKey) memo!.Put(newKey, placements.AsSpan(start, end - start), cells!);
        }, worker =>
        {
            // Integer sums: the same totals whatever share of the items each thread took.
            for (var j = 0; j < counts.Length; j++) counts[j] += worker.Counts[j];
        });
        return Describe(items, placements, counts, themesOf);
    }

    private bool Fits(int[] cells)
    {
        foreach (var cell in cells) if ((uint)cell >= (uint)(_k * _dimension)) return false;
        return true;
    }

    /// <summary>The item's feature vector (for tests: it must equal the featurizer's on a training item).</summary>
    internal SparseVector Features(string text)
    {
        var worker = new Worker(_k, 0, _terms);
        _tokenizer.Tokenize(text, worker.Sink);
        var count = Weigh(worker);
        return new SparseVector(worker.Indices[..count], worker.Values[..count]);
    }

    private Placement Place(ClusterInput item, Worker worker)
    {
        worker.Ids.Clear();
        _tokenizer.Tokenize(item.Text, worker.Sink);
        foreach (var term in item.Terms) worker.Sink(term);
        var nonZero = Weigh(worker);
        var features = new SparseVector(worker.Indices, worker.Values);
        var best = LloydRefinement.Nearest(features.Indices.AsSpan(0, nonZero), features.Values.AsSpan(0, nonZero), _centres, _centreNorms, worker.Scores);
        foreach (var id in worker.Ids) worker.Counts[best * _dimension + id]++;
        var (x, y) = Project(features, nonZero);
        return new Placement(best, Math.Round(worker.Scores[best], 9), x, y);
    }

    /// <summary>
    /// tf · idf per term, then divided by the L2 norm, as ProduceNgrams and NormalizeLpNorm do, into the worker's
    /// Indices and Values (ascending term ids); returns how many.
    /// </summary>
    private int Weigh(Worker worker)
    {
        var n = worker.Ids.Count;
        if (worker.Sorted.Length < n)
        {
            var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)n);
            (worker.Sorted, worker.Indices, worker.Values) = (new int[size], new int[size], new float[size]);
        }
        var sorted = worker.Sorted.AsSpan(0, n);
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(worker.Ids).CopyTo(sorted);
        sorted.Sort();
        var count = 0;
        double norm = 0;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j < n && sorted[j] == sorted[i]) j++;
            var weight = (float)((j - i) * _model.Idf[sorted[i]]);
            if (weight != 0)
            {
                (worker.Indices[count], worker.Values[count]) = (sorted[i], weight);
                norm += (double)weight * weight;
                count++;
            }
            i = j;
        }
        norm = Math.Sqrt(norm);
        for (var i = 0; i < count; i++) worker.Values[i] = (float)(worker.Values[i] / norm);
        return count;
    }

    private (float X, float Y) Project(SparseVector features, int count)
    {
        if (_model.Map is not { } map) return (0, 0);
        double x = 0, y = 0;
        for (var j = 0; j < count; j++)
        {
            x += (double)features.Values[j] * map.X[features.Indices[j]];
            y += (double)features.Values[j] * map.Y[features.Indices[j]];
        }
        return (MathF.Round((float)(x - map.OffsetX), 4), MathF.Round((float)(y - map.OffsetY), 4));
    }

    /// <summary>
    /// The members nearest to the centre (largest dot product with it; items are unit vectors), ties by key (items
    /// come by key: by number), best first: the few best kept as they come rather than every member sorted.
    /// </summary>
    private static List<int> Representative(List<int> members, Placement[] placements, int count)
    {
        var best = new List<int>(count + 1);
        foreach (var i in members)
        {
            var at = best.Count;
            while (at > 0 && placements[i].Closeness > placements[best[at - 1]].Closeness) at--;
            if (at >= count) continue;
            best.Insert(at, i);
            if (best.Count > count) best.RemoveAt(count);
        }
        return best;
    }

    /// <summary>Each theme's share of the members, largest first, ties by theme id.</summary>
    private static List<KeyValuePair<string, double>> Overlap(List<int> members, Func<int, IReadOnlyList<string>> themesOf)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var i in members)
            foreach (var theme in themesOf(i)) System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, theme, out _)++;
        var overlap = counts.Select(t => new KeyValuePair<string, double>(t.Key, Math.Round((double)t.Value / members.Count, 4))).ToList();
        overlap.Sort((x, y) => x.Value != y.Value ? y.Value.CompareTo(x.Value) : string.CompareOrdinal(x.Key, y.Key));
        return overlap;
    }

    private ItemClustering Describe(IReadOnlyList<ClusterInput> items, Placement[] placements, long[] counts, Func<int, IReadOnlyList<string>>? themesOf)
    {
        var options = _model.Options;
        var members = Enumerable.Range(0, _k).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < placements.Length; i++) members[placements[i].Cluster].Add(i);
        var terms = ClassTfIdf.TopTerms(_model.Terms, counts, _k, options.TopTerms);
        var described = new List<(int Old, ItemCluster Cluster)>();
        for (var c = 0; c < _k; c++)
        {
            if (members[c].Count == 0) continue;
            var representative = Representative(members[c], placements, options.RepresentativeItems).Select(i => items[i].Key).ToList();
            var overlap = themesOf is null ? [] : Overlap(members[c], themesOf);
            var top = terms[c];
            // The label reads best from whole words; bigrams (which may straddle two words) only fill in.
            var label = top.Count == 0 ? "—" : string.Join(" · ", top.Where(_tokenizer.IsWord).Concat(top.Where(t => !_tokenizer.IsWord(t))).Take(3));
            described.Add((c, new ItemCluster(0, label, top, members[c].Select(i => items[i].Key).ToList(), representative, overlap)));
        }
        described = described.OrderByDescending(d => d.Cluster.Size).ThenBy(d => d.Cluster.Members[0]).ToList();
        var renumber = new int[_k];
        for (var n = 0; n < described.Count; n++) renumber[described[n].Old] = n + 1;
        var assignment = new Dictionary<ItemKey, int>(items.Count);
        var coordinates = new Dictionary<ItemKey, (float X, float Y)>(_model.Map is null ? 0 : items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            assignment[items[i].Key] = renumber[placements[i].Cluster];
            if (_model.Map is not null) coordinates[items[i].Key] = (placements[i].X, placements[i].Y);
        }
        return new ItemClustering(described.Select((d, n) => d.Cluster with { Number = n + 1 }).ToList(), assignment,
            _model.Silhouette, _model.FixedBySettings, coordinates);
    }
}
