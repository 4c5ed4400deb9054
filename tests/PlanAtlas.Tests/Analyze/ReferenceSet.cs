using System.Globalization;
using PlanAtlas.Read;
using PlanAtlas.Analyze.Clustering;
using PlanAtlas.Model;
using PlanAtlas.ThemeCheck;

namespace PlanAtlas.Tests.Analyze;

/// <summary>
/// The subject/mention reference (tests/fixtures/themes/subjects.tsv, labelled by tools/themes/LABELLING.md), loaded
/// as tools/themes/ThemeCheck loads it: the tests and the measuring tool read one file one way.
/// </summary>
public static class ReferenceSet
{
    public static IReadOnlyList<LabelledItem> Items { get; } = SubjectReference.Load();

    /// <summary>The reference items as clustering input, keyed by file and place (a fresh list: tests shuffle it).</summary>
    public static List<ClusterInput> ClusterInputs() =>
        Items.Select((item, i) => new ClusterInput(new ItemKey(item.File, i.ToString("D4", CultureInfo.InvariantCulture)), item.Text)).ToList();

    /// <summary>The tokenizer the site uses for the sample input: its taxonomy's signals as words.</summary>
    public static ChineseTokenizer SampleTokenizer { get; } =
        new(ThemeTaxonomyLoader.Load(RepoPaths.SampleInput).Taxonomy.Themes.SelectMany(t => t.Signals));
}
