using System.Globalization;
using PlanAtlas.Analyze.Tasks;
using System.Text;
using PlanAtlas.Model;

namespace PlanAtlas.Render.Data;

/// <summary>
/// The data downloads: data/plans.csv, data/items.csv (<see cref="CsvText"/>, UTF-8 with a BOM so Excel reads Chinese;
/// lists joined with ';', dates ISO 8601) and data/plans/{plan-id}.json. Deterministic: plans by id, items in
/// document order, no timestamps; a file is rewritten only when its bytes change.
/// </summary>
public static class DataExport
{
    public const string Folder = "data";
    public const string ListSeparator = ";";

    public static readonly IReadOnlyList<DataColumn<Plan>> PlanColumns =
    [
        new("plan_id", p => p.Id),
        new("title", p => p.Title),
        new("province", p => p.Region?.ProvinceName ?? ""),
        new("city", p => p.Region?.CityName ?? ""),
        new("county", p => p.Region?.CountyName ?? ""),
        new("region_code", p => p.Region?.Code ?? ""),
        new("level", p => p.Region is { } r ? LevelName(r.Level) : ""),
        new("year", p => p.Year?.ToString(CultureInfo.InvariantCulture) ?? ""),
        new("issuer", p => p.Metadata.Issuer?.Value ?? ""),
        new("doc_number", p => p.Metadata.DocNumber?.Value ?? ""),
        new("issued_on", p => Iso(p.Metadata.IssuedOn?.Value)),
        new("kind", p => KindName(p.Metadata.Kind?.Value ?? PlanKind.Other)),
        new("source_file", p => p.SourceFile),
        new("item_count", p => p.Items.Count.ToString(CultureInfo.InvariantCulture)),
        new("subtitle", p => p.Metadata.Subtitle?.Value ?? ""),
        new("enclosed_title", p => p.Metadata.EnclosedTitle?.Value ?? ""),
        new("source_url", p => p.Metadata.SourceUrl?.Value ?? ""),
        new("text_source", p => TextSource(p)),
        new("ocr_confidence", p => p.Metadata.Recognition?.MeanConfidence.ToString("0.0", CultureInfo.InvariantCulture) ?? ""),
        // item_count counts items.csv's rows (places); task_count the tasks every page counts (PlanTasks).
        new("task_count", p => PlanTasks.Of(p).Count.ToString(CultureInfo.InvariantCulture)),
    ];

    public static readonly IReadOnlyList<DataColumn<PlanItem>> ItemColumns =
    [
        new("plan_id", x => x.Plan.Id),
        new("item_id", x => x.Item.Id),
        new("path", x => x.Item.Path),
        new("heading", x => x.Item.Heading),
        new("text", x => x.Item.Text),
        new("responsible_units", x => Join(x.Item.ResponsibleUnits)),
        new("deadlines", x => Join(x.Item.Deadlines.Select(d => d.Date is { } date ? Iso(date) : d.Text))),
        new("citations", x => Join(x.Item.Citations)),
        new("slogans", x => Join(x.Item.Slogans)),
        new("kind", x => x.Item.Kind.ToString().ToLowerInvariant()),
        new("level", x => x.Item.Level.ToString(CultureInfo.InvariantCulture)),
        new("parent_id", x => x.Item.ParentId ?? ""),
        new("line", x => x.Item.Line.ToString(CultureInfo.InvariantCulture)),
        new("targets", x => Join(x.Item.Targets)),
        new("text_source", x => TextSource(x.Plan)),
        // The task (事项) the row is a place of, by the id of its first place; empty for headings and the preamble.
        // The distinct task_id values of a plan are its tasks: an attachment row that restates a body item has the body item's.
        new("task_id", x => PlanTasks.Of(x.Plan).TaskOf(x.Item.Id) ?? ""),
        new("restates", x => PlanTasks.Of(x.Plan).TaskOf(x.Item.Id) is { } task && PlanTasks.Of(x.Plan).Restates(task, x.Item.Id) ? "1" : ""),
    ];

    public static void Write(IReadOnlyList<Plan> plans, string outputDirectory) => Write(plans, outputDirectory, DataExportOptions.Default);

    public static void Write(IReadOnlyList<Plan> plans, string outputDirectory, DataExportOptions options) =>
        Write(plans, new OutputFolder(outputDirectory), options);

    /// <summary>
    /// Writes the downloads into <paramref name="output"/>; a plan's JSON is a function of its record alone, so an
    /// incremental build keeps it (<see cref="OutputFolder.TryKeepFile"/>) when the plan's id and content key are unchanged.
    /// </summary>
    public static void Write(IReadOnlyList<Plan> plans, OutputFolder output, DataExportOptions options)
    {
        var outputDirectory = output.Root;
        var ordered = plans.OrderBy(p => p.Id, StringComparer.Ordinal).ThenBy(p => p.SourceFile, StringComparer.Ordinal).ToList();
        var data = Path.Combine(outputDirectory, Folder);
        Directory.CreateDirectory(Path.Combine(data, "plans"));

        var planColumns = PlanColumns.Concat(options.ExtraPlanColumns).ToList();
        WriteIfChanged(Path.Combine(data, "plans.csv"), stream => Csv(stream, planColumns, ordered));

        var itemColumns = ItemColumns.Concat(options.ExtraItemColumns).ToList();
        if (output.Reuse is null)
            WriteIfChanged(Path.Combine(data, "items.csv"), stream => Csv(stream, itemColumns, ordered.SelectMany(p => p.Items.Select(i => new PlanItem(p, i)))));
        else WriteItems(output, itemColumns, ordered);

        Parallel.ForEach(ordered, plan =>
        {
            var sitePath = $"{Folder}/plans/{FileName(plan)}.json";
            var fingerprint = output.Reuse is null || plan.ContentKey.Length == 0 ? null : JsonFingerprint(plan);
            if (fingerprint is not null && output.TryKeepFile(sitePath, fingerprint)) return;
            WriteIfChanged(output.FullPath(sitePath), PlanJson.Serialize(plan));
            output.Written(sitePath, fingerprint);
        });
    }

    /// <summary>
    /// items.csv of an incremental build as parts (<see cref="OutputFolder.WriteTextParts"/>): the header, then each plan's rows. A plan's rows are
    /// a function of its record (its id and content key, as its JSON download's) and of the added columns' values for
    /// its items (themes, cluster: analysis results that an edit of another plan can move), so their key is made from these.
    /// </summary>
    private static void WriteItems(OutputFolder output, IReadOnlyList<DataColumn<PlanItem>> columns, IReadOnlyList<Plan> ordered)
    {
        const CsvText.Quoting quoting = CsvText.Quoting.WhiteSpaceAtEnds;
        var added = columns.Skip(ItemColumns.Count).ToList();
        var keys = new string?[ordered.Count + 1];
        keys[0] = RowsKey("items.csv header", columns, null, added);
        Parallel.For(0, ordered.Count, i => keys[i + 1] = ordered[i].ContentKey.Length == 0 ? null : RowsKey("items.csv rows", columns, ordered[i], added));
        output.WriteTextParts($"{Folder}/items.csv", keys, (part, writer) =>
        {
            if (part == 0)
            {
                // The byte order mark (Excel reads Chinese), written as the first character of the header part.
                writer.Write('\uFEFF');
                CsvText.Record(writer, columns.Select(c => c.Name).ToList(), quoting);
                return;
            }
            var plan = ordered[part - 1];
            Rows(writer, columns, plan.Items.Select(item => new PlanItem(plan, item)), quoting);
        });
    }

    private static string RowsKey(string what, IReadOnlyList<DataColumn<PlanItem>> columns, Plan? plan, IReadOnlyList<DataColumn<PlanItem>> added)
    {
        using var inputs = PageInputs.Part();
        inputs.Add(what).Add(columns.Count);
        foreach (var column in columns) inputs.Add(column.Name);
        if (plan is not null)
        {
            inputs.Add(plan.Id).Add(plan.ContentKey).Add(plan.Items.Count);
            foreach (var item in plan.Items)
                foreach (var column in added) column.AddTo(new PlanItem(plan, item), inputs);
        }
        return Convert.ToHexStringLower(inputs.Digest());
    }

    private static string JsonFingerprint(Plan plan)
    {
        using var inputs = PageInputs.Part();
        return Convert.ToHexStringLower(inputs.Add("plan json").Add(plan.Id).Add(plan.ContentKey).Digest());
    }

    /// <summary>The plan id as a file name: ids are already safe, this guards against an id that is not (empty, '..', a slash).</summary>
    public static string FileName(Plan plan) => Slugs.ForPath(plan.Id.Length == 0 ? Path.GetFileNameWithoutExtension(plan.SourceFile) : plan.Id);

    /// <summary>
    /// Writes the CSV into <paramref name="stream"/> as it goes: items.csv of a large corpus is hundreds of MB, never held
    /// in memory. Item texts hold bare '\n' (table rows) and may start or end with white space: such fields are quoted.
    /// </summary>
    private static void Csv<T>(Stream stream, IReadOnlyList<DataColumn<T>> columns, IEnumerable<T> rows)
    {
        const CsvText.Quoting quoting = CsvText.Quoting.WhiteSpaceAtEnds;
        using var writer = CsvText.Writer(stream);
        CsvText.Record(writer, columns.Select(c => c.Name).ToList(), quoting);
        Rows(writer, columns, rows, quoting);
    }

    private static void Rows<T>(TextWriter writer, IReadOnlyList<DataColumn<T>> columns, IEnumerable<T> rows, CsvText.Quoting quoting)
    {
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (i > 0) writer.Write(',');
                CsvText.Field(writer, columns[i].Value(row), quoting);
            }
            writer.Write("\r\n");
        }
    }

    internal static void WriteIfChanged(string path, byte[] bytes)
    {
        if (File.Exists(path) && new FileInfo(path).Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes)) return;
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>
    /// Streams a file to disk, keeping the existing file when the new bytes equal it: the new bytes go to a file beside
    /// it, compared chunk by chunk, then either dropped or moved over the old one (a rename, never a write through a link).
    /// </summary>
    internal static void WriteIfChanged(string path, Action<Stream> write)
    {
        if (!File.Exists(path))
        {
            using var created = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
            write(created);
            return;
        }
        var fresh = path + ".new";
        using (var stream = new FileStream(fresh, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024)) write(stream);
        if (OutputFolder.SameFiles(fresh, path)) File.Delete(fresh);
        else File.Move(fresh, path, overwrite: true);
    }

    private static string Join(IEnumerable<string> values) => string.Join(ListSeparator, values);

    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string LevelName(AdminLevel level) => level switch
    {
        AdminLevel.Province => "province",
        AdminLevel.City => "city",
        AdminLevel.County => "county",
        _ => "",
    };

    /// <summary>"ocr" for a plan (and its items) recognised from page images, "text" for one read from its text.</summary>
    public static string TextSource(Plan plan) => plan.Metadata.Recognition is null ? "text" : "ocr";

    public static string KindName(PlanKind kind) => kind switch
    {
        PlanKind.WorkPoints => "work_points",
        PlanKind.Notice => "notice",
        PlanKind.Summary => "summary",
        _ => "other",
    };
}
