using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using PlanAtlas.Model;

namespace PlanAtlas.Read;

/// <summary>
/// Reads input/plans.csv with CsvHelper. The manifest is optional; a row that is broken is reported with
/// its row number and skipped, the rest still apply.
/// </summary>
public static class ManifestLoader
{
    private const string ManifestFile = InputReader.ManifestFile;

    public static readonly string[] Columns =
        ["file", "title", "region", "region_code", "level", "year", "issuer", "doc_number", "issued_on", "kind", "source_url", "fetched_at", "sha256", "role"];

    /// <summary>The manifest's rows by file, and what is wrong with it (each message names its row).</summary>
    public static (IReadOnlyDictionary<string, ManifestEntry> Entries, IReadOnlyList<Diagnostic> Diagnostics) Load(string path)
    {
        var entries = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        var diagnostics = new List<Diagnostic>();
        if (!File.Exists(path)) return (entries, diagnostics);

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
            TrimOptions = TrimOptions.Trim,
            // A stray quote does not spoil the other rows: reported once per row, the field read as written.
            BadDataFound = args =>
            {
                var row = args.Context.Parser?.Row;
                if (diagnostics.Any(d => d.Code == "PA128" && d.Line == row)) return;
                diagnostics.Add(new Diagnostic(Severity.Warning, "PA128", InputReader.ManifestFile, row,
                    $"a field has stray quotes ({Shorten(args.RawRecord)}); it is read as written: check this row"));
            },
            MissingFieldFound = null,
        };
        string text;
        try
        {
            if (new FileInfo(path).Length > InputReader.DefaultMaxFileBytes)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, "PA124", InputReader.ManifestFile, null,
                    $"the manifest is larger than {InputReader.DefaultMaxFileBytes / (1024 * 1024)} MB; it is ignored"));
                return (entries, diagnostics);
            }
            // Excel on a Chinese Windows saves CSV as GBK: decoded like a plan, not assumed to be UTF-8.
            text = TextDecoding.Decode(File.ReadAllBytes(path), ManifestFile).Text;
        }
        catch (DocumentReadException e)
        {
            if (e.Code != "PA201")
                diagnostics.Add(new Diagnostic(Severity.Error, "PA124", InputReader.ManifestFile, e.Line,
                    $"the manifest cannot be read as text ({e.Message}); it is ignored"));
            return (entries, diagnostics);
        }
        try
        {
            using var reader = new StringReader(text);
            using var csv = new CsvReader(reader, config);
            if (!csv.Read() || !csv.ReadHeader())
                return (entries, diagnostics);
            var header = csv.HeaderRecord ?? [];
            if (!header.Contains("file"))
            {
                diagnostics.Add(new Diagnostic(Severity.Error, "PA120", InputReader.ManifestFile, 1,
                    "the manifest has no 'file' column; it is ignored"));
                return (entries, diagnostics);
            }
            foreach (var unknown in header.Where(h => !Columns.Contains(h)))
                diagnostics.Add(new Diagnostic(Severity.Warning, "PA121", InputReader.ManifestFile, 1,
                    $"unknown column '{unknown}' is ignored (known: {string.Join(", ", Columns)})"));

            while (csv.Read())
            {
                var row = csv.Parser.Row;
                string? Get(string column) => header.Contains(column) && csv.TryGetField<string>(column, out var v)
                    && !string.IsNullOrWhiteSpace(v) ? v : null;
                var file = Get("file")?.Replace('\\', '/');
                if (file is null)
                {
                    diagnostics.Add(new Diagnostic(Severity.Warning, "PA122", InputReader.ManifestFile, row,
                        "row has no file name; it is ignored"));
                    continue;
                }
                if (file.StartsWith(InputReader.PlansFolder + "/", StringComparison.Ordinal))
                    file = file[(InputReader.PlansFolder.Length + 1)..];
                var entry = new ManifestEntry(row, file, Get("title"), Get("region"), Get("region_code"), Get("level"),
                    Get("year"), Get("issuer"), Get("doc_number"), Get("issued_on"), Get("kind"), Get("source_url"))
                    { Role = Role(Get("role"), file, row, diagnostics.Add) };
                if (entries.TryGetValue(file, out var first))
                {
                    var conflicts = Conflicts(first, entry);
                    diagnostics.Add(conflicts.Count == 0
                        ? new Diagnostic(Severity.Warning, "PA123", InputReader.ManifestFile, row,
                            $"'{file}' is listed again (first at row {first.Row}); this row is ignored")
                        : new Diagnostic(Severity.Error, "PA127", InputReader.ManifestFile, row,
                            $"'{file}' is listed again and contradicts row {first.Row} ({string.Join("; ", conflicts)}); row {first.Row} is used"));
                    continue;
                }
                entries[file] = entry;
            }
        }
        catch (CsvHelperException e)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, "PA124", InputReader.ManifestFile, e.Context?.Parser?.Row,
                $"the manifest is not valid CSV: {e.Message.Split('\n')[0]}"));
        }
        return (entries, diagnostics);
    }

    private static ManifestRole Role(string? value, string file, int row, Action<Diagnostic> report)
    {
        if (value is null) return ManifestRole.Plan;
        // By name only: Enum.TryParse would also take "1".
        foreach (var role in Enum.GetValues<ManifestRole>())
            if (string.Equals(role.ToString(), value.Trim(), StringComparison.OrdinalIgnoreCase)) return role;
        report(new Diagnostic(Severity.Warning, "PA129", InputReader.ManifestFile, row,
            $"role '{value}' for {file} is not one of plan, page, attachment; the file is built as a plan"));
        return ManifestRole.Plan;
    }

    private static string Shorten(string raw)
    {
        var oneLine = raw.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= 60 ? oneLine : oneLine[..60] + "…";
    }

    private static List<string> Conflicts(ManifestEntry first, ManifestEntry again)
    {
        var conflicts = new List<string>();
        void Compare(string column, string? a, string? b)
        {
            if (a is not null && b is not null && a != b) conflicts.Add($"{column}: '{a}' vs '{b}'");
        }
        Compare("title", first.Title, again.Title);
        Compare("region", first.Region, again.Region);
        Compare("region_code", first.RegionCode, again.RegionCode);
        Compare("level", first.Level, again.Level);
        Compare("year", first.Year, again.Year);
        Compare("issuer", first.Issuer, again.Issuer);
        Compare("doc_number", first.DocNumber, again.DocNumber);
        Compare("issued_on", first.IssuedOn, again.IssuedOn);
        Compare("kind", first.Kind, again.Kind);
        Compare("source_url", first.SourceUrl, again.SourceUrl);
        if (first.Role != again.Role) conflicts.Add($"role: '{first.Role.ToString().ToLowerInvariant()}' vs '{again.Role.ToString().ToLowerInvariant()}'");
        return conflicts;
    }
}
