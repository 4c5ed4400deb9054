using PlanAtlas.Model;

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
        new([new TextDocumentReader(), new HtmlDocumentReader(), new DocxDocumentReader(), new PdfDocumentReader()]);

    public IReadOnlyCollection<string> SupportedExtensions => _readers.Keys;

    public long MaxFileBytes { get; }

    public InputSet Read(string inputDirectory)
    {
        if (!Directory.Exists(inputDirectory))
            throw new BuildInputException($"input folder '{inputDirectory}' does not exist");

        var diagnostics = new List<Diagnostic>();
        var settings = SiteSettingsLoader.Load(Path.Combine(inputDirectory, SettingsFile), diagnostics);
        var manifest = ManifestLoader.Load(Path.Combine(inputDirectory, ManifestFile), diagnostics);
        var pages = ContentPageLoader.LoadAll(Path.Combine(inputDirectory, PagesFolder), diagnostics);
        var plansDirectory = Path.Combine(inputDirectory, PlansFolder);
        var documents = ReadPlans(plansDirectory, diagnostics);
        var resolved = ManifestFiles.Resolve(manifest, documents.Select(d => d.SourceFile).ToList(), plansDirectory, diagnostics);
        return new InputSet(Path.GetFullPath(inputDirectory), settings, documents, resolved, pages, diagnostics);
    }

    /// <summary>Plan files a reader takes, relative to <paramref name="plansDirectory"/> with forward slashes, in ordinal order.</summary>
    public IEnumerable<string> ListPlanFiles(string plansDirectory) => PlanFiles.Scan(plansDirectory, _readers.Keys, null);

    /// <summary>Reads one plan file; every way it can fail is a diagnostic in <paramref name="diagnostics"/> and a null result.</summary>
    public SourceDocument? ReadPlan(string plansDirectory, string name, List<Diagnostic> diagnostics)
    {
        var file = PlansFolder + "/" + name;
        void Error(string code, int? line, string message) => diagnostics.Add(new Diagnostic(Severity.Error, code, file, line, message));
        try
        {
            byte[] bytes;
            using (var stream = new FileStream(Path.Combine(plansDirectory, name), FileMode.Open, FileAccess.Read, FileShare.Read))
            {
                // Checked before reading, so a huge file costs nothing but this message.
                if (stream.Length > MaxFileBytes)
                {
                    Error("PA205", null, $"the file is {Megabytes(stream.Length)}, more than the {Megabytes(MaxFileBytes)} a plan may be; it is not read");
                    return null;
                }
                bytes = new byte[stream.Length];
                stream.ReadExactly(bytes);
            }
            var document = _readers[Path.GetExtension(name)].Read(bytes, name);
            if (!document.Blocks.Any(HasText))
            {
                Error("PA201", null, "the file has no text");
                return null;
            }
            foreach (var note in document.Notes)
                diagnostics.Add(new Diagnostic(Severity.Warning, note.Code, file, note.Line, note.Message));
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

    private List<SourceDocument> ReadPlans(string plansDirectory, List<Diagnostic> diagnostics)
    {
        var documents = new List<SourceDocument>();
        var duplicates = new DuplicatePlans();
        foreach (var name in PlanFiles.Scan(plansDirectory, _readers.Keys, diagnostics))
        {
            if (ReadPlan(plansDirectory, name, diagnostics) is not { } document) continue;
            if (duplicates.Check(document, PlansFolder + "/" + name) is { } duplicate)
            {
                diagnostics.Add(duplicate);
                continue;
            }
            documents.Add(document);
        }
        return documents;
    }

    private static bool HasText(SourceBlock block) => block switch
    {
        ParagraphBlock p => !string.IsNullOrWhiteSpace(p.Text),
        TableBlock t => t.Rows.Any(r => r.Any(c => !string.IsNullOrWhiteSpace(c))),
        _ => false,
    };

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MB";

    internal static string RelativeName(string root, string path) =>
        Path.GetRelativePath(root, path).Replace('\\', '/');
}

/// <summary>The input as a whole cannot be used (no such folder, unreadable settings): the build stops.</summary>
public sealed class BuildInputException(string message) : Exception(message);
