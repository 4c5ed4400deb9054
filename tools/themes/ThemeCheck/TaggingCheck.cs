using System.Globalization;
using PlanAtlas.Analyze.Themes;
using PlanAtlas.Model;
using PlanAtlas.Read;

namespace PlanAtlas.ThemeCheck;

/// <summary>What the tagger scores against the reference: pooled per theme, and the macro-average of issue 20.</summary>
public sealed record TaggingFigures(IReadOnlyList<string> Themes, IReadOnlyDictionary<string, Score> Subjects,
    IReadOnlyDictionary<string, Score> AnyTag, double Macro, double MacroDevelopment, double MacroHeldOut, IReadOnlyList<string> MacroThemes,
    int MostSubjects)
{
    public Score Development(string theme) => DevelopmentScores[theme];
    public Score HeldOut(string theme) => HeldOutScores[theme];
    public required IReadOnlyDictionary<string, Score> DevelopmentScores { get; init; }
    public required IReadOnlyDictionary<string, Score> HeldOutScores { get; init; }
    public required IReadOnlyDictionary<string, double> FoldMeans { get; init; }
}

/// <summary>
/// Subject-level precision, recall and F1 of the theme tagger against the reference. The keyword rules and
/// <see cref="SubjectRule"/> fit nothing to the items, so leave-one-plan-out is the tagger run on each held-out plan as it
/// is; the pooled figure counts every item once, the fold mean averages the plans that have positives. "any tag" is what
/// the tagger gave before subjects and mentions were told apart (every theme found counted as the item's).
/// </summary>
public static class TaggingCheck
{
    /// <summary>Issue 20's targets.</summary>
    public static readonly string[] Named = ["crackdown", "gas", "selfbuilt"];
    public const double NamedTarget = 0.90, MacroTarget = 0.80;
    public const int MacroMinPositives = 10;

    /// <summary>
    /// The plans whose disagreements were read while the rule and signals were written (THEMECHECK_PLANS for the
    /// `errors` section); the other two were only ever scored.
    /// </summary>
    public static readonly string[] Development = ["hubei", "jiangxi", "shanxi"];

    public static bool IsDevelopment(LabelledItem item) => Development.Any(p => item.File.StartsWith(p, StringComparison.Ordinal));

    public static ThemeTagger SampleTagger()
    {
        var (taxonomy, diagnostics) = ThemeTaxonomyLoader.Load(SubjectReference.SampleInput);
        if (diagnostics.Any(d => d.Severity == Severity.Error)) throw new InvalidOperationException(string.Join("\n", diagnostics));
        return new ThemeTagger(taxonomy);
    }

    public static TaggingFigures Measure(IReadOnlyList<LabelledItem> items, ThemeTagger tagger)
    {
        var predicted = items.Select(i => tagger.Tag(i.Text)).ToList();
        var subjects = predicted.Select(t => (IReadOnlyList<string>)t.SubjectIds().ToList()).ToList();
        var any = predicted.Select(t => (IReadOnlyList<string>)t.Select(x => x.ThemeId).ToList()).ToList();
        var themes = tagger.Taxonomy.Themes.Select(t => t.Id).ToList();
        var plans = SubjectReference.Plans(items);
        Dictionary<string, Score> By(IReadOnlyList<IReadOnlyList<string>> guesses, Func<LabelledItem, bool> keep) =>
            themes.ToDictionary(t => t, t => Score.Of(items, guesses, t, keep), StringComparer.Ordinal);
        var pooled = By(subjects, _ => true);
        var development = By(subjects, IsDevelopment);
        var heldOut = By(subjects, i => !IsDevelopment(i));
        var macroThemes = themes.Where(t => pooled[t].Positives >= MacroMinPositives).ToList();
        var folds = themes.ToDictionary(t => t, t => plans.Select(p => Score.Of(items, subjects, t, i => i.File == p)).Where(s => s.Positives > 0)
            .Select(s => s.F1).DefaultIfEmpty(double.NaN).Average(), StringComparer.Ordinal);
        return new TaggingFigures(themes, pooled, By(any, _ => true), macroThemes.Average(t => pooled[t].F1),
            macroThemes.Average(t => development[t].F1), macroThemes.Average(t => heldOut[t].F1), macroThemes, subjects.Max(s => s.Count))
        {
            DevelopmentScores = development, HeldOutScores = heldOut, FoldMeans = folds,
        };
    }

    public static int Run(IReadOnlyList<LabelledItem> items)
    {
        var f = Measure(items, SampleTagger());
        Console.WriteLine("Subject-level, leave-one-plan-out (nothing is fitted: each plan is tagged as it is).");
        Console.WriteLine("| theme | subject positives | any tag P / R / F1 | subjects P / R / F1 | fold mean F1 |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var theme in f.Themes)
            Console.WriteLine($"| {theme} | {f.Subjects[theme].Positives} | {f.AnyTag[theme]} | {f.Subjects[theme]} | {F(f.FoldMeans[theme])} |");
        Console.WriteLine();
        Console.WriteLine($"macro F1 over the {f.MacroThemes.Count} themes with ≥ {MacroMinPositives} subject positives: {F(f.Macro)} (target ≥ {F(MacroTarget)})");
        Console.WriteLine($"  on the development plans ({string.Join(", ", Development)}): {F(f.MacroDevelopment)}; on the two never tuned on: {F(f.MacroHeldOut)}");
        foreach (var theme in Named)
            Console.WriteLine($"{theme}: F1 {F(f.Subjects[theme].F1)} (target ≥ {F(NamedTarget)}); development {f.Development(theme)}, never tuned on {f.HeldOut(theme)}");
        Console.WriteLine($"most subjects on one item: {f.MostSubjects} (at most {SubjectRule.MaxSubjects})");
        return (f.Macro < MacroTarget ? 1 : 0) + Named.Count(t => f.Subjects[t].F1 < NamedTarget);
    }

    public static string F(double x) => double.IsNaN(x) ? "–" : x.ToString("0.000", CultureInfo.InvariantCulture);
}

/// <summary>Precision, recall and F1 of one theme over the items a filter keeps.</summary>
public readonly record struct Score(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public int Positives => TruePositives + FalseNegatives;
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => Positives == 0 ? 0 : (double)TruePositives / Positives;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static Score Of(IReadOnlyList<LabelledItem> items, IReadOnlyList<IReadOnlyList<string>> predicted, string theme, Func<LabelledItem, bool> keep)
    {
        int tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < items.Count; i++)
        {
            if (!keep(items[i])) continue;
            var truth = items[i].Subjects.Contains(theme);
            var guess = predicted[i].Contains(theme);
            if (truth && guess) tp++;
            else if (guess) fp++;
            else if (truth) fn++;
        }
        return new Score(tp, fp, fn);
    }

    public override string ToString() =>
        $"{TaggingCheck.F(Precision)} / {TaggingCheck.F(Recall)} / {TaggingCheck.F(F1)}";
}
