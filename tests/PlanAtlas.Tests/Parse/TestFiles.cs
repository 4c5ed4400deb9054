using PlanAtlas.Model;
using PlanAtlas.Parse;
using PlanAtlas.Parse.Regions;
using PlanAtlas.Read;

namespace PlanAtlas.Tests.Parse;

/// <summary>Finds the repository's sample plans and parse fixtures from the test's working folder.</summary>
internal static class TestFiles
{
    public static readonly string Root = RepoPaths.Root;
    public static string Fixtures => Path.Combine(Root, "tests", "fixtures", "parse");
    public static string SamplePlans => Path.Combine(Root, "input", "plans");

    public static readonly PlanParser Parser = new(Gazetteer.Default);

    public static SourceDocument Read(string path) =>
        new TextDocumentReader().Read(File.ReadAllBytes(path), Path.GetFileName(path));

    public static SourceDocument FromText(string text, string name = "generated.txt") =>
        new(name, "txt", "utf-8", TextDocumentReader.SplitLines(text), new Dictionary<string, string>(), "");

    /// <summary>The document a reference describes: a sample plan, or one of the unseen documents kept beside the references.</summary>
    public static string DocumentFor(string referencePath)
    {
        var stem = Path.GetFileName(referencePath).Replace(".expected.tsv", "");
        var sample = Path.Combine(SamplePlans, stem + ".txt");
        return File.Exists(sample) ? sample : Path.Combine(Fixtures, "documents", stem + ".txt");
    }

    public static IEnumerable<string> References() =>
        Directory.EnumerateFiles(Fixtures, "*.expected.tsv").Order(StringComparer.Ordinal);

    public static IEnumerable<string> SampleFiles() =>
        Directory.EnumerateFiles(SamplePlans, "*.txt").Order(StringComparer.Ordinal);

}

/// <summary>A hand-labelled reference: the metadata a document states and every item's start, kind, path and heading.</summary>
internal sealed record Reference(string Name, IReadOnlyList<(string Field, string Value)> Meta, IReadOnlyList<Reference.ExpectedItem> Items)
{
    public sealed record ExpectedItem(int Line, string First, string Kind, string Path, string Heading);

    public static Reference Load(string path)
    {
        var meta = new List<(string, string)>();
        var items = new List<ExpectedItem>();
        foreach (var raw in File.ReadAllLines(path))
        {
            if (raw.StartsWith('#') || raw.Length == 0) continue;
            var c = raw.Split('\t');
            if (c[0] == "meta") meta.Add((c[1], c[2]));
            else if (c[0] == "item") items.Add(new ExpectedItem(int.Parse(c[1]), c[2], c[3], c[4], c.Length > 5 ? c[5] : ""));
        }
        return new Reference(System.IO.Path.GetFileName(path), meta, items);
    }
}
