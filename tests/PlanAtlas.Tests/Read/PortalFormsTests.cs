using PlanAtlas.Model;
using PlanAtlas.Parse;
using PlanAtlas.Parse.Regions;
using PlanAtlas.Read;

namespace PlanAtlas.Tests.Read;

/// <summary>
/// Issue 22's criterion for the other forms portals publish: the .doc, .wps and .ofd fixtures of a sample plan (made
/// by tools/fixtures/forms.cs with LibreOffice, or laid out as GB/T 33190 describes) build from an input folder with
/// the same items as the sample's .txt, and the same region, year and 发文字号; the .xlsx/.xls 任务分工表 builds as
/// the .txt's task rows; and a damaged file of each kind is an error naming it, never an empty plan.
/// </summary>
public sealed class PortalFormsTests
{
    private static readonly PlanParser Parser = new(Gazetteer.Default);

    /// <summary>What an item is, as the comparison sees it: its kind and the start of its text, white space aside.</summary>
    private static List<string> Items(IEnumerable<Item> items) =>
        items.Select(i => $"{i.Kind} {Head(i.Text)}").ToList();

    private static string Head(string text)
    {
        var normalized = ReadFixtures.Normalize(text);
        return normalized[..Math.Min(24, normalized.Length)];
    }

    private static Plan Original(string form)
    {
        var sample = ReadFixtures.SampleOf(form);
        return Parser.Parse(new TextDocumentReader().Read(File.ReadAllBytes(Path.Combine(ReadFixtures.SamplePlans, sample)), sample));
    }

    /// <summary>The form built the way `build` reads it: copied into an input folder's plans/ and read from there.</summary>
    private static (Plan? Plan, IReadOnlyList<Diagnostic> Diagnostics) Build(string folder, string name)
    {
        var input = ReadFixtures.NewTempFolder();
        try
        {
            var plans = Directory.CreateDirectory(Path.Combine(input, InputReader.PlansFolder)).FullName;
            File.Copy(Path.Combine(folder, name), Path.Combine(plans, name));
            var set = InputReader.CreateDefault().Read(input);
            return (set.Documents.SingleOrDefault() is { } document ? Parser.Parse(document) : null, set.Diagnostics);
        }
        finally
        {
            Directory.Delete(input, recursive: true);
        }
    }

    /// <summary>A form fixture built without errors, beside the plan its sample's .txt gives.</summary>
    private static (Plan Original, Plan Built) BuildForm(string name)
    {
        var (plan, diagnostics) = Build(ReadFixtures.Forms, name);
        Assert.NotNull(plan);
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        return (Original(name), plan);
    }

    [Theory]
    [InlineData("liulin-2023.doc")]
    [InlineData("liulin-2023.wps")]
    [InlineData("yichun-2023.ofd")]
    public void A_whole_document_builds_with_the_items_and_metadata_of_its_text(string name)
    {
        var (original, plan) = BuildForm(name);

        Assert.Equal(original.Items.Count, plan.Items.Count);
        Assert.Equal(Items(original.Items), Items(plan.Items));
        Assert.Equal(original.Metadata.Region!.Value.Code, plan.Metadata.Region?.Value.Code);
        Assert.Equal(original.Metadata.Year!.Value, plan.Metadata.Year?.Value);
        Assert.Equal(original.Metadata.DocNumber!.Value, plan.Metadata.DocNumber?.Value);
    }

    [Theory]
    [InlineData("liulin-2023.xlsx")]
    [InlineData("liulin-2023.xls")]
    public void A_task_table_spreadsheet_alone_builds_as_the_task_rows_of_its_text(string name)
    {
        var (original, plan) = BuildForm(name);

        var attachment = original.Items.SkipWhile(i => !i.Id.StartsWith('a')).ToList();
        Assert.Equal(Items(attachment), Items(plan.Items));
        var rows = plan.Items.Where(i => i.Kind == ItemKind.TableRow).ToList();
        Assert.Equal(70, rows.Count);
        // Each row keeps its task's number, name and units: a row under a merged 序号 continues the task above it.
        Assert.Equal(
            attachment.Where(i => i.Kind == ItemKind.TableRow).Select(i => (i.Id, i.Table!.Number, i.Table.Task, i.Table.Units)),
            rows.Select(i => (i.Id, i.Table!.Number, i.Table.Task, i.Table.Units)));
        // The attachment's own title names the county and the year; the 发文字号 is in the notice, not here.
        Assert.Equal(original.Metadata.Region!.Value.Code, plan.Metadata.Region?.Value.Code);
        Assert.Equal(2023, plan.Metadata.Year?.Value);
    }

    [Theory]
    [InlineData("truncated.doc", "PA222")]
    [InlineData("truncated.xlsx", "PA223")]
    [InlineData("truncated.ofd", "PA224")]
    public void A_damaged_file_is_an_error_naming_it_never_an_empty_plan(string name, string code)
    {
        var (plan, diagnostics) = Build(ReadFixtures.Bad, name);

        Assert.Null(plan);
        var error = Assert.Single(diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal((code, "plans/" + name), (error.Code, error.File));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}
