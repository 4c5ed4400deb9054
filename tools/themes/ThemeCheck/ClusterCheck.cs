using System.Diagnostics;
using System.Globalization;
using PlanAtlas.Analyze.Clustering;
using PlanAtlas.Model;

namespace PlanAtlas.ThemeCheck;

/// <summary>
/// PlanAtlas's clusters against the researcher's script in the same run: tools/themes/baseline.py (jieba + scikit-learn
/// TfidfVectorizer + KMeans, every default) and <see cref="ItemClusterer"/> cluster the same reference items with the
/// same k (the number of distinct primary labels), ten seeds each; NMI and ARI against the primary labels, mean ± sd,
/// both computed here by <see cref="ClusterAgreement"/> from the assignments. The clusterer is not fitted to the labels
/// (its options are the product's defaults), so no fold is needed.
/// </summary>
public static class ClusterCheck
{
    public const double Margin = 0.03;
    private static readonly int[] Seeds = Enumerable.Range(0, 10).ToArray();

    public static int Run(IReadOnlyList<LabelledItem> items)
    {
        var primary = items.Select(i => i.Primary).ToList();
        var k = primary.Distinct().Count();
        var baseline = Baseline(items.Count);
        if (baseline is null) return 1;
        WriteStored(baseline, k);
        var tagger = TaggingCheck.SampleTagger();
        var held = Enumerable.Range(0, items.Count).Where(i => !TaggingCheck.IsDevelopment(items[i])).ToArray();
        var heldPrimary = held.Select(i => primary[i]).ToList();
        Console.WriteLine($"{items.Count} items, k = {k} (distinct primary labels), seeds {Seeds[0]}–{Seeds[^1]}");
        Console.WriteLine($"last column: NMI on the {held.Length} items of the two plans the tagger was never tuned on, from the same runs");
        Console.WriteLine("| pipeline | NMI mean ± sd | ARI mean ± sd | NMI, two never-tuned plans |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine(Line("jieba + scikit-learn TF-IDF + KMeans (tools/themes/baseline.py)", primary, baseline, held, heldPrimary));
        var baseNmi = baseline.Average(b => ClusterAgreement.NormalizedMutualInformation(primary, b));
        var subjects = items.Select(i => tagger.Tag(i.Text).SubjectIds().ToList()).ToList();
        var product = double.NaN;
        var variants = new List<(string Name, Tokenization Mode, Func<int, IReadOnlyList<string>> Terms)>
        {
            ($"**PlanAtlas: {ItemClusterer.DefaultTokenization} + subject themes ×{ItemClusterer.ThemeTermWeight}** (the build's clustering)",
                ItemClusterer.DefaultTokenization, i => ItemClusterer.ThemeTerms(subjects[i])),
            ("before issue 20: lexicon words + every bigram", Tokenization.LexiconAndBigrams, _ => []),
            ("jieba words", Tokenization.JiebaWords, _ => []),
            ("jieba words + every bigram", Tokenization.JiebaWordsAndBigrams, _ => []),
            ("jieba words + subject themes ×1", Tokenization.JiebaWords, i => ItemClusterer.ThemeTerms(subjects[i], 1)),
            ("jieba words + subject themes ×2", Tokenization.JiebaWords, i => ItemClusterer.ThemeTerms(subjects[i], 2)),
            ("jieba words + subject themes ×5", Tokenization.JiebaWords, i => ItemClusterer.ThemeTerms(subjects[i], 5)),
        };
        foreach (var (name, mode, terms) in variants)
        {
            var runs = Runs(items, tagger.Taxonomy, mode, terms, k, Seeds);
            Console.WriteLine(Line(name, primary, runs, held, heldPrimary));
            if (double.IsNaN(product)) product = runs.Average(r => ClusterAgreement.NormalizedMutualInformation(primary, r));
        }
        Console.WriteLine();
        Console.WriteLine($"PlanAtlas NMI {TaggingCheck.F(product)} against the baseline's {TaggingCheck.F(baseNmi)}: {(product - baseNmi >= 0 ? "+" : "")}{TaggingCheck.F(product - baseNmi)} (target ≥ +{Margin:0.00})");
        return product >= baseNmi + Margin ? 0 : 1;
    }

    /// <summary>The reference items clustered with k clusters, once per seed: each run's cluster per item.</summary>
    private static List<int[]> Runs(IReadOnlyList<LabelledItem> items, ThemeTaxonomy taxonomy, Tokenization mode,
        Func<int, IReadOnlyList<string>> terms, int k, IEnumerable<int> seeds)
    {
        var tokenizer = new ChineseTokenizer(taxonomy.Themes.SelectMany(t => t.Signals), mode);
        var inputs = items.Select((item, i) => new ClusterInput(new ItemKey("ref", i.ToString("D4", CultureInfo.InvariantCulture)), item.Text) { Terms = terms(i) }).ToList();
        return seeds.Select(seed =>
        {
            var clustering = new ItemClusterer(tokenizer, new ClusterOptions { Clusters = k, Seed = seed }).Cluster(inputs);
            return inputs.Select(i => clustering.Assignment.TryGetValue(i.Key, out var c) ? c : 0).ToArray();
        }).ToList();
    }

    /// <summary>Where the baseline's assignments are kept for the tests, which must not need Python.</summary>
    public static string StoredPath => Path.Combine(SubjectReference.RepositoryRoot, "tests", "fixtures", "themes", "subjects-baseline.tsv");

    private static void WriteStored(List<int[]> runs, int k)
    {
        var lines = new List<string> { "# tools/themes/baseline.py on subjects.tsv, written by `dotnet run --project tools/themes/ThemeCheck -c Release -- clusters`", "seed\tk\tassignment" };
        lines.AddRange(runs.Select((r, i) => $"{Seeds[i]}\t{k}\t{string.Join(',', r)}"));
        File.WriteAllText(StoredPath, string.Join('\n', lines) + "\n");
    }

    /// <summary>The stored baseline: one assignment per seed.</summary>
    public static IReadOnlyList<int[]> Stored() =>
        File.ReadAllLines(StoredPath).Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1)
            .Select(l => l.Split('\t')[2].Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray()).ToList();

    /// <summary>The build's own clustering of the reference items (its tokenization and subject-theme terms), one assignment per seed.</summary>
    public static IReadOnlyList<int[]> Product(IReadOnlyList<LabelledItem> items, IEnumerable<int> seeds)
    {
        var tagger = TaggingCheck.SampleTagger();
        var terms = items.Select(item => ItemClusterer.ThemeTerms(tagger.Tag(item.Text).SubjectIds())).ToList();
        return Runs(items, tagger.Taxonomy, ItemClusterer.DefaultTokenization, i => terms[i], items.Select(i => i.Primary).Distinct().Count(), seeds);
    }

    private static string Line(string name, List<string> primary, IReadOnlyList<int[]> runs, int[] subset, List<string> subsetPrimary)
    {
        var nmi = runs.Select(r => ClusterAgreement.NormalizedMutualInformation(primary, r)).ToList();
        var ari = runs.Select(r => ClusterAgreement.AdjustedRandIndex(primary, r)).ToList();
        var part = runs.Select(r => ClusterAgreement.NormalizedMutualInformation(subsetPrimary, subset.Select(i => r[i]).ToList())).ToList();
        return $"| {name} | {TaggingCheck.F(nmi.Average())} ± {TaggingCheck.F(Sd(nmi))} | {TaggingCheck.F(ari.Average())} ± {TaggingCheck.F(Sd(ari))} | {TaggingCheck.F(part.Average())} |";
    }

    private static double Sd(IReadOnlyList<double> xs)
    {
        var mean = xs.Average();
        return Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / Math.Max(1, xs.Count - 1));
    }

    /// <summary>baseline.py's assignment per seed; null (with a message) when Python, jieba or scikit-learn is missing.</summary>
    private static List<int[]>? Baseline(int items)
    {
        var script = Path.Combine(SubjectReference.RepositoryRoot, "tools", "themes", "baseline.py");
        var reference = Path.Combine(SubjectReference.RepositoryRoot, "tests", "fixtures", "themes", "subjects.tsv");
        // Debian's interpreter, where apt puts python3-jieba and python3-sklearn, even when another python3 comes first on PATH.
        var python = Environment.GetEnvironmentVariable("PYTHON") ?? (File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3");
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { script, reference }.Concat(Seeds.Select(s => s.ToString(CultureInfo.InvariantCulture)))) start.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                Console.WriteLine($"baseline.py failed ({process.ExitCode}): {stderr.Trim()} — apt-get install python3-jieba python3-sklearn");
                return null;
            }
            var runs = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split(' ').Skip(4).Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray()).ToList();
            if (runs.Count != Seeds.Length || runs.Any(r => r.Length != items)) throw new InvalidDataException("baseline.py printed an unexpected assignment");
            return runs;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.WriteLine("python3 is not on PATH: apt-get install python3-jieba python3-sklearn");
            return null;
        }
    }
}
