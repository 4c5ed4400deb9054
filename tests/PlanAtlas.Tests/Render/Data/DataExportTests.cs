using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using PlanAtlas.Model;
using PlanAtlas.Parse;
using PlanAtlas.Render.Data;
using PlanAtlas.Tests.Parse;

namespace PlanAtlas.Tests.Render.Data;

public sealed class DataExportTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "planatlas-data-" + Guid.NewGuid().ToString("N"));

    private static IReadOnlyList<Plan> SamplePlans() =>
        PlanIds.Assign(TestFiles.SampleFiles().Select(f => TestFiles.Parser.Parse(TestFiles.Read(f), null)));

    internal static List<Dictionary<string, string>> ReadCsv(string path, out string[] header)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(header.ToDictionary(h => h, h => csv.GetField(h)!));
        return rows;
    }

    [Fact]
    public void Plans_csv_has_a_bom_the_required_columns_and_one_row_per_plan()
    {
        var plans = SamplePlans();
        DataExport.Write(plans, _out);
        var path = Path.Combine(_out, "data", "plans.csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(path)[..3]);
        var rows = ReadCsv(path, out var header);
        Assert.Equal(["plan_id", "title", "province", "city", "county", "region_code", "level", "year", "issuer", "doc_number", "issued_on", "kind", "source_file", "item_count"],
            header.Take(14));
        Assert.Equal(plans.Count, rows.Count);
        var liulin = rows.Single(r => r["plan_id"] == "141125-2023");
        Assert.Equal(("山西省", "吕梁市", "柳林县", "county"), (liulin["province"], liulin["city"], liulin["county"], liulin["level"]));
        Assert.Equal("柳政发〔2023〕2号", liulin["doc_number"]);
        Assert.Equal("2023-02-27", liulin["issued_on"]);
        Assert.Equal("notice", liulin["kind"]);
        Assert.Equal(plans.Single(p => p.Id == "141125-2023").Items.Count.ToString(), liulin["item_count"]);
    }

    [Fact]
    public void Items_csv_round_trips_text_and_joins_lists_with_semicolons()
    {
        var plans = SamplePlans();
        DataExport.Write(plans, _out);
        var rows = ReadCsv(Path.Combine(_out, "data", "items.csv"), out var header);
        Assert.Equal(["plan_id", "item_id", "path", "heading", "text", "responsible_units", "deadlines", "citations", "slogans"], header.Take(9));
        Assert.Equal(plans.Sum(p => p.Items.Count), rows.Count);
        var item = rows.Single(r => r["plan_id"] == "360900-2023" && r["item_id"] == "i2-4");
        var parsed = plans.Single(p => p.Id == "360900-2023").Items.Single(i => i.Id == "i2-4");
        Assert.Equal(parsed.Text, item["text"]);
        Assert.Equal("压实党政领导责任", item["heading"]);
        Assert.Equal("2023-03-31", item["deadlines"]);
        Assert.Equal(string.Join(";", parsed.ResponsibleUnits), item["responsible_units"]);
        Assert.Contains("地方党政领导干部安全生产责任制规定", item["citations"].Split(';'));
        // A multi-line table row survives quoting.
        var row = rows.Single(r => r["plan_id"] == "141125-2023" && r["item_id"] == "t2");
        Assert.Contains('\n', row["text"]);
    }

    [Fact]
    public void One_json_file_per_plan_with_readable_chinese()
    {
        var plans = SamplePlans();
        DataExport.Write(plans, _out);
        var files = Directory.GetFiles(Path.Combine(_out, "data", "plans"), "*.json").Select(Path.GetFileNameWithoutExtension).Order().ToList();
        Assert.Equal(plans.Select(p => p.Id).Order(), files);
        var json = File.ReadAllText(Path.Combine(_out, "data", "plans", "420700-2018.json"));
        Assert.Contains("鄂州市2018年安全生产工作要点", json);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("portal_metadata", doc.RootElement.GetProperty("metadata").GetProperty("issuer").GetProperty("source").GetString());
        Assert.Equal(plans.Single(p => p.Id == "420700-2018").Items.Count, doc.RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public void Output_is_deterministic_and_unchanged_files_are_not_rewritten()
    {
        var plans = SamplePlans();
        DataExport.Write(plans, _out);
        var path = Path.Combine(_out, "data", "items.csv");
        var first = File.ReadAllBytes(path);
        var stamp = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, stamp);
        DataExport.Write(plans.Reverse().ToList(), _out);
        Assert.Equal(first, File.ReadAllBytes(path));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void A_changed_data_file_is_replaced_and_nothing_is_left_beside_it()
    {
        var plans = SamplePlans();
        DataExport.Write(plans, _out);
        var path = Path.Combine(_out, "data", "items.csv");
        var first = File.ReadAllBytes(path);
        File.WriteAllText(path, "stale");
        DataExport.Write(plans, _out);
        Assert.Equal(first, File.ReadAllBytes(path));
        // Same length, one byte different: compared byte by byte, not by size.
        var changed = (byte[])first.Clone();
        changed[^3] ^= 1;
        File.WriteAllBytes(path, changed);
        DataExport.Write(plans, _out);
        Assert.Equal(first, File.ReadAllBytes(path));
        Assert.Empty(Directory.GetFiles(Path.Combine(_out, "data"), "*.new"));
    }

    [Fact]
    public void Extra_columns_are_appended_after_the_base_columns()
    {
        var options = new DataExportOptions
        {
            ExtraPlanColumns = [new("cluster", p => "c1")],
            ExtraItemColumns = [new("themes", x => x.Item.Text.Contains("燃气") ? "gas" : "")],
        };
        DataExport.Write(SamplePlans(), _out, options);
        ReadCsv(Path.Combine(_out, "data", "plans.csv"), out var planHeader);
        var items = ReadCsv(Path.Combine(_out, "data", "items.csv"), out var itemHeader);
        Assert.Equal(DataExport.PlanColumns.Select(c => c.Name).Append("cluster"), planHeader);
        Assert.Equal(DataExport.ItemColumns.Select(c => c.Name).Append("themes"), itemHeader);
        Assert.Contains(items, r => r["themes"] == "gas");
    }

    public void Dispose()
    {
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
    }
}
