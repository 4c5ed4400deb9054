using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;
using PlanAtlas.Analyze.Clustering;
using PlanAtlas.Analyze.Themes;
using PlanAtlas.Model;

namespace PlanAtlas.ThemeCheck;

/// <summary>
/// A supervised check of the taxonomy: an ML.NET multiclass model (SDCA maximum entropy over TF-IDF of the build's
/// words, plus the item's subject themes as terms) learns each item's primary theme, leave-one-plan-out: for each plan,
/// fitted on the other four and scored on it. Against it, the keyword rule's own primary: the subject whose evidence
/// comes first (the heading's theme when the heading has one), `general` when the item only mentions themes, `none`
/// when it names none. Where the model wins, it could rank an item's primary theme; the figures say whether it does.
/// </summary>
public static class SupervisedCheck
{
    private sealed class Row
    {
        public string[] Tokens { get; set; } = [];
        public string Label { get; set; } = "";
    }

    private sealed class Prediction
    {
        [ColumnName("PredictedLabel")] public string Predicted { get; set; } = "";
    }

    private sealed class BinaryRow
    {
        public string[] Tokens { get; set; } = [];
        public bool Label { get; set; }
    }

    private sealed class BinaryPrediction
    {
        [ColumnName("PredictedLabel")] public bool Predicted { get; set; }
    }

    public static int Run(IReadOnlyList<LabelledItem> items)
    {
        var tagger = TaggingCheck.SampleTagger();
        var tokenizer = new ChineseTokenizer(tagger.Taxonomy.Themes.SelectMany(t => t.Signals));
        var tags = items.Select(i => tagger.Tag(i.Text)).ToList();
        var rows = items.Select((item, i) =>
        {
            var tokens = tokenizer.Tokenize(item.Text);
            tokens.AddRange(ItemClusterer.ThemeTerms(tags[i].SubjectIds()));
            return new Row { Tokens = tokens.Count == 0 ? ["∅"] : tokens.ToArray(), Label = item.Primary };
        }).ToList();
        var model = new string[items.Count];
        var rule = items.Select((_, i) => RulePrimary(tags[i])).ToArray();
        foreach (var plan in SubjectReference.Plans(items))
        {
            var train = rows.Where((_, i) => items[i].File != plan).ToList();
            var ml = new MLContext(seed: 1);
            var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", nameof(Row.Label))
                .Append(ml.Transforms.Conversion.MapValueToKey("TokenKeys", nameof(Row.Tokens)))
                .Append(ml.Transforms.Text.ProduceNgrams("Weighted", "TokenKeys", ngramLength: 1, useAllLengths: false,
                    weighting: NgramExtractingEstimator.WeightingCriteria.TfIdf))
                .Append(ml.Transforms.NormalizeLpNorm("Features", "Weighted"))
                .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy())
                .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
            var fitted = pipeline.Fit(ml.Data.LoadFromEnumerable(train));
            var engine = ml.Model.CreatePredictionEngine<Row, Prediction>(fitted);
            for (var i = 0; i < items.Count; i++)
                if (items[i].File == plan) model[i] = engine.Predict(rows[i]).Predicted;
        }
        var truth = items.Select(i => i.Primary).ToList();
        Console.WriteLine("Primary theme of each item, leave-one-plan-out (the model is fitted on the four other plans).");
        Console.WriteLine("| | accuracy | macro F1 (themes with ≥ 5 primaries) | accuracy, two never-tuned plans |");
        Console.WriteLine("|---|---|---|---|");
        var held = Enumerable.Range(0, items.Count).Where(i => !TaggingCheck.IsDevelopment(items[i])).ToList();
        foreach (var (name, guess) in new[] { ("keyword rule (first subject)", rule), ("ML.NET SDCA, TF-IDF words + subject themes", model) })
            Console.WriteLine($"| {name} | {TaggingCheck.F(Accuracy(truth, guess, Enumerable.Range(0, items.Count)))} | {TaggingCheck.F(MacroF1(truth, guess))} | {TaggingCheck.F(Accuracy(truth, guess, held))} |");
        Console.WriteLine();
        Subjects(items, tags, rows);
        return 0;
    }

    /// <summary>
    /// Per theme, a binary model (SDCA logistic regression) of "the theme is a subject", leave-one-plan-out, over the same
    /// words plus what the rule found (`S:gas` for a subject, `M:gas` for a mention): does learning beat the rule?
    /// </summary>
    private static void Subjects(IReadOnlyList<LabelledItem> items, List<IReadOnlyList<ThemeTag>> tags, List<Row> rows)
    {
        var figures = TaggingCheck.Measure(items, TaggingCheck.SampleTagger());
        Console.WriteLine("Subjects per theme, leave-one-plan-out: the rule against a model that learns from the words and the rule's tags.");
        Console.WriteLine("| theme | positives | rule F1 | ML.NET SDCA logistic F1 |");
        Console.WriteLine("|---|---|---|---|");
        var ruleMacro = new List<double>();
        var modelMacro = new List<double>();
        foreach (var theme in figures.MacroThemes)
        {
            var data = items.Select((item, i) => new BinaryRow
            {
                Tokens = rows[i].Tokens.Where(t => !ItemClusterer.IsThemeTerm(t))
                    .Concat(tags[i].Select(t => (t.IsSubject ? "S:" : "M:") + t.ThemeId)).DefaultIfEmpty("∅").ToArray(),
                Label = item.Subjects.Contains(theme),
            }).ToList();
            var guess = new List<IReadOnlyList<string>>(new IReadOnlyList<string>[items.Count]);
            foreach (var plan in SubjectReference.Plans(items))
            {
                var ml = new MLContext(seed: 1);
                var pipeline = ml.Transforms.Conversion.MapValueToKey("TokenKeys", nameof(BinaryRow.Tokens))
                    .Append(ml.Transforms.Text.ProduceNgrams("Weighted", "TokenKeys", ngramLength: 1, useAllLengths: false,
                        weighting: NgramExtractingEstimator.WeightingCriteria.TfIdf))
                    .Append(ml.Transforms.NormalizeLpNorm("Features", "Weighted"))
                    .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression());
                var train = data.Where((_, i) => items[i].File != plan).ToList();
                if (train.All(r => !r.Label) || train.All(r => r.Label))
                {
                    for (var i = 0; i < items.Count; i++) if (items[i].File == plan) guess[i] = [];
                    continue;
                }
                var engine = ml.Model.CreatePredictionEngine<BinaryRow, BinaryPrediction>(pipeline.Fit(ml.Data.LoadFromEnumerable(train)));
                for (var i = 0; i < items.Count; i++)
                    if (items[i].File == plan) guess[i] = engine.Predict(data[i]).Predicted ? [theme] : [];
            }
            var model = Score.Of(items, guess, theme, _ => true);
            Console.WriteLine($"| {theme} | {model.Positives} | {TaggingCheck.F(figures.Subjects[theme].F1)} | {TaggingCheck.F(model.F1)} |");
            ruleMacro.Add(figures.Subjects[theme].F1);
            modelMacro.Add(model.F1);
        }
        Console.WriteLine($"| macro | | {TaggingCheck.F(ruleMacro.Average())} | {TaggingCheck.F(modelMacro.Average())} |");
    }

    /// <summary>The rule's primary: the first subject found (taxonomy order breaks ties), else general or none.</summary>
    public static string RulePrimary(IReadOnlyList<ThemeTag> tags)
    {
        var subjects = tags.Where(t => t.IsSubject).ToList();
        if (subjects.Count > 0) return subjects.MinBy(t => t.Evidence.Min(e => e.Start))!.ThemeId;
        return tags.Count > 0 ? "general" : "none";
    }

    private static double Accuracy(List<string> truth, string[] guess, IEnumerable<int> which)
    {
        var list = which.ToList();
        return list.Count == 0 ? double.NaN : list.Count(i => truth[i] == guess[i]) / (double)list.Count;
    }

    private static double MacroF1(List<string> truth, string[] guess)
    {
        var labels = truth.GroupBy(t => t).Where(g => g.Count() >= 5).Select(g => g.Key).ToList();
        return labels.Average(label =>
        {
            var tp = truth.Where((t, i) => t == label && guess[i] == label).Count();
            var fp = truth.Where((t, i) => t != label && guess[i] == label).Count();
            var fn = truth.Where((t, i) => t == label && guess[i] != label).Count();
            return tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
        });
    }
}
