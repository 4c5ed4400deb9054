using PlanAtlas.Model;

namespace PlanAtlas.Read;

/// <summary>
/// Finds the plan files under the plans folder. Links are the one way a file outside the folder could be
/// published, so a link to a file outside is refused, and links to folders are not followed (they can also loop).
/// Hidden files and Office lock files (~$x.docx) are skipped; other files of a format no reader takes are reported.
/// </summary>
internal static class PlanFiles
{
    /// <param name="skipped">Names (NFC) the manifest says are not plans: left out without a message.</param>
    public static List<string> Scan(string plansDirectory, IReadOnlyCollection<string> extensions, List<Diagnostic>? diagnostics,
        IReadOnlySet<string>? skipped = null)
    {
        var names = new List<string>();
        if (!Directory.Exists(plansDirectory)) return names;
        var root = RealPath(plansDirectory);
        Walk(new DirectoryInfo(plansDirectory), "", root, extensions, skipped, names, diagnostics);
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    private static void Walk(DirectoryInfo dir, string prefix, string root, IReadOnlyCollection<string> extensions,
        IReadOnlySet<string>? skipped, List<string> names, List<Diagnostic>? diagnostics)
    {
        List<FileSystemInfo> entries;
        try
        {
            entries = dir.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics?.Add(new Diagnostic(Severity.Error, "PA200", (InputReader.PlansFolder + "/" + prefix).TrimEnd('/'), null,
                $"cannot list the folder: {e.Message}"));
            return;
        }
        foreach (var entry in entries)
        {
            if (entry.Name.StartsWith('.') || entry.Name.StartsWith("~$", StringComparison.Ordinal)) continue;
            var name = prefix + entry.Name;
            var file = InputReader.PlansFolder + "/" + name;
            if (entry is DirectoryInfo sub)
            {
                if (sub.LinkTarget is not null)
                    diagnostics?.Add(new Diagnostic(Severity.Warning, "PA214", file, null,
                        "is a link to a folder; links to folders are not followed, copy the plans in instead"));
                else
                    Walk(sub, name + "/", root, extensions, skipped, names, diagnostics);
                continue;
            }
            if (skipped is { Count: > 0 } && skipped.Contains(name.Normalize(System.Text.NormalizationForm.FormC))) continue;
            var extension = Path.GetExtension(entry.Name);
            if (!extensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
            {
                diagnostics?.Add(new Diagnostic(Severity.Warning, "PA215", file, null, UnsupportedMessage(extension, extensions)));
                continue;
            }
            if (entry.LinkTarget is not null && !LinkStaysInside(entry, root, file, diagnostics)) continue;
            names.Add(name);
        }
    }

    private static bool LinkStaysInside(FileSystemInfo link, string root, string file, List<Diagnostic>? diagnostics)
    {
        FileSystemInfo? target;
        try
        {
            target = link.ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (IOException e)
        {
            diagnostics?.Add(new Diagnostic(Severity.Error, "PA200", file, null, $"cannot follow the link: {e.Message}"));
            return false;
        }
        if (target is null || !target.Exists)
        {
            diagnostics?.Add(new Diagnostic(Severity.Error, "PA200", file, null, "is a link to a file that does not exist"));
            return false;
        }
        if (!IsInside(RealPath(target.FullName), root))
        {
            diagnostics?.Add(new Diagnostic(Severity.Error, "PA213", file, null,
                "is a link to a file outside the plans folder; it is refused so nothing outside the input is published"));
            return false;
        }
        return true;
    }

    internal static bool IsInside(string path, string root) =>
        path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar,
            OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <summary>The path with every link along it resolved, so a plans folder reached through a link still contains its own files.</summary>
    internal static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        foreach (var part in full[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            var info = new FileInfo(next);
            current = info.LinkTarget is not null && info.ResolveLinkTarget(true) is { } target ? Path.GetFullPath(target.FullName) : next;
        }
        return current;
    }

    private static string UnsupportedMessage(string extension, IReadOnlyCollection<string> extensions)
    {
        var hint = extension.ToLowerInvariant() switch
        {
            ".rtf" or ".odt" or ".wpt" or ".dot" => "; open it in Word or WPS and save it as .docx",
            ".et" or ".ods" or ".csv" => "; open it in Excel or WPS and save it as .xlsx",
            ".shtml" or ".xhtml" or ".mht" or ".mhtml" => "; save the page as .html",
            _ => "",
        };
        var known = string.Join(", ", extensions.Order(StringComparer.Ordinal));
        return $"'{extension}' is not a format PlanAtlas reads ({known}); the file is ignored{hint}";
    }
}
