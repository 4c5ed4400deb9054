using System.Globalization;
using PlanAtlas.Model;

namespace PlanAtlas.ThemeCheck;

/// <summary>One item of tests/fixtures/themes/subjects.tsv, labelled by the rule in tools/themes/LABELLING.md.</summary>
public sealed record LabelledItem(string File, string Snippet, IReadOnlyList<string> Subjects, IReadOnlyList<string> Mentions,
    string Primary, string Text, int Place)
{
    public ItemKey Key => new(File, Place.ToString("D4", CultureInfo.InvariantCulture));
}

/// <summary>The subject/mention reference: every analysed item of the five sample plans, kept apart from the tagger.</summary>
public static class SubjectReference
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string SampleInput => Path.Combine(RepositoryRoot, "input");

    public static IReadOnlyList<LabelledItem> Load() => Load(Path.Combine(RepositoryRoot, "tests", "fixtures", "themes", "subjects.tsv"));

    public static IReadOnlyList<LabelledItem> Load(string path)
    {
        var rows = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1).Select(l => l.Split('\t')).ToList();
        return rows.Select((c, i) => new LabelledItem(c[0], c[1], Split(c[2]), Split(c[3]), c[4], c[5], i)).ToList();
    }

    /// <summary>The plan files, in order: the folds of a leave-one-plan-out measurement.</summary>
    public static IReadOnlyList<string> Plans(IEnumerable<LabelledItem> items) => items.Select(i => i.File).Distinct().Order(StringComparer.Ordinal).ToList();

    private static string[] Split(string cell) => cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Site.sln"))) return dir.FullName;
        throw new InvalidOperationException("Site.sln not found above " + AppContext.BaseDirectory);
    }
}
