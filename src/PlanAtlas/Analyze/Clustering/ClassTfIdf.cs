namespace PlanAtlas.Analyze.Clustering;

/// <summary>
/// Class-based TF-IDF (BERTopic's c-TF-IDF): all items of a cluster form one document; a term weighs
/// tf(t, c) · log(1 + A / f(t)), where A is the mean number of tokens per cluster and f(t) the term's count in
/// all clusters. Terms frequent in one cluster and rare elsewhere rise to the top: the cluster's label.
/// </summary>
public static class ClassTfIdf
{
    public static List<List<string>> TopTerms(IReadOnlyList<IReadOnlyList<string>> tokens, IReadOnlyList<int> labels, int k, int top)
    {
        var perClass = Enumerable.Range(0, k).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var overall = new Dictionary<string, int>(StringComparer.Ordinal);
        var classTotals = new long[k];
        for (var i = 0; i < tokens.Count; i++)
            foreach (var t in tokens[i])
            {
                perClass[labels[i]][t] = perClass[labels[i]].GetValueOrDefault(t) + 1;
                overall[t] = overall.GetValueOrDefault(t) + 1;
                classTotals[labels[i]]++;
            }
        var average = (double)classTotals.Sum() / Math.Max(1, k);
        return perClass.Select((counts, c) =>
        {
            var ranked = counts
                .Select(p => (Term: p.Key, Weight: (double)p.Value / Math.Max(1, classTotals[c]) * Math.Log(1 + average / overall[p.Key])))
                .OrderByDescending(p => Math.Round(p.Weight, 12)).ThenBy(p => p.Term, StringComparer.Ordinal)
                .Take(top * 4).ToList();
            // A bigram inside a longer term of about the same weight (全风 in 安全风险) says nothing the longer term does not.
            return ranked.Where(t => !ranked.Any(o => o.Term.Length > t.Term.Length && o.Weight >= t.Weight / 2 && o.Term.Contains(t.Term, StringComparison.Ordinal)))
                .Take(top).Select(t => t.Term).ToList();
        }).ToList();
    }
}
