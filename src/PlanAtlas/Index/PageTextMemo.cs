namespace PlanAtlas.Index;

/// <summary>
/// The text the index took from each page of the last build (<see cref="PageDocuments"/>), by the page's file as it
/// was then — its length and last write time — so that the next build takes an unchanged file's title and text from
/// here instead of reading and scanning its HTML again. An incremental build leaves most pages where they are, and
/// reading their HTML again would be most of its index stage (figures: bench/README.md). A file that was written again
/// has a new write time and is read; a miss only costs that read.
/// </summary>
public sealed class PageTextMemo
{
    private const uint Magic = 0x4D54504E; // "NPTM"

    /// <summary>What identifies a file's content without reading it.</summary>
    public readonly record struct Stamp(long Length, long WriteTicks)
    {
        public static Stamp Of(string file)
        {
            var info = new FileInfo(file);
            return new Stamp(info.Length, info.LastWriteTimeUtc.Ticks);
        }
    }

    /// <summary>A page as read: its stamp and what <see cref="PageText.Extract"/> found (null title: nothing marked for search).</summary>
    private readonly record struct Entry(Stamp Stamp, string? Title, string Text);

    private readonly Dictionary<string, Entry> _pages = new(StringComparer.Ordinal);

    public int Count => _pages.Count;

    /// <summary>The title and text of the page at <paramref name="sitePath"/> when it was read from a file stamped <paramref name="stamp"/>.</summary>
    public bool TryGet(string sitePath, Stamp stamp, out (string Title, string Text)? page)
    {
        page = null;
        if (!_pages.TryGetValue(sitePath, out var entry) || entry.Stamp != stamp) return false;
        if (entry.Title is not null) page = (entry.Title, entry.Text);
        return true;
    }

    public void Add(string sitePath, Stamp stamp, (string Title, string Text)? page) =>
        _pages[sitePath] = new Entry(stamp, page?.Title, page?.Text ?? "");

    public void Write(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(_pages.Count);
        foreach (var (path, entry) in _pages.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(path);
            writer.Write(entry.Stamp.Length);
            writer.Write(entry.Stamp.WriteTicks);
            writer.Write(entry.Title is not null);
            writer.Write(entry.Title ?? "");
            writer.Write(entry.Text);
        }
    }

    /// <summary>The memo in <paramref name="stream"/>; null when it is not one (damaged or of another format).</summary>
    public static PageTextMemo? Read(Stream stream)
    {
        try
        {
            using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            if (reader.ReadUInt32() != Magic) return null;
            var count = reader.ReadInt32();
            if (count < 0) return null;
            var memo = new PageTextMemo();
            for (var i = 0; i < count; i++)
            {
                var path = reader.ReadString();
                var stamp = new Stamp(reader.ReadInt64(), reader.ReadInt64());
                var marked = reader.ReadBoolean();
                var title = reader.ReadString();
                memo._pages[path] = new Entry(stamp, marked ? title : null, reader.ReadString());
            }
            return stream.Position == stream.Length ? memo : null;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException)
        {
            return null;
        }
    }
}
