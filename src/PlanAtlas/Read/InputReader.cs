using PlanAtlas.Model;
using PlanAtlas.Read.Pdf;

namespace PlanAtlas.Read;

/// <summary>
/// The read stage: finds and decodes everything in an input folder. A file that cannot be read becomes a
/// diagnostic naming it, never an exception that stops the other plans.
/// </summary>
public sealed class InputReader
{
    public const string PlansFolder = "plans";
    public const string PagesFolder = "pages";
    public const string ManifestFile = "plans.csv";
    public const string SettingsFile = "site.yml";

    /// <summary>The largest plan file read (50 MB): the longest real plans are a few MB, and a file is read whole.</summary>
    public const long DefaultMaxFileBytes = 50L * 1024 * 1024;

    private readonly Dictionary<string, IDocumentReader> _readers;

    public InputReader(IEnumerable<IDocumentReader> readers, long maxFileBytes = DefaultMaxFileBytes)
    {
        _readers = new(StringComparer.OrdinalIgnoreCase);
        foreach (var reader in readers)
            foreach (var ext in reader.Extensions) _readers[ext] = reader;
        MaxFileBytes = maxFileBytes;
    }

    public static InputReader CreateDefault() =>
        new([new TextDocumentReader(), new HtmlDocumentReader(), new DocxDocumentReader(), new PdfDocumentReader(),
            new LegacyWordDocumentReader(), new SpreadsheetDocumentReader(), new OfdDocumentReader()]);

    public IReadOnlyCollection<string> SupportedExtensions => _readers.Keys;

    public long MaxFileBytes { get; }

    /// <param name="known">
    /// Given a plan file's name and the SHA-256 of its bytes, what the caller remembers of that exact file when it
    /// already holds it parsed (an incremental build's cache), else null: a known file is hashed, not decoded.
    /// </param>
    public InputSet Read(string inputDirectory, Func<string, string, KnownPlanFile?>? known = null)
    {
        if (!Directory.Exists(inputDirectory))
            throw new BuildInputException($"input folder '{inputDirectory}' does not exist");

        var diagnostics = new List<Diagnostic>();
        var (settings, settingsDiagnostics) = SiteSettingsLoader.Load(Path.Combine(inputDirectory, SettingsFile));
        diagnostics.AddRange(settingsDiagnostics);
        var (manifest, manifestDiagnostics) = ManifestLoader.Load(Path.Combine(inputDirectory, ManifestFile));
        diagnostics.AddRange(manifestDiagnostics);
        var (pages, pageDiagnostics) = ContentPageLoader.LoadAll(Path.Combine(inputDirectory, PagesFolder));
        diagnostics.AddRange(pageDiagnostics);
        var (taxonomy, taxonomyDiagnostics) = ThemeTaxonomyLoader.Load(inputDirectory);
        diagnostics.AddRange(taxonomyDiagnostics);
        var plansDirectory = Path.Combine(inputDirectory, PlansFolder);
        var notPlans = manifest.Values.Where(e => e.Role != ManifestRole.Plan).Select(e => e.File.Normalize(System.Text.NormalizationForm.FormC)).ToHashSet(StringComparer.Ordinal);
        var (documents, knownFiles) = ReadPlans(plansDirectory, diagnostics, known, notPlans);
        var names = documents.Select(d => d.SourceFile).Concat(knownFiles.Select(k => k.SourceFile)).Order(StringComparer.Ordinal).ToList();
        var (resolved, manifestFileDiagnostics) = ManifestFiles.Resolve(manifest, names, plansDirectory);
        diagnostics.AddRange(manifestFileDiagnostics);
        return new InputSet(Path.GetFullPath(inputDirectory), settings, documents, resolved, pages, diagnostics) { Known = knownFiles, Taxonomy = taxonomy };
    }

    /// <summary>Plan files a reader takes, relative to <paramref name="plansDirectory"/> with forward slashes, in ordinal order.</summary>
    public IEnumerable<string> ListPlanFiles(string plansDirectory) => PlanFiles.Scan(plansDirectory, _readers.Keys, null);

    /// <summary>Reads one plan file; every way it can fail is a diagnostic in <paramref name="diagnostics"/> and a null result.</summary>
    public SourceDocument? ReadPlan(string plansDirectory, string name, List<Diagnostic> diagnostics) =>
        LoadBytes(plansDirectory, name, diagnostics) is { } bytes ? Decode(bytes, name, diagnostics) : null;

    /// <summary>The file's bytes, or null with a diagnostic when it is too big or cannot be read.</summary>
    private byte[]? LoadBytes(string plansDirectory, string name, List<Diagnostic> diagnostics)
    {
        var file = PlansFolder + "/" + name;
        try
        {
            using var stream = new FileStream(Path.Combine(plansDirectory, name), FileMode.Open, FileAccess.Read, FileShare.Read);
            // Checked before reading, so a huge file costs nothing but this message.
            if (stream.Length > MaxFileBytes)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, "PA205", file, null,
                    $"the file is {Megabytes(stream.Length)}, more than the {Megabytes(MaxFileBytes)} a plan may be; it is not read"));
                return null;
            }
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, "PA200", file, null, $"cannot read the file: {e.Message}"));
            return null;
        }
    }

    private SourceDocument? Decode(byte[] bytes, string name, List<Diagnostic> diagnostics)
    {
        var file = PlansFolder + "/" + name;
        void Error(string code, int? line, string message) => diagnostics.Add(new Diagnostic(Severity.Error, code, file, line, message));
        try
        {
            var document = _readers[Path.GetExtension(name)].Read(bytes, name);
            if (!document.Blocks.Any(HasText))
            {
                Error("PA201", null, "the file has no text");
                return null;
            }
            // Whatever the reader, text that is not Chinese was decoded wrongly: never a plan of garbage.
            if (TextQuality.Problem(document) is { } problem)
            {
                Error(TextQuality.Code, null, problem);
                return null;
            }
            diagnostics.AddRange(NoteDiagnostics(document));
            return document;
        }
        catch (DocumentReadException e)
        {
            Error(e.Code, e.Line, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Error("PA200", null, $"cannot read the file: {e.Message}");
        }
        // A reader bug must not take the other plans down with it; the message asks for a report.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Error("PA299", null, $"internal error while reading ({e.GetType().Name}: {e.Message}); please report it with this file");
        }
        return null;
    }

    /// <param name="notPlans">Files the manifest says are not plans (a portal page, an attachment): neither read nor reported.</param>
    private (List<SourceDocument> Documents, List<KnownPlanFile> Known) ReadPlans(string plansDirectory, List<Diagnostic> diagnostics,
        Func<string, string, KnownPlanFile?>? known, IReadOnlySet<string> notPlans)
    {
        var names = PlanFiles.Scan(plansDirectory, _readers.Keys, diagnostics, notPlans).ToList();
        // Files are independent: decode them on every core, then check duplicates in name order as before.
        var slots = new (SourceDocument? Document, KnownPlanFile? Known, List<Diagnostic> Diagnostics)[names.Count];
        Parallel.For(0, names.Count, i =>
        {
            var own = new List<Diagnostic>();
            slots[i] = (null, null, own);
            if (LoadBytes(plansDirectory, names[i], own) is not { } bytes) return;
            if (known is not null)
            {
                if (known(names[i], TextDocumentReader.ContentHash(bytes)) is { } remembered)
                {
                    slots[i] = (null, remembered, own);
                    return;
                }
            }
            slots[i] = (Decode(bytes, names[i], own), null, own);
        });
        var documents = new List<SourceDocument>();
        var knownFiles = new List<KnownPlanFile>();
        var duplicates = new DuplicatePlans();
        for (var i = 0; i < names.Count; i++)
        {
            var (document, knownFile, own) = slots[i];
            diagnostics.AddRange(own);
            var duplicate = document is not null ? duplicates.Check(document, PlansFolder + "/" + names[i])
                : knownFile is not null ? duplicates.Check(knownFile.ContentHash, knownFile.TextFingerprint, knownFile.Format, PlansFolder + "/" + names[i])
                : null;
            if (duplicate is not null) diagnostics.Add(duplicate);
            else if (document is not null) documents.Add(document);
            else if (knownFile is not null) knownFiles.Add(knownFile);
        }
        return (documents, knownFiles);
    }

    /// <summary>What the reader noticed in a document it could read, as the warnings the read stage reports.</summary>
    public static IEnumerable<Diagnostic> NoteDiagnostics(SourceDocument document) =>
        document.Notes.Select(note => new Diagnostic(Severity.Warning, note.Code, PlansFolder + "/" + document.SourceFile, note.Line, note.Message));

    private static bool HasText(SourceBlock block) => block switch
    {
        ParagraphBlock p => !string.IsNullOrWhiteSpace(p.Text),
        TableBlock t => t.Rows.Any(r => r.Any(c => !string.IsNullOrWhiteSpace(c))),
        _ => false,
    };

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MB";
}
