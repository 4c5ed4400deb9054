using System.Collections.Concurrent;
using System.IO.Enumeration;
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
    private readonly ConcurrentDictionary<string, byte> _kept = new(StringComparer.Ordinal);

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

    /// <summary>
    /// The previous build's output, where the pages <see cref="Reuse"/> keeps stay: they are not copied here, so this
    /// folder holds only what the build wrote, and the site is it plus <see cref="Kept"/>. Required with <see cref="Reuse"/>.
    /// </summary>
    public string? Previous { get; init; }

    /// <summary>Files of the previous output (paths relative to it, '/'-separated) that belong to this build's site unchanged.</summary>
    public IReadOnlyCollection<string> Kept => (IReadOnlyCollection<string>)_kept.Keys;

    public string FullPath(string sitePath)
    {
        var full = Path.GetFullPath(Path.Combine(_root, FilePath(sitePath)));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"refusing to write '{sitePath}' outside the output folder");
        return full;
    }

    /// <summary>The file a site path names, relative to the site's root: a folder's page is its index.html.</summary>
    public static string FilePath(string sitePath) =>
        (sitePath.EndsWith('/') || sitePath.Length == 0 ? sitePath + "index.html" : sitePath).TrimStart('/');

    /// <summary>
    /// The site's files matching <paramref name="searchPattern"/> (e.g. "*.html"): those written here and those kept from
    /// the previous output, each with its path relative to the site ('/'-separated) and where to read it, by relative path.
    /// </summary>
    public IReadOnlyList<(string Relative, string File)> SiteFiles(string searchPattern)
    {
        var files = FilesUnder(_root, searchPattern).ToList();
        if (Previous is { } previous && !_kept.IsEmpty)
        {
            var written = files.Select(f => f.Relative).ToHashSet(StringComparer.Ordinal);
            files.AddRange(_kept.Keys.Where(k => !written.Contains(k) && FileSystemName.MatchesSimpleExpression(searchPattern, Path.GetFileName(k)))
                .Select(k => (k, Path.Combine(previous, k))));
        }
        return files.OrderBy(f => f.Relative, StringComparer.Ordinal).ToList();
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

    /// <summary>
    /// Keeps a file that is not a page (a data download) the way <see cref="TryKeep"/> keeps a page: it, and the
    /// companion files recorded with it, stay in the previous output as part of this build's site.
    /// </summary>
    public bool TryKeepFile(string sitePath, string fingerprint)
    {
        FullPath(sitePath);
        if (Reuse is not { } reuse || Previous is null || !reuse.TryReuse(sitePath, fingerprint, out var companions)) return false;
        _kept[FilePath(sitePath)] = 0;
        foreach (var companion in companions)
        {
            FullPath(companion);
            _kept[FilePath(companion)] = 0;
        }
        return true;
    }

    /// <summary>Records a file written (not kept) with its fingerprint, for the next build's <see cref="TryKeepFile"/>.</summary>
    public void Written(string sitePath, string? fingerprint)
    {
        if (Reuse is { } reuse && fingerprint is not null) reuse.Rendered(sitePath, fingerprint, LengthOf(sitePath), []);
    }

    /// <summary>
    /// Writes a page that <see cref="TryKeep"/> did not keep, and records it (with <paramref name="companions"/>, the
    /// site paths of files already written for it) for the next build.
    /// </summary>
    public void WritePage(string sitePath, string? fingerprint, Action<TextWriter> render, IReadOnlyList<string> companions)
    {
        WritePage(sitePath, render);
        if (Reuse is { } reuse && fingerprint is not null)
            reuse.Rendered(sitePath, fingerprint, LengthOf(sitePath), companions.Select(c => (c, LengthOf(c))).ToList());
    }

    /// <summary>
    /// Writes the file <paramref name="bytes"/> makes unless the previous build wrote this file from the same content
    /// (<paramref name="fingerprint"/>, e.g. a hash of what is compressed into it): then it stays and <paramref name="bytes"/> never runs.
    /// </summary>
    public void WriteBytes(string sitePath, string fingerprint, Func<byte[]> bytes)
    {
        if (TryKeepFile(sitePath, fingerprint)) return;
        var content = bytes();
        WriteBytes(sitePath, content);
        Reuse?.Rendered(sitePath, fingerprint, content.Length, []);
    }

    /// <summary>The length of a file of this build's site: written here, or kept in the previous output because its bytes were the same.</summary>
    private long LengthOf(string sitePath)
    {
        var written = new FileInfo(FullPath(sitePath));
        return written.Exists || Previous is null ? written.Length : new FileInfo(Path.Combine(Previous, FilePath(sitePath))).Length;
    }

    public void WriteText(string sitePath, string text) => WriteBytes(sitePath, Utf8NoBom.GetBytes(text));

    /// <summary>
    /// Writes a file; in an incremental build (<see cref="Reuse"/>), a file whose bytes equal the previous output's is
    /// kept there instead (an index shard, a plan's download): most of them come out the same after a small edit.
    /// </summary>
    public void WriteBytes(string sitePath, byte[] bytes)
    {
        var full = FullPath(sitePath);
        if (Reuse is not null && Previous is { } previous && SameBytes(Path.Combine(previous, FilePath(sitePath)), bytes))
        {
            _kept[FilePath(sitePath)] = 0;
            return;
        }
        _kept.TryRemove(FilePath(sitePath), out _);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.Delete(full);
        File.WriteAllBytes(full, bytes);
    }

    private static bool SameBytes(string file, byte[] bytes)
    {
        try
        {
            var info = new FileInfo(file);
            return info.Exists && info.Length == bytes.Length && File.ReadAllBytes(file).AsSpan().SequenceEqual(bytes);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Every file under <paramref name="root"/> matching <paramref name="searchPattern"/>, with its path relative to it as the site names it ('/').</summary>
    public static IEnumerable<(string Relative, string File)> FilesUnder(string root, string searchPattern = "*") =>
        Directory.EnumerateFiles(root, searchPattern, SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(root, f).Replace('\\', '/'), f));

    /// <summary>
    /// Whether two files hold the same bytes (false when <paramref name="other"/> is missing), compared in chunks: the
    /// big data files (items.csv) are never read whole.
    /// </summary>
    public static bool SameFiles(string file, string other)
    {
        var (a, b) = (new FileInfo(file), new FileInfo(other));
        if (!b.Exists || a.Length != b.Length) return false;
        using var x = a.OpenRead();
        using var y = b.OpenRead();
        var (bx, by) = (new byte[64 * 1024], new byte[64 * 1024]);
        while (true)
        {
            var n = x.ReadAtLeast(bx, bx.Length, throwOnEndOfStream: false);
            if (y.ReadAtLeast(by, n, throwOnEndOfStream: false) != n || !bx.AsSpan(0, n).SequenceEqual(by.AsSpan(0, n))) return false;
            if (n < bx.Length) return true;
        }
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

    /// <summary>
    /// Writes a text file (UTF-8) made of parts: a part whose key the previous build recorded for this file is copied
    /// from the previous output, the others are written by <paramref name="write"/>, and with every key unchanged the file
    /// is kept as it is. data/items.csv is a plan's rows per part: most of it is the same after an edit, and writing
    /// all of it again is a visible share of a rebuild (figures: bench/README.md). A key is a digest of everything its part is
    /// made from; null: the part is always written.
    /// </summary>
    public void WriteTextParts(string sitePath, IReadOnlyList<string?> keys, Action<int, TextWriter> write)
    {
        var fingerprint = Reuse is null || keys.Any(k => k is null) ? null : PartsFingerprint(keys!);
        if (fingerprint is not null && TryKeepFile(sitePath, fingerprint)) return;
        var previousParts = Reuse is { } reuse && Previous is not null ? reuse.PreviousParts(sitePath) : [];
        var copied = new Dictionary<string, (long Offset, long Length)>(StringComparer.Ordinal);
        long offset = 0;
        foreach (var part in previousParts)
        {
            if (part.Key.Length > 0) copied.TryAdd(part.Key, (offset, part.Length));
            offset += part.Length;
        }
        var parts = new List<FilePart>(keys.Count);
        WriteStream(sitePath, stream =>
        {
            using var old = copied.Count > 0 ? File.OpenHandle(Path.Combine(Previous!, FilePath(sitePath))) : null;
            using var writer = new StreamWriter(stream, Utf8NoBom, 64 * 1024, leaveOpen: true);
            var buffer = copied.Count > 0 ? new byte[64 * 1024] : [];
            for (var i = 0; i < keys.Count; i++)
            {
                var start = stream.Position;
                if (keys[i] is { } key && copied.TryGetValue(key, out var from)) Copy(old!, from.Offset, from.Length, stream, buffer);
                else
                {
                    write(i, writer);
                    writer.Flush();
                }
                parts.Add(new FilePart(keys[i] ?? "", stream.Position - start));
            }
        });
        Reuse?.RenderedParts(sitePath, fingerprint ?? "", parts);
    }

    private static string PartsFingerprint(IReadOnlyList<string> keys)
    {
        using var inputs = PageInputs.Streamed();
        inputs.Add("parts").Add(keys.Count);
        foreach (var key in keys) inputs.Add(key);
        return Convert.ToHexStringLower(inputs.Digest());
    }

    private static void Copy(Microsoft.Win32.SafeHandles.SafeFileHandle from, long offset, long length, Stream to, byte[] buffer)
    {
        while (length > 0)
        {
            var read = RandomAccess.Read(from, buffer.AsSpan(0, (int)Math.Min(buffer.Length, length)), offset);
            if (read == 0) throw new IOException("the previous output's file is shorter than its recorded parts");
            to.Write(buffer, 0, read);
            offset += read;
            length -= read;
        }
    }

    public void CopyFile(string source, string sitePath)
    {
        var full = FullPath(sitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.Delete(full);
        File.Copy(source, full);
    }
}
