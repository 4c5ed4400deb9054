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

    private readonly Dictionary<string, IDocumentReader> _readers;

    public InputReader(IEnumerable<IDocumentReader> readers)
    {
        _readers = new(StringComparer.OrdinalIgnoreCase);
        foreach (var reader in readers)
            foreach (var ext in reader.Extensions) _readers[ext] = reader;
    }

    public static InputReader CreateDefault() => new([new TextDocumentReader()]);

    public IReadOnlyCollection<string> SupportedExtensions => _readers.Keys;

    public InputSet Read(string inputDirectory)
    {
        if (!Directory.Exists(inputDirectory))
            throw new BuildInputException($"input folder '{inputDirectory}' does not exist");

        var diagnostics = new List<Diagnostic>();
        var settings = SiteSettingsLoader.Load(Path.Combine(inputDirectory, SettingsFile), diagnostics);
        var manifest = ManifestLoader.Load(Path.Combine(inputDirectory, ManifestFile), diagnostics);
        var pages = ContentPageLoader.LoadAll(Path.Combine(inputDirectory, PagesFolder), diagnostics);
        var documents = ReadPlans(Path.Combine(inputDirectory, PlansFolder), diagnostics);
        return new InputSet(Path.GetFullPath(inputDirectory), settings, documents, manifest, pages, diagnostics);
    }

    public IEnumerable<string> ListPlanFiles(string plansDirectory) =>
        !Directory.Exists(plansDirectory)
            ? []
            : Directory.EnumerateFiles(plansDirectory, "*", SearchOption.AllDirectories)
                .Select(f => RelativeName(plansDirectory, f))
                .Where(f => _readers.ContainsKey(Path.GetExtension(f)))
                .Order(StringComparer.Ordinal);

    private List<SourceDocument> ReadPlans(string plansDirectory, List<Diagnostic> diagnostics)
    {
        var documents = new List<SourceDocument>();
        foreach (var name in ListPlanFiles(plansDirectory))
        {
            var file = PlansFolder + "/" + name;
            try
            {
                var bytes = File.ReadAllBytes(Path.Combine(plansDirectory, name));
                documents.Add(_readers[Path.GetExtension(name)].Read(bytes, name));
            }
            catch (DocumentReadException e)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, e.Code, file, e.Line, e.Message));
            }
            catch (IOException e)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, "PA200", file, null, $"cannot read the file: {e.Message}"));
            }
        }
        return documents;
    }

    internal static string RelativeName(string root, string path) =>
        Path.GetRelativePath(root, path).Replace('\\', '/');
}

/// <summary>The input as a whole cannot be used (no such folder, unreadable settings): the build stops.</summary>
public sealed class BuildInputException(string message) : Exception(message);
