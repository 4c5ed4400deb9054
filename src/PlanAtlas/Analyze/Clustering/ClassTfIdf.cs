namespace PlanAtlas.Analyze.Clustering;

/// <summary>
/// Class-based TF-IDF (BERTopic's c-TF-IDF): all items of a cluster form one document; a term weighs
/// tf(t, c) · log(1 + A / f(t)), where A is the mean number of tokens per cluster and f(t) the term's count in
/// all clusters. Terms frequent in one cluster and rare elsewhere rise to the top: the cluster's label.
/// </summary>
public static class ClassTfIdf
{
    /// <param name="counts">Cluster c's count of term t at [c * terms.Count + t].</param>
    public static List<List<string>> TopTerms(IReadOnlyList<string> terms, long[] counts, int k, int top)
    {
        var dimension = terms.Count;
        var overall = new long[dimension];
        var classTotals = new long[k];
        for (var c = 0; c < k; c++)
            for (var t = 0; t < dimension; t++)
            {
                overall[t] += counts[c * dimension + t];
                classTotals[c] += counts[c * dimension + t];
            }
        var average = (double)classTotals.Sum() / Math.Max(1, k);
        return Enumerable.Range(0, k).Select(c =>
        {
            // Words only: an item's theme terms (#gas) weigh in the clustering, but a label is in the plans' own words.
            var ranked = Enumerable.Range(0, dimension).Where(t => counts[c * dimension + t] > 0 && !ItemClusterer.IsThemeTerm(terms[t]))
                .Select(t => (Term: terms[t], Weight: (double)counts[c * dimension + t] / Math.Max(1, classTotals[c]) * Math.Log(1 + average / overall[t])))
                .OrderByDescending(p => Math.Round(p.Weight, 12)).ThenBy(p => p.Term, StringComparer.Ordinal)
                .Take(top * 4).ToList();
            // A bigram inside a longer term of about the same weight (全风 in 安全风险) says nothing the longer term does not.
            return ranked.Where(t => !ranked.Any(o => o.Term.Length > t.Term.Length && o.Weight >= t.Weight / 2 && o.Term.Contains(t.Term, StringComparison.Ordinal)))
                .Take(top).Select(t => t.Term).ToList();
        }).ToList();
    }
}
