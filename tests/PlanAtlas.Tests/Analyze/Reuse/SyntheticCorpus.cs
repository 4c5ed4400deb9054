using PlanAtlas.Analyze.Reuse;
using PlanAtlas.Model;

namespace PlanAtlas.Tests.Analyze.Reuse;

/// <summary>
/// A corpus of many plans made by recombining clauses of the sample plans, with known reuse: some items are
/// copies (slightly edited) of an item of an earlier plan or of the same plan, and half the items open with
/// generic boilerplate. Every item belongs to a family; two items of one family are a true reuse pair.
/// Seeded, so every run makes the same corpus.
/// </summary>
public sealed class SyntheticCorpus
{
    private static readonly string[] Boilerplate =
    [
        "深入贯彻落实习近平总书记关于安全生产重要论述和重要指示批示精神，", "进一步加强安全生产工作，", "坚持人民至上、生命至上，",
        "统筹发展和安全，", "坚决防范遏制重特大事故，", "严格落实安全生产责任制，",
    ];

    public SyntheticCorpus(int plans, int itemsPerPlan, double copyShare = 0.12, double selfCopyShare = 0.04, int seed = 20260101)
    {
        var random = new Random(seed);
        var clauses = SamplePlans.All.SelectMany(p => p.Items)
            .SelectMany(i => i.Text.Split(['，', ',', '、', '；', ';', '。']))
            .Select(c => c.Trim()).Where(c => TextNormalizer.Normalize(c).Length is >= 4 and <= 24)
            .Distinct().Order(StringComparer.Ordinal).ToArray();
        var alphabet = string.Concat(clauses).Where(char.IsLetter).Distinct().Order().ToArray();
        var all = new List<(string Text, int Family, int Plan)>();
        var family = 0;
        var result = new List<Plan>();
        for (var p = 0; p < plans; p++)
        {
            var items = new List<Item>();
            var mine = new List<(string Text, int Family)>();
            for (var i = 0; i < itemsPerPlan; i++)
            {
                var roll = random.NextDouble();
                (string Text, int Family) item;
                if (roll < selfCopyShare && mine.Count > 0)
                {
                    var source = mine[random.Next(mine.Count)];
                    item = (Edit(source.Text, random, clauses), source.Family);
                }
                else if (roll < selfCopyShare + copyShare && all.Count > 0)
                {
                    var source = all[random.Next(all.Count)];
                    item = (Edit(source.Text, random, clauses), source.Family);
                }
                else
                {
                    // Fresh wording on the same subjects: sample clauses with a third of their characters redrawn, so two
                    // fresh items share no more than chance n-grams (as two regions writing on gas safety do).
                    var text = string.Join("，", Enumerable.Range(0, random.Next(4, 11)).Select(_ => Redraw(clauses[random.Next(clauses.Length)], random, alphabet))) + "。";
                    if (random.NextDouble() < 0.5) text = Boilerplate[random.Next(Boilerplate.Length)] + text;
                    item = (text, family++);
                }
                mine.Add(item);
                items.Add(TestPlans.Item($"i{i + 1}", item.Text, i + 1));
                Families[new ItemKey($"s{p:D5}", $"i{i + 1}")] = item.Family;
            }
            all.AddRange(mine.Select(m => (m.Text, m.Family, p)));
            result.Add(TestPlans.Plan($"s{p:D5}", 2015 + p % 9, null, [.. items]));
        }
        Plans = result;
        TruePairs = Families.GroupBy(f => f.Value).Select(g => (long)g.Count() * (g.Count() - 1) / 2).Sum();
    }

    public IReadOnlyList<Plan> Plans { get; }
    public Dictionary<ItemKey, int> Families { get; } = [];
    public long TruePairs { get; }
    public int Items => Families.Count;

    private static string Redraw(string clause, Random random, char[] alphabet)
    {
        var chars = clause.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (random.NextDouble() < 0.33) chars[i] = alphabet[random.Next(alphabet.Length)];
        return new string(chars);
    }

    /// <summary>A copy as editors make it: a few characters changed, sometimes a clause dropped or added.</summary>
    private static string Edit(string text, Random random, string[] clauses)
    {
        var chars = text.ToCharArray();
        for (var k = random.Next(0, 4); k > 0; k--) chars[random.Next(chars.Length)] = "的和与及等县市区"[random.Next(8)];
        var edited = new string(chars);
        return random.Next(3) switch
        {
            0 => edited + clauses[random.Next(clauses.Length)] + "。",
            1 when edited.IndexOf('，') is > 0 and var cut => edited[(cut + 1)..],
            _ => edited,
        };
    }

    /// <summary>
    /// Precision and recall of a run's links against the families. Recall is of true pairs joined by a chain of
    /// correct links (the same passage-spread family): items link to a passage's first appearance and its nearest
    /// copies, not to every copy, so a family of n is whole with about n links instead of n²/2.
    /// </summary>
    public (double Precision, double Recall, int TrueLinks) Score(IReadOnlyList<ReuseLink> links)
    {
        var correct = links.Where(l => Families[l.A] == Families[l.B]).ToList();
        var parent = new Dictionary<ItemKey, ItemKey>();
        ItemKey Find(ItemKey k)
        {
            while (parent.TryGetValue(k, out var p) && p != k)
            {
                var up = parent.GetValueOrDefault(p, p);
                parent[k] = up;
                k = up;
            }
            return k;
        }
        foreach (var l in correct)
        {
            var (a, b) = (Find(l.A), Find(l.B));
            if (a != b) parent[b] = a;
        }
        var joined = Families.Keys.GroupBy(Find).Sum(g => (long)g.Count() * (g.Count() - 1) / 2);
        return (links.Count == 0 ? 1 : (double)correct.Count / links.Count, TruePairs == 0 ? 1 : (double)joined / TruePairs, correct.Count);
    }

    /// <summary>Share of the true pairs linked directly: low by design once families grow (see <see cref="Score"/>).</summary>
    public double PairRecall(IReadOnlyList<ReuseLink> links) =>
        TruePairs == 0 ? 1 : (double)links.Count(l => Families[l.A] == Families[l.B]) / TruePairs;
}
