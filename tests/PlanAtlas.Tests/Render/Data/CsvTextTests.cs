using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using PlanAtlas.Render.Data;

namespace PlanAtlas.Tests.Render.Data;

/// <summary>
/// CsvText replaced CsvHelper in the writing of every CSV the site publishes: the files must keep their bytes. Each
/// test writes the same awkward records both ways, with the configuration the site gave CsvHelper.
/// </summary>
public sealed class CsvTextTests
{
    private static readonly string[] Pieces = ["a", "中文", "\"", ",", "\r", "\n", "\r\n", " ", "\t", "\u3000", "=1", "-", "@", "'", "0.5", ";", "\"\""];

    private static List<string?[]> Records(int seed)
    {
        var random = new Random(seed);
        var records = new List<string?[]>();
        for (var r = 0; r < 400; r++)
        {
            var fields = new string?[random.Next(1, 6)];
            for (var f = 0; f < fields.Length; f++)
            {
                var kind = random.Next(10);
                fields[f] = kind == 0 ? null : kind == 1 ? "" : string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            }
            records.Add(fields);
        }
        return records;
    }

    private static byte[] WithCsvHelper(IEnumerable<string?[]> records, CsvConfiguration config)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(true), 1024, leaveOpen: true))
        using (var csv = new CsvWriter(writer, config))
            foreach (var record in records)
            {
                foreach (var field in record) csv.WriteField(field);
                csv.NextRecord();
            }
        return stream.ToArray();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Chart_and_cross_reference_csvs_are_what_CsvHelper_wrote_by_default(int seed)
    {
        var records = Records(seed);
        var expected = WithCsvHelper(records, new CsvConfiguration(CultureInfo.InvariantCulture));
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(CsvText.Bytes(records[0]!, records.Skip(1).Select(r => (IReadOnlyList<string>)r!))));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Plans_and_items_csvs_are_what_CsvHelper_wrote_with_white_space_at_the_ends_quoted(int seed)
    {
        var records = Records(seed);
        var expected = WithCsvHelper(records, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            NewLine = "\r\n",
            ShouldQuote = a => a.Field is { } f && (f.AsSpan().IndexOfAny("\",\r\n") >= 0 || f.Length > 0 && (char.IsWhiteSpace(f[0]) || char.IsWhiteSpace(f[^1]))),
        });
        var written = CsvText.Bytes(records[0]!, records.Skip(1).Select(r => (IReadOnlyList<string>)r!), CsvText.Quoting.WhiteSpaceAtEnds);
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(written));
        Assert.Equal(expected, written);
    }

    [Fact]
    public void A_small_charts_csv_allocates_nothing_on_the_large_object_heap()
    {
        string[] header = ["theme", "plan_percent", "peer_mean_percent", "difference"];
        var rows = Enumerable.Range(0, 20).Select(i => (IReadOnlyList<string>)[$"主题{i}", "12.5", "10", "+2.5"]).ToList();
        CsvText.Bytes(header, rows);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++) CsvText.Bytes(header, rows);
        // Ten charts: a writer's 300 KB of buffers each would be 3 MB.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 85_000, $"{GC.GetAllocatedBytesForCurrentThread() - allocated} bytes for ten small CSVs");
    }
}
