using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

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

    public static void Write(string root, JsonObject table, IReadOnlyList<(string Path, byte[] Bytes)> setFiles,
        IReadOnlyList<TermIndex.Entry> entries, ShardLayout layout, IReadOnlyList<SearchDocument> documents, CancellationToken cancellation)
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        foreach (var folder in new[] { "k", "t", "f" }) Directory.CreateDirectory(Path.Combine(root, folder));
        WriteGzip(Path.Combine(root, Table), JsonSerializer.SerializeToUtf8Bytes(table, DocumentTable.Json));
        foreach (var (path, bytes) in setFiles) WriteGzip(Path.Combine(root, path), bytes);

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
            WriteGzip(Path.Combine(root, "k", $"{s}.bin"), bytes);
        });
        Parallel.For(0, documents.Count, options, d =>
            WriteGzip(Path.Combine(root, "t", $"{d}.bin"), JsonSerializer.SerializeToUtf8Bytes(DocumentTable.DocumentFile(documents[d]), DocumentTable.Json)));
    }

    /// <summary>.NET writes the gzip header without a name or time, so the same bytes in give the same file out.</summary>
    private static void WriteGzip(string path, byte[] bytes)
    {
        var compressed = new MemoryStream(bytes.Length / 2 + 64);
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal)) gzip.Write(bytes);
        File.WriteAllBytes(path, compressed.ToArray());
    }

    /// <summary>Reads a file back (for tests and tools).</summary>
    public static byte[] Read(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }
}
