using PlanAtlas.Read;

namespace PlanAtlas.Fetch;

/// <summary>What writing a fetched file did.</summary>
internal enum WriteResult
{
    /// <summary>New or changed bytes were written.</summary>
    Written,
    /// <summary>The file already holds these bytes.</summary>
    Unchanged,
    /// <summary>The user edited the file since it was fetched: it is kept, the download is not saved.</summary>
    KeptEdited,
}

/// <summary>
/// input/plans as fetch writes it: only plain names inside the folder (any name from the state file or the
/// manifest is checked again), never through a link, and never over a file the user edited since it was fetched
/// (its SHA-256 no longer the manifest's) unless forced.
/// </summary>
internal sealed class PlanFolder(string plansDirectory)
{
    public string Directory { get; } = Path.GetFullPath(plansDirectory);

    /// <summary>A name fetch may write: one plain file name, no folder, nothing hidden.</summary>
    public bool IsSafeName(string name) =>
        name.Length is > 0 and <= 200 && !name.StartsWith('.') && name.IndexOfAny(['/', '\\', ':', '\0']) < 0
        && !ManifestFiles.EscapesFolder(name) && Path.GetDirectoryName(Path.GetFullPath(Path.Combine(Directory, name))) == Directory;

    public bool Exists(string name) => File.Exists(PathOf(name)) || new FileInfo(PathOf(name)).LinkTarget is not null;

    /// <summary>The SHA-256 of the file's bytes, lower-case hex (as the manifest keeps it), or null when there is no such file.</summary>
    public string? HashOf(string name)
    {
        var path = PathOf(name);
        return File.Exists(path) ? Hash(File.ReadAllBytes(path)) : null;
    }

    /// <summary>The hash the build itself keeps of a plan file (SourceDocument.ContentHash).</summary>
    public static string Hash(byte[] bytes) => TextDocumentReader.ContentHash(bytes);

    /// <param name="recordedHash">The manifest's sha256 of the file as fetched last time; null when fetch never wrote it.</param>
    public WriteResult Write(string name, byte[] bytes, string? recordedHash, bool force)
    {
        var path = PathOf(name);
        if (new FileInfo(path).LinkTarget is not null && !force)
            throw new FetchFailure($"plans/{name} is a link; fetch does not replace it (--force does)");
        var current = HashOf(name);
        var hash = Hash(bytes);
        if (current == hash) return WriteResult.Unchanged;
        if (current is not null && !force && !string.Equals(current, recordedHash, StringComparison.OrdinalIgnoreCase)) return WriteResult.KeptEdited;
        System.IO.Directory.CreateDirectory(Directory);
        SafeWrite.Bytes(path, bytes);
        return WriteResult.Written;
    }

    private string PathOf(string name) =>
        IsSafeName(name) ? Path.Combine(Directory, name) : throw new FetchFailure($"'{name}' is not a file name fetch writes in plans/");
}
