using PlanAtlas.Model;
using PlanAtlas.Parse;
using PlanAtlas.Parse.Regions;
using PlanAtlas.Read;

namespace PlanAtlas.Tests.Read;

/// <summary>
/// A sample plan read from each of its forms (GBK text, .docx, portal .html, .pdf, .doc, .wps, .ofd; its attachment
/// as .xlsx/.xls) parses losslessly and gives the same items as the UTF-8 original: what a researcher sees does not
/// depend on the file format.
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
        var sample = ReadFixtures.SampleOf(name);
        var original = Parser.Parse(new TextDocumentReader().Read(File.ReadAllBytes(Path.Combine(ReadFixtures.SamplePlans, sample)), sample));
        var form = Parser.Parse(ReadForm(name));
        static List<string> Numbered(IEnumerable<Item> items) => items.Where(i => i.Kind is ItemKind.Item or ItemKind.Section or ItemKind.TableRow).Select(i => Normalize(i.Text)).ToList();
        // A spreadsheet holds only the attachment: the original's items from its first attachment on.
        var expected = Numbered(ReadFixtures.IsAttachmentOnly(name) ? original.Items.SkipWhile(i => !i.Id.StartsWith('a')) : original.Items);
        var actual = Numbered(form.Items);
        // The PDF fixture holds only the first lines of the sample: its items are a prefix of the original's.
        // The yichun .docx and .html forms add an attachment table after the body: the original's items come first.
        if (name.EndsWith(".pdf")) expected = expected.Take(actual.Count).ToList();
        Assert.True(actual.Count >= 3, $"{name}: only {actual.Count} numbered items");
        Assert.Equal(expected, actual.Take(expected.Count));
    }

    private static string Normalize(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
