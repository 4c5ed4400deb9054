using System.Runtime.InteropServices;
using PlanAtlas.Model;

namespace PlanAtlas.Index;

/// <summary>
/// The term index a build wrote, with what it was made from: each document's text by hash, and its normalized length.
/// The next build compares the hashes number by number, and when only a few documents changed it updates just the
/// keys they hold (<see cref="TermIndex.Update"/>) instead of normalizing and keying every text again.
/// </summary>
public sealed class TermSnapshot
{
    private const uint Magic = 0x54534E50; // "PNST"

    /// <summary>SHA-256 of each document's <see cref="SearchDocument.Text"/> (its first 16 bytes), by document number.</summary>
    public required UInt128[] TextHashes { get; init; }

    /// <summary>Each document's normalized length (<see cref="SearchText.Normalize"/>), by document number.</summary>
    public required int[] Lengths { get; init; }

    public required IReadOnlyList<TermIndex.Entry> Entries { get; init; }

    public int DocumentCount => TextHashes.Length;

    /// <summary>
    /// <see cref="HashOf(string)"/> of the document's <see cref="SearchDocument.Text"/>, without joining a plan's items
    /// into it: every plan's text is hashed on every build, and only the few that changed are keyed.
    /// </summary>
    public static UInt128 HashOf(SearchDocument document)
    {
        if (document.Type != SearchDocumentType.Plan) return HashOf(document.Text);
        var hash = new ContentHash.Builder().Append(document.Title);
        ReadOnlySpan<char> newline = ['\n'];
        foreach (var item in document.Items) hash.Append(newline).Append(item.Text);
        return hash.Finish();
    }

    public static UInt128 HashOf(string text) => ContentHash.Of(text);

    public void Write(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(DocumentCount);
        writer.Write(MemoryMarshal.AsBytes(TextHashes.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(Lengths.AsSpan()));
        writer.Write(Entries.Count);
        foreach (var entry in Entries)
        {
            writer.Write(entry.Key);
            writer.Write(entry.Bytes.Length);
            writer.Write(entry.Bytes);
        }
    }

    /// <summary>The snapshot in <paramref name="bytes"/>; null when they are not one (damaged or of another format).</summary>
    public static TermSnapshot? Read(byte[] bytes)
    {
        try
        {
            var span = (ReadOnlySpan<byte>)bytes;
            var at = 0;
            if (Take<uint>(span, ref at) != Magic) return null;
            var count = Take<int>(span, ref at);
            if (count < 0 || count > bytes.Length / 20) return null;
            var hashes = MemoryMarshal.Cast<byte, UInt128>(span.Slice(at, count * 16)).ToArray();
            at += count * 16;
            var lengths = MemoryMarshal.Cast<byte, int>(span.Slice(at, count * 4)).ToArray();
            at += count * 4;
            var entryCount = Take<int>(span, ref at);
            if (entryCount < 0 || entryCount > bytes.Length / 12) return null;
            var entries = new TermIndex.Entry[entryCount];
            for (var i = 0; i < entryCount; i++)
            {
                var key = Take<ulong>(span, ref at);
                var length = Take<int>(span, ref at);
                entries[i] = new TermIndex.Entry(key, TermKeys.Hash(key), span.Slice(at, length).ToArray());
                at += length;
            }
            return at == bytes.Length ? new TermSnapshot { TextHashes = hashes, Lengths = lengths, Entries = entries } : null;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static T Take<T>(ReadOnlySpan<byte> span, ref int at) where T : unmanaged
    {
        var value = MemoryMarshal.Read<T>(span[at..]);
        at += System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        return value;
    }
}
