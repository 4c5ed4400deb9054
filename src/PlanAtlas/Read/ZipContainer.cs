using System.IO.Compression;

namespace PlanAtlas.Read;

/// <summary>
/// The zip archive inside .docx, .xlsx and .ofd files, checked before any library unpacks it: a damaged central
/// directory and a zip bomb are cheaper to catch here, and every format reports them the same way.
/// </summary>
internal static class ZipContainer
{
    /// <summary>Uncompressed size beyond which an archive is refused: a few MB of text is a long plan; 200 MB is a zip bomb.</summary>
    public const long DefaultMaxUncompressedBytes = 200L * 1024 * 1024;

    /// <summary>Opens the archive after checking the sizes its entries declare.</summary>
    /// <param name="code">The format's own message code.</param>
    /// <param name="format">The format as the messages name it (".docx").</param>
    /// <exception cref="DocumentReadException">Damaged, or larger unpacked than <paramref name="maxUncompressedBytes"/>.</exception>
    public static ZipArchive Open(byte[] bytes, long maxUncompressedBytes, string code, string format)
    {
        try
        {
            var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            long total = 0;
            foreach (var entry in zip.Entries) total += entry.Length;
            if (total > maxUncompressedBytes)
            {
                zip.Dispose();
                throw new DocumentReadException(code,
                    $"the {format} unpacks to {Megabytes(total)}, more than the {Megabytes(maxUncompressedBytes)} allowed; refused as a possible zip bomb");
            }
            return zip;
        }
        catch (InvalidDataException e)
        {
            throw new DocumentReadException(code, $"not a readable {format} (damaged or truncated zip): {FirstLine(e.Message)}");
        }
    }

    /// <summary>
    /// An entry's bytes, at most <paramref name="maxBytes"/>: the size an entry declares can lie, so the limit holds
    /// for what inflating actually gives.
    /// </summary>
    public static byte[] ReadEntry(ZipArchiveEntry entry, long maxBytes, string code, string format)
    {
        try
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + n > maxBytes)
                    throw new DocumentReadException(code,
                        $"'{entry.FullName}' in the {format} unpacks to more than {Megabytes(maxBytes)}; refused as a possible zip bomb");
                buffer.Write(chunk, 0, n);
            }
            return buffer.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new DocumentReadException(code, $"not a readable {format}: '{entry.FullName}' is damaged ({FirstLine(e.Message)})");
        }
    }

    internal static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MB";

    internal static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
