using System.Text;

namespace PlanAtlas.Render;

/// <summary>
/// The folder a build writes into. Every write goes through <see cref="FullPath"/>, which refuses any path
/// that would land outside the folder, so no input (a plan id, a page slug) can make the build write elsewhere.
/// </summary>
public sealed class OutputFolder
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);
    private readonly string _root;
    private int _pages, _reused;

    public OutputFolder(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public string Root => _root;
    public int PagesWritten => _pages;

    /// <summary>Pages kept from the previous build (<see cref="Reuse"/>) rather than rendered; counted in <see cref="PagesWritten"/> too.</summary>
    public int PagesReused => _reused;

    /// <summary>The previous build's pages an incremental build may keep; null renders every page.</summary>
    public IPageReuse? Reuse { get; init; }

    public string FullPath(string sitePath)
    {
        var relative = sitePath.EndsWith('/') || sitePath.Length == 0 ? sitePath + "index.html" : sitePath;
        var full = Path.GetFullPath(Path.Combine(_root, relative.TrimStart('/')));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"refusing to write '{sitePath}' outside the output folder");
        return full;
    }

    public void WritePage(string sitePath, string html)
    {
        WriteText(sitePath, html);
        Interlocked.Increment(ref _pages);
    }

    /// <summary>Writes a page as <paramref name="write"/> produces it, straight into its file (UTF-8, no BOM).</summary>
    public void WritePage(string sitePath, Action<TextWriter> write)
    {
        WriteStreamed(sitePath, write);
        Interlocked.Increment(ref _pages);
    }

    /// <summary>
    /// Writes a page unless the previous build wrote the same page (<paramref name="fingerprint"/>): then its file is
    /// kept and <paramref name="render"/> never runs.
    /// </summary>
    public void WritePage(string sitePath, string fingerprint, Action<TextWriter> render)
    {
        if (TryKeep(sitePath, fingerprint)) return;
        WritePage(sitePath, fingerprint, render, []);
    }

    /// <summary>
    /// Keeps the previous build's page (and the companion files written with it) when its fingerprint equals
    /// <paramref name="fingerprint"/>: a page whose fingerprint is made from its inputs is checked before its model is built.
    /// </summary>
    public bool TryKeep(string sitePath, string fingerprint)
    {
        if (!TryKeepFile(sitePath, fingerprint)) return false;
        Interlocked.Increment(ref _pages);
        Interlocked.Increment(ref _reused);
        return true;
    }

    /// <summary>Keeps a file that is not a page (a data download) the way <see cref="TryKeep"/> keeps a page.</summary>
    public bool TryKeepFile(string sitePath, string fingerprint)
    {
        if (Reuse is not { } reuse) return false;
        var full = FullPath(sitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return reuse.TryReuse(sitePath, fingerprint, full, FullPath);
    }

    /// <summary>Records a file written (not kept) with its fingerprint, for the next build's <see cref="TryKeepFile"/>.</summary>
    public void Written(string sitePath, string? fingerprint)
    {
        if (Reuse is { } reuse && fingerprint is not null) reuse.Rendered(sitePath, fingerprint, FullPath(sitePath), []);
    }

    /// <summary>
    /// Writes a page that <see cref="TryKeep"/> did not keep, and records it (with <paramref name="companions"/>, the
    /// site paths of files already written for it) for the next build.
    /// </summary>
    public void WritePage(string sitePath, string? fingerprint, Action<TextWriter> render, IReadOnlyList<string> companions)
    {
        WritePage(sitePath, render);
        if (Reuse is { } reuse && fingerprint is not null)
            reuse.Rendered(sitePath, fingerprint, FullPath(sitePath), companions.Select(c => (c, FullPath(c))).ToList());
    }

    public void WriteText(string sitePath, string text) => WriteBytes(sitePath, Utf8NoBom.GetBytes(text));

    public void WriteBytes(string sitePath, byte[] bytes)
    {
        var full = FullPath(sitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // A kept page may be a hard link to the previous site's file: replace the link, never write through it.
        File.Delete(full);
        File.WriteAllBytes(full, bytes);
    }

    private void WriteStreamed(string sitePath, Action<TextWriter> write)
    {
        var full = FullPath(sitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.Delete(full);
        using var stream = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
        using var writer = new StreamWriter(stream, Utf8NoBom, bufferSize: 16 * 1024);
        write(writer);
    }

    /// <summary>Writes a file as <paramref name="write"/> streams it (a large data file never exists as one byte array).</summary>
    public void WriteStream(string sitePath, Action<Stream> write)
    {
        var full = FullPath(sitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.Delete(full);
        using var stream = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
        write(stream);
    }

    public void CopyFile(string source, string sitePath)
    {
        var full = FullPath(sitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.Delete(full);
        File.Copy(source, full);
    }
}
