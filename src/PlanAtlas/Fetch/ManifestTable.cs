using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using PlanAtlas.Read;

namespace PlanAtlas.Fetch;

/// <summary>
/// input/plans.csv as a table of text cells, for fetch to add and fill rows in: every column and row the user has
/// is kept as it is (unknown columns too), the columns fetch writes are added at the end when missing, and rows
/// keep their order. A cell the user filled is never replaced, except fetch's own record: source_url, fetched_at
/// and sha256. Written as UTF-8, with a byte-order mark when the file had one or was not UTF-8 (Excel's GBK).
/// </summary>
internal sealed class ManifestTable
{
    private readonly List<string> _header;
    private readonly List<string[]> _rows;
    private readonly bool _bom;

    private ManifestTable(List<string> header, List<string[]> rows, bool bom)
    {
        _header = header;
        _rows = rows;
        _bom = bom;
    }

    /// <summary>The manifest, or an empty one; a manifest that cannot be read is a <see cref="FetchFailure"/>: fetch never rewrites what it could not read.</summary>
    public static ManifestTable Load(string path)
    {
        if (!File.Exists(path)) return new ManifestTable([.. ManifestLoader.Columns], [], bom: true);
        string text, encoding;
        try
        {
            (text, encoding) = TextDecoding.Decode(File.ReadAllBytes(path), InputReader.ManifestFile);
        }
        catch (DocumentReadException e) when (e.Code == "PA201")
        {
            return new ManifestTable([.. ManifestLoader.Columns], [], bom: true);
        }
        catch (DocumentReadException e)
        {
            throw new FetchFailure($"{InputReader.ManifestFile} cannot be read ({e.Message}); fix it first, fetch does not rewrite it");
        }
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null };
        try
        {
            using var csv = new CsvParser(new StringReader(text), config);
            if (!csv.Read()) return new ManifestTable([.. ManifestLoader.Columns], [], encoding != "utf-8");
            var header = csv.Record!.Select(h => h.Trim()).ToList();
            var rows = new List<string[]>();
            while (csv.Read()) rows.Add(csv.Record!);
            return new ManifestTable(header, rows, encoding != "utf-8");
        }
        catch (CsvHelperException e)
        {
            throw new FetchFailure($"{InputReader.ManifestFile} is not valid CSV ({e.Message.Split('\n')[0]}); fix it first, fetch does not rewrite it");
        }
    }

    public void Save(string path)
    {
        // Nothing fetched into a folder without a manifest: no manifest of headers only.
        if (_rows.Count == 0 && !File.Exists(path)) return;
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }))
        {
            foreach (var h in _header) csv.WriteField(h);
            csv.NextRecord();
            foreach (var row in _rows)
            {
                for (var i = 0; i < _header.Count; i++) csv.WriteField(i < row.Length ? row[i] : "");
                csv.NextRecord();
            }
        }
        var bytes = new UTF8Encoding(_bom).GetPreamble().Concat(Encoding.UTF8.GetBytes(writer.ToString())).ToArray();
        if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes)) SafeWrite.Bytes(path, bytes);
    }

    /// <summary>The row of a file in the plans folder, as the build matches it ("plans/x" and "x" are one file).</summary>
    public Row? Find(string file) => RowWhere("file", v => Normalize(v) == Normalize(file));

    /// <summary>A row recording this address as its source.</summary>
    public Row? FindBySource(string url) => RowWhere("source_url", v => v == url);

    public Row Add(string file)
    {
        var row = new Row(this, _rows.Count);
        _rows.Add(new string[_header.Count]);
        row.Set("file", file);
        return row;
    }

    /// <summary>Every file the manifest names.</summary>
    public bool Names(string file) => Find(file) is not null;

    private Row? RowWhere(string column, Func<string, bool> match)
    {
        var c = _header.IndexOf(column);
        if (c < 0) return null;
        for (var i = 0; i < _rows.Count; i++)
            if (c < _rows[i].Length && !string.IsNullOrWhiteSpace(_rows[i][c]) && match(_rows[i][c].Trim())) return new Row(this, i);
        return null;
    }

    private static string Normalize(string file)
    {
        var f = file.Trim().Replace('\\', '/');
        return (f.StartsWith(InputReader.PlansFolder + "/", StringComparison.Ordinal) ? f[(InputReader.PlansFolder.Length + 1)..] : f)
            .Normalize(NormalizationForm.FormC);
    }

    private int Column(string name)
    {
        var c = _header.IndexOf(name);
        if (c >= 0) return c;
        _header.Add(name);
        return _header.Count - 1;
    }

    /// <summary>One row; cells are read and written by column name, a missing column is added at the end.</summary>
    public sealed class Row(ManifestTable table, int index)
    {
        public string? Get(string column)
        {
            var c = table._header.IndexOf(column);
            var cells = table._rows[index];
            return c >= 0 && c < cells.Length && !string.IsNullOrWhiteSpace(cells[c]) ? cells[c].Trim() : null;
        }

        public string File => Normalize(Get("file") ?? "");

        public void Set(string column, string? value)
        {
            var c = table.Column(column);
            var cells = table._rows[index];
            if (cells.Length <= c)
            {
                Array.Resize(ref cells, table._header.Count);
                table._rows[index] = cells;
            }
            cells[c] = value ?? "";
        }

        /// <summary>Sets the cell only when it is empty: a value the user gave wins over the portal's.</summary>
        public void Fill(string column, string? value)
        {
            if (value is not null && Get(column) is null) Set(column, value);
        }
    }
}
