using System.Text;
using PlanAtlas.Model;

namespace PlanAtlas.Read;

/// <summary>
/// Matches manifest rows to the plans actually read. A row naming a path outside the plans folder, a file that
/// is not there, or a file that was not built is reported with its row; a name that differs only in Unicode
/// normalisation (a Mac saves 规划 decomposed) still matches, and the row is re-keyed to the name on disk. Rows of
/// files that are not plans (role page or attachment) are checked for the file and left out.
/// </summary>
public static class ManifestFiles
{
    /// <summary>The manifest's plan rows by the file each names on disk, and the messages about the rows left out.</summary>
    public static (Dictionary<string, ManifestEntry> Entries, IReadOnlyList<Diagnostic> Diagnostics) Resolve(IReadOnlyDictionary<string, ManifestEntry> manifest,
        IReadOnlyCollection<string> builtFiles, string plansDirectory)
    {
        var diagnostics = new List<Diagnostic>();
        var byNormalized = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in builtFiles) byNormalized.TryAdd(name.Normalize(NormalizationForm.FormC), name);

        var resolved = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        foreach (var entry in manifest.Values.OrderBy(e => e.Row))
        {
            void Report(Severity severity, string code, string message) =>
                diagnostics.Add(new Diagnostic(severity, code, InputReader.ManifestFile, entry.Row, message));

            if (EscapesFolder(entry.File))
            {
                Report(Severity.Error, "PA126", $"file '{entry.File}' points outside the plans folder; the row is ignored");
                continue;
            }
            if (entry.Role != ManifestRole.Plan)
            {
                // A page or attachment kept for the record: only its presence is checked.
                if (!File.Exists(Path.Combine(plansDirectory, entry.File)))
                    Report(Severity.Warning, "PA125", $"file '{entry.File}' is not in the plans folder; the row is ignored");
                continue;
            }
            if (!byNormalized.TryGetValue(entry.File.Normalize(NormalizationForm.FormC), out var onDisk))
            {
                var exists = File.Exists(Path.Combine(plansDirectory, entry.File));
                Report(Severity.Warning, "PA125", exists
                    ? $"file '{entry.File}' was not built (see the messages for that file); the row is ignored"
                    : $"file '{entry.File}' is not in the plans folder; the row is ignored");
                continue;
            }
            if (resolved.TryGetValue(onDisk, out var earlier))
            {
                Report(Severity.Error, "PA127",
                    $"'{entry.File}' is the same file as row {earlier.Row} names ('{earlier.File}'); this row is ignored");
                continue;
            }
            resolved[onDisk] = entry with { File = onDisk };
        }
        return (resolved, diagnostics);
    }

    /// <summary>Absolute paths, drive letters and any ".." segment: a row may only name files inside the plans folder.</summary>
    public static bool EscapesFolder(string file) =>
        file.StartsWith('/') || file.StartsWith('\\') || Path.IsPathRooted(file) || file.Contains(':')
        || file.Replace('\\', '/').Split('/').Any(segment => segment == "..");
}
