using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using PlanAtlas.Model;
using PlanAtlas.Render;

namespace PlanAtlas.Index;

/// <summary>
/// The files of search/index/, all gzip members (the search page unpacks them), so that every static host serves
/// them at the same size whatever it compresses:
/// <list type="bullet">
/// <item><c>docs.bin</c>: the document table (<see cref="DocumentTable"/>), loaded once;</item>
/// <item><c>k/N.bin</c>: shard N of the keys' postings, fetched for each key a query looks up;</item>
/// <item><c>t/N.bin</c>: document N's text with its items, fetched only for the results shown, to confirm the
/// exact term, cut excerpts and list the items that contain it;</item>
/// <item><c>f/NAME-N.bin</c>: the plans with value N of a filter whose plans hold several values (themes).</item>
/// </list>
/// </summary>
public static class IndexFiles
{
    public const string Table = "docs.bin";

    /// <param name="folder">The index's folder in the site, ending in '/'.</param>
    public static void Write(OutputFolder output, string folder, JsonObject table, IReadOnlyList<(string Path, byte[] Bytes)> setFiles,
        IReadOnlyList<TermIndex.Entry> entries, ShardLayout layout, IReadOnlyList<SearchDocument> documents, IReadOnlyList<UInt128> textHashes,
        CancellationToken cancellation)
    {
        // Nothing of an earlier index in this folder may survive (a document that is gone leaves no t/N.bin behind).
        var root = Path.GetDirectoryName(output.FullPath(folder + Table))!;
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        WriteGzip(output, folder + Table, JsonSerializer.SerializeToUtf8Bytes(table, DocumentTable.Json));
        foreach (var (path, bytes) in setFiles) WriteGzip(output, folder + path, bytes);

        var byShard = new List<int>[layout.Count];
        for (var s = 0; s < byShard.Length; s++) byShard[s] = [];
        for (var i = 0; i < entries.Count; i++) byShard[layout.ShardOf[i]].Add(i); // entries are in key order, so each shard is too
        var options = new ParallelOptions { CancellationToken = cancellation };
        Parallel.For(0, layout.Count, options, s =>
        {
            var bytes = new byte[layout.Sizes[s]];
            var at = 0;
            foreach (var i in byShard[s])
            {
                entries[i].Bytes.CopyTo(bytes, at);
                at += entries[i].Bytes.Length;
            }
            WriteGzip(output, $"{folder}k/{s}.bin", bytes);
        });
        Parallel.For(0, documents.Count, options, d =>
            WriteGzip(output, $"{folder}t/{d}.bin", DocumentTable.DocumentFingerprint(documents[d], textHashes[d]), () => DocumentTable.DocumentFile(documents[d])));
    }

    /// <summary>
    /// .NET writes the gzip header without a name or time, so the same bytes in give the same file out. An incremental
    /// build compresses only the files whose content changed: the others are kept as the previous build wrote them
    /// (compression was most of the stage's time after a small edit).
    /// </summary>
    private static void WriteGzip(OutputFolder output, string sitePath, byte[] bytes) =>
        WriteGzip(output, sitePath, ContentHash.HexOf(bytes), () => bytes);

    /// <param name="fingerprint">Names the content (<paramref name="bytes"/> are made only when the file is written).</param>
    private static void WriteGzip(OutputFolder output, string sitePath, string fingerprint, Func<byte[]> bytes) =>
        output.WriteBytes(sitePath, fingerprint, () =>
        {
            var content = bytes();
            var compressed = new MemoryStream(content.Length / 2 + 64);
            using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal)) gzip.Write(content);
            return compressed.ToArray();
        });

    /// <summary>Reads a file back (for tests and tools).</summary>
    public static byte[] Read(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }
}
