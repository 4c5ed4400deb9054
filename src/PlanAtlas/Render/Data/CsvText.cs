using System.Buffers;
using System.Globalization;
using System.Text;

namespace PlanAtlas.Render.Data;

/// <summary>
/// Writes the site's CSV files: UTF-8 with a BOM (Excel reads Chinese), records ended by CRLF, a field quoted when
/// <see cref="Quoting"/> says so and its quotes doubled. The bytes are those CsvHelper 33 wrote with the two
/// configurations the site used (tests/…/Render/Data/CsvTextTests compare them on awkward fields): hand-written because
/// a CsvHelper writer is costly to make (its type-converter caches), once per compare page's chart data, and its
/// per-field work dominated writing reuse.csv and items.csv (figures: bench/README.md).
/// </summary>
public static class CsvText
{
    /// <summary>When a field is quoted.</summary>
    public enum Quoting
    {
        /// <summary>CsvHelper's default: a quote, a comma, CR or LF in it, or a space at either end.</summary>
        Default,

        /// <summary>The downloads' rule (plans.csv, items.csv): a quote, a comma, CR or LF in it, or any white space at either end.</summary>
        WhiteSpaceAtEnds,
    }

    private static readonly SearchValues<char> Special = SearchValues.Create("\",\r\n");
    private static readonly UTF8Encoding Utf8Bom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>
    /// The CSV as bytes (a chart's small data file). Made as text first: a <see cref="Writer"/>'s buffers (on the large-object
    /// heap) made for each of a rebuild's chart files would bring on full collections.
    /// </summary>
    public static byte[] Bytes(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, Quoting quoting = Quoting.Default)
    {
        var text = t_text ??= new StringWriter(CultureInfo.InvariantCulture);
        var builder = text.GetStringBuilder().Clear();
        Record(text, header, quoting);
        foreach (var row in rows) Record(text, row, quoting);
        var csv = builder.ToString();
        var preamble = Utf8Bom.Preamble;
        var bytes = new byte[preamble.Length + Utf8Bom.GetByteCount(csv)];
        preamble.CopyTo(bytes);
        Utf8Bom.GetBytes(csv, bytes.AsSpan(preamble.Length));
        // A thread's buffer is kept for its next chart, unless a large file made it large.
        if (builder.Capacity > 64 * 1024) t_text = null;
        return bytes;
    }

    [ThreadStatic] private static StringWriter? t_text;

    /// <summary>A writer into <paramref name="stream"/> in the files' encoding; the caller writes <see cref="Record"/>s into it.</summary>
    public static StreamWriter Writer(Stream stream) => new(stream, Utf8Bom, bufferSize: 64 * 1024, leaveOpen: true);

    /// <summary>One record: the fields, separated by commas, and CRLF.</summary>
    public static void Record(TextWriter writer, IReadOnlyList<string> fields, Quoting quoting)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) writer.Write(',');
            Field(writer, fields[i], quoting);
        }
        writer.Write("\r\n");
    }

    /// <summary>One field (null is written empty), quoted when <paramref name="quoting"/> says so.</summary>
    public static void Field(TextWriter writer, string? field, Quoting quoting)
    {
        if (string.IsNullOrEmpty(field)) return;
        if (!Quoted(field, quoting))
        {
            writer.Write(field);
            return;
        }
        writer.Write('"');
        var rest = field.AsSpan();
        for (var at = rest.IndexOf('"'); at >= 0; at = rest.IndexOf('"'))
        {
            writer.Write(rest[..(at + 1)]);
            writer.Write('"');
            rest = rest[(at + 1)..];
        }
        writer.Write(rest);
        writer.Write('"');
    }

    private static bool Quoted(string field, Quoting quoting)
    {
        if (field.AsSpan().IndexOfAny(Special) >= 0) return true;
        return quoting == Quoting.Default
            ? field[0] == ' ' || field[^1] == ' '
            : char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1]);
    }
}
