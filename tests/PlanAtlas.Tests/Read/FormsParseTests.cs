using PlanAtlas.Model;
using PlanAtlas.Parse;
using PlanAtlas.Parse.Regions;
using PlanAtlas.Read;

namespace PlanAtlas.Tests.Read;

/// <summary>
/// The sample plan read from each of its forms (GBK text, .docx, portal .html, .pdf) parses losslessly and
/// gives the same items as the UTF-8 original: what a researcher sees does not depend on the file format.
/// </summary>
public sealed class FormsParseTests
{
    private static readonly PlanParser Parser = new(Gazetteer.Default);

    public static TheoryData<string> Forms => new(Directory.GetFiles(ReadFixtures.Forms).Select(Path.GetFileName).Order()!);

    private static SourceDocument ReadForm(string name) =>
        InputReader.CreateDefault().ReadPlan(ReadFixtures.Forms, name, new List<Diagnostic>())
        ?? throw new InvalidOperationException($"{name} could not be read");

    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_form_has_unique_increasing_block_lines_and_parses_losslessly(string name)
    {
        var document = ReadForm(name);
        var lines = document.Blocks.Select(b => b.Line).ToList();
        Assert.Equal(lines.Distinct().Order(), lines);
        Assert.Empty(SpanAccounting.Check(Parser.Parse(document), document));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_form_gives_the_items_of_the_original(string name)
    {
        var original = Parser.Parse(new TextDocumentReader().Read(File.ReadAllBytes(Path.Combine(ReadFixtures.SamplePlans, ReadFixtures.YichunSample)), ReadFixtures.YichunSample));
        var form = Parser.Parse(ReadForm(name));
        static List<string> Numbered(Plan p) => p.Items.Where(i => i.Kind is ItemKind.Item or ItemKind.Section).Select(i => Normalize(i.Text)).ToList();
        var expected = Numbered(original);
        var actual = Numbered(form);
        // The PDF fixture holds only the first lines of the sample: its items are a prefix of the original's.
        // The .docx and .html forms add an attachment table after the body: the original's items come first.
        if (name.EndsWith(".pdf")) expected = expected.Take(actual.Count).ToList();
        Assert.True(actual.Count >= 3, $"{name}: only {actual.Count} numbered items");
        Assert.Equal(expected, actual.Take(expected.Count));
    }

    private static string Normalize(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
