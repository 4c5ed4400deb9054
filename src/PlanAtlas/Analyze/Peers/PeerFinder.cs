using PlanAtlas.Model;

namespace PlanAtlas.Analyze.Peers;

/// <summary>
/// Peer groups for every plan: the most similar plans by wording and (when theme profiles are given) by theme
/// profile, and the plans sharing its province, its administrative level, or its year (± window). Attribute
/// groups are ranked by text similarity and capped, so they stay meaningful when a province has hundreds of plans.
/// </summary>
public sealed class PeerFinder(PeerOptions options)
{
    /// <param name="memo">Text profiles of unchanged plans from the last build, and where this one leaves its own; null: none.</param>
    /// <param name="themeProfiles">Plan id → theme id → share of the plan's items (from the themes stage); null or missing plans: no theme group.</param>
    public IReadOnlyDictionary<string, IReadOnlyList<PeerGroup>> Find(IReadOnlyList<Plan> plans,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? themeProfiles = null, AnalysisMemo? memo = null)
    {
        var ordered = plans.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var text = TextProfiles.Rows(ordered, options.TermsPerPlan, memo);
        // One inverted-index pass gives each plan its nearest plans; big attribute groups are ranked from it.
        var ids = ordered.Select(p => p.Id).ToArray();
        var nearestCount = Math.Max(options.SimilarCount, 4 * options.MaxGroupSize);
        var nearest = memo is null ? SparseVectors.Neighbours(text, nearestCount)
            : RememberedNeighbours.Find(memo, "text", ids, text, text.Select(r => RememberedNeighbours.Print(r, t => (ulong)(uint)t)).ToArray(), nearestCount);
        var similarText = nearest.Select(n => n.Take(options.SimilarCount).ToList()).ToArray();

        List<(int Other, double Similarity)>[]? similarThemes = null;
        if (themeProfiles is { Count: > 0 })
        {
            var themes = ordered.Select(p => (IReadOnlyDictionary<string, double>)SparseVectors.Normalise(
                themeProfiles.GetValueOrDefault(p.Id) ?? new Dictionary<string, double>())).ToList();
            if (memo is null) similarThemes = SparseVectors.Neighbours(themes, options.SimilarCount);
            else
            {
                var themeIds = new Dictionary<string, int>(StringComparer.Ordinal);
                var rows = themes.Select(v => v.Select(t => (themeIds.TryAdd(t.Key, themeIds.Count) ? themeIds.Count - 1 : themeIds[t.Key], t.Value)).ToArray()).ToArray();
                var prints = themes.Select(v => RememberedNeighbours.Print(v.Select(t => (t.Key, t.Value)), t => ContentHash.Key(t))).ToArray();
                similarThemes = RememberedNeighbours.Find(memo, "themes", ids, rows, prints, options.SimilarCount);
            }
        }

        var byProvince = Members(ordered, p => p.Region?.ProvinceCode);
        var byLevel = Members(ordered, p => p.Region is { Level: not AdminLevel.Unknown } r ? r.Level.ToString() : null);
        var byYear = Members(ordered, p => p.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var groups = new IReadOnlyList<PeerGroup>[ordered.Count];
        var vectors = new TermVectors(text);
        // Plans are in id order: equal ids (none, with ids as PlanIds gives them) share a rank, so ranks order as ids do.
        var idRank = new int[ordered.Count];
        for (var i = 1; i < ordered.Count; i++) idRank[i] = ordered[i].Id == ordered[i - 1].Id ? idRank[i - 1] : i;
        Workers.For(ordered.Count, vectors.Scratch, (i, scratch) =>
        {
            var plan = ordered[i];
            scratch.Load(i);
            var rank = new Ranking(scratch.Cosine, nearest[i], idRank, scratch.Ranked);
            var list = new List<PeerGroup> { new(PeerGroupKind.SimilarText, similarText[i].Select(s => new Peer(ordered[s.Other].Id, s.Similarity)).ToList()) };
            if (similarThemes is not null && themeProfiles!.ContainsKey(plan.Id))
                list.Add(new PeerGroup(PeerGroupKind.SimilarThemes, similarThemes[i].Select(s => new Peer(ordered[s.Other].Id, s.Similarity)).ToList()));
            var province = plan.Region?.ProvinceCode;
            list.Add(Ranked(PeerGroupKind.Province, i, province is not null ? byProvince[province] : [],
                j => ordered[j].Region?.ProvinceCode == province, ordered, rank));
            var level = plan.Region is { Level: not AdminLevel.Unknown } r ? r.Level : (AdminLevel?)null;
            list.Add(Ranked(PeerGroupKind.Level, i, level is { } l ? byLevel[l.ToString()] : [],
                j => ordered[j].Region?.Level == level, ordered, rank));
            var sameYears = plan.Year is { } y
                ? Enumerable.Range(y - options.YearWindow, 2 * options.YearWindow + 1).SelectMany(year => byYear.GetValueOrDefault(year.ToString(System.Globalization.CultureInfo.InvariantCulture)) ?? []).ToList()
                : [];
            list.Add(Ranked(PeerGroupKind.Year, i, sameYears,
                j => ordered[j].Year is { } other && Math.Abs(other - plan.Year!.Value) <= options.YearWindow, ordered, rank));
            groups[i] = list;
            scratch.Unload(i);
        });
        return Enumerable.Range(0, ordered.Count).ToDictionary(i => ordered[i].Id, i => groups[i]);
    }

    private static Dictionary<string, List<int>> Members(List<Plan> plans, Func<Plan, string?> key) =>
        plans.Select((p, i) => (Key: key(p), Index: i)).Where(x => x.Key is not null)
            .GroupBy(x => x.Key!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(x => x.Index).ToList(), StringComparer.Ordinal);

    /// <summary>What ranking a plan's groups reads: its cosines, its nearest plans, the plans' order by id, and a buffer of the worker's.</summary>
    private readonly record struct Ranking(Func<int, int, double> Cosine, List<(int Other, double Similarity)> Nearest, int[] IdRank,
        List<(int Index, double Similarity, int At)> Scored);

    /// <summary>
    /// A group's members, most similar first (ties by plan id, then as they came), capped. Small groups are scored
    /// exactly; in a big one (a province with hundreds of plans) the plan's nearest plans that are members come first,
    /// then the rest by id: scoring every member of every big group would make this quadratic in the corpus.
    /// </summary>
    /// <param name="inGroup">Whether plan j is a member: the same as <paramref name="members"/> containing it, without building a set per plan.</param>
    private PeerGroup Ranked(PeerGroupKind kind, int self, IReadOnlyList<int> members, Func<int, bool> inGroup, List<Plan> plans, Ranking rank)
    {
        var scored = rank.Scored;
        scored.Clear();
        if (members.Count <= 4 * options.MaxGroupSize)
        {
            foreach (var j in members)
                if (j != self) scored.Add((j, Math.Round(rank.Cosine(self, j), 4), scored.Count));
        }
        else
        {
            foreach (var (other, similarity) in rank.Nearest)
                if (other != self && inGroup(other)) scored.Add((other, similarity, scored.Count));
            var near = scored.Count;
            var added = 0;
            foreach (var j in members)
            {
                if (added == options.MaxGroupSize) break;
                if (j == self || IsAmong(scored, near, j)) continue;
                scored.Add((j, 0.0, scored.Count));
                added++;
            }
        }
        var idRank = rank.IdRank;
        scored.Sort((x, y) => x.Similarity != y.Similarity ? y.Similarity.CompareTo(x.Similarity)
            : idRank[x.Index] != idRank[y.Index] ? idRank[x.Index].CompareTo(idRank[y.Index]) : x.At.CompareTo(y.At));
        var peers = new List<Peer>(Math.Min(scored.Count, options.MaxGroupSize));
        for (var k = 0; k < peers.Capacity; k++) peers.Add(new Peer(plans[scored[k].Index].Id, scored[k].Similarity));
        return new(kind, peers);
    }

    private static bool IsAmong(List<(int Index, double Similarity, int At)> scored, int count, int plan)
    {
        for (var k = 0; k < count; k++)
            if (scored[k].Index == plan) return true;
        return false;
    }

    /// <summary>
    /// The text profiles with terms as numbers, and per worker the plan at hand spread over an array by term: a cosine
    /// is then array reads, in the order and with the arithmetic of <see cref="SparseVectors.Cosine"/> (a term the other
    /// plan lacks adds +0, which changes no sum), so the values are the same to the bit.
    /// </summary>
    private sealed class TermVectors
    {
        private readonly int[][] _terms;
        private readonly double[][] _weights;
        private readonly int _vocabulary;

        public TermVectors((int Term, double Weight)[][] profiles)
        {
            var ids = new Dictionary<int, int>();
            _terms = new int[profiles.Length][];
            _weights = new double[profiles.Length][];
            for (var p = 0; p < profiles.Length; p++)
            {
                (_terms[p], _weights[p]) = (new int[profiles[p].Length], new double[profiles[p].Length]);
                var k = 0;
                foreach (var (term, weight) in profiles[p])
                {
                    if (!ids.TryGetValue(term, out var id)) ids[term] = id = ids.Count;
                    (_terms[p][k], _weights[p][k]) = (id, weight);
                    k++;
                }
            }
            _vocabulary = ids.Count;
        }

        public Worker Scratch() => new(this);

        public sealed class Worker(TermVectors vectors)
        {
            private readonly double[] _self = new double[vectors._vocabulary];
            private readonly double[] _other = new double[vectors._vocabulary];

            /// <summary>The members of a group being ranked.</summary>
            public List<(int Index, double Similarity, int At)> Ranked { get; } = [];
            private int _loaded = -1;

            public void Load(int plan)
            {
                Spread(plan, _self);
                _loaded = plan;
            }

            public void Unload(int plan) => Clear(plan, _self);

            /// <summary>As <see cref="SparseVectors.Cosine"/>(profile a, profile b): over the shorter one's terms in its order (a's on a tie).</summary>
            public double Cosine(int a, int b)
            {
                var (terms, weights) = (vectors._terms, vectors._weights);
                if (terms[a].Length > terms[b].Length) (a, b) = (b, a);
                double[] other;
                if (b == _loaded) other = _self;
                else
                {
                    Spread(b, _other);
                    other = _other;
                }
                var dot = 0.0;
                var (ta, wa) = (terms[a], weights[a]);
                for (var k = 0; k < ta.Length; k++) dot += wa[k] * other[ta[k]];
                if (other == _other) Clear(b, _other);
                return dot;
            }

            private void Spread(int plan, double[] dense)
            {
                var (terms, weights) = (vectors._terms[plan], vectors._weights[plan]);
                for (var k = 0; k < terms.Length; k++) dense[terms[k]] = weights[k];
            }

            private void Clear(int plan, double[] dense)
            {
                foreach (var t in vectors._terms[plan]) dense[t] = 0;
            }
        }
    }
}
