using PlanAtlas.Read;
using System.Globalization;
using PlanAtlas.Analyze.Clustering;
using PlanAtlas.Analyze.Themes;
using PlanAtlas.Model;

namespace PlanAtlas.Tests.Analyze;

/// <summary>One hand-labelled item of tests/fixtures/themes/reference.tsv.</summary>
public sealed record ReferenceItem(string File, string Snippet, bool Crackdown, bool Gas, bool Selfbuilt, string Primary, string Text)
{
    public bool Has(string theme) => theme switch
    {
        "crackdown" => Crackdown,
        "gas" => Gas,
        "selfbuilt" => Selfbuilt,
        _ => throw new ArgumentOutOfRangeException(nameof(theme)),
    };
}

/// <summary>The hand-labelled reference and the stored baseline clusterings (tools/themes/baseline.mjs).</summary>
public static class ReferenceSet
{
    public static string Folder => Path.Combine(RepoPaths.Fixtures, "themes");

    public static IReadOnlyList<ReferenceItem> Items { get; } = Load();

    /// <summary>The reference items as clustering input, keyed by file and place (a fresh list: tests shuffle it).</summary>
    public static List<ClusterInput> ClusterInputs() =>
        Items.Select((item, i) => new ClusterInput(new ItemKey(item.File, i.ToString("D4", CultureInfo.InvariantCulture)), item.Text)).ToList();

    /// <summary>The tokenizer the site uses for the sample input: its taxonomy's signals as words.</summary>
    public static ChineseTokenizer SampleTokenizer { get; } =
        new(ThemeTaxonomyLoader.Load(RepoPaths.SampleInput, []).Themes.SelectMany(t => t.Signals));

    private static List<ReferenceItem> Load()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "reference.tsv")).Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1);
        return lines.Select(l => l.Split('\t')).Select(c => new ReferenceItem(c[0], c[1], c[2] == "1", c[3] == "1", c[4] == "1", c[5], c[6])).ToList();
    }

    /// <summary>Each baseline run: its seed and one cluster label per reference item.</summary>
    public static IReadOnlyList<(int Seed, int K, int[] Labels)> Baseline() =>
        File.ReadAllLines(Path.Combine(Folder, "baseline-assignments.tsv")).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(c => (int.Parse(c[0], CultureInfo.InvariantCulture), int.Parse(c[1], CultureInfo.InvariantCulture),
                c[2].Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray()))
            .ToList();
}
