using System.Text;
using System.Text.RegularExpressions;

namespace PlanAtlas.Read;

/// <summary>
/// The character set of a saved page: a byte-order mark, else the page's own &lt;meta charset&gt; (portals still
/// serve gb2312), else the same detection as for text files.
/// </summary>
internal static partial class HtmlDecoding
{
    [GeneratedRegex("""charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    public static (string Html, string Encoding) Decode(byte[] bytes, string sourceFile)
    {
        if (bytes.Length == 0) throw new DocumentReadException("PA201", "the file is empty");
        if (bytes is [0xEF, 0xBB, 0xBF, ..] or [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..]) return TextDecoding.Decode(bytes, sourceFile);

        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        // A Western single-byte charset declared over non-ASCII bytes is a template left unchanged on a Chinese page:
        // it would decode anything into nonsense, so the bytes are detected instead.
        if (MetaCharset().Match(head) is { Success: true } m && Declared(m.Groups[1].Value) is { } declared
            && (!declared.IsSingleByte || !bytes.AsSpan().ContainsAnyInRange((byte)0x80, (byte)0xFF)))
        {
            try
            {
                var strict = Encoding.GetEncoding(declared.WebName, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
                var html = strict.GetString(bytes);
                TextDecoding.RejectBinary(html);
                return (html, Name(declared));
            }
            catch (DecoderFallbackException)
            {
                // The declaration is wrong (a page re-saved in another encoding): detect instead.
            }
        }
        return TextDecoding.Decode(bytes, sourceFile);
    }

    private static Encoding? Declared(string label)
    {
        TextDecoding.EnsureCodePages();
        try
        {
            var e = Encoding.GetEncoding(label.Trim());
            // GB2312 and GBK pages routinely hold characters only GB18030 has; browsers decode them all as GB18030 too.
            return e.CodePage is 936 or 20936 or 54936 ? Encoding.GetEncoding("gb18030") : e;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Name(Encoding e) => e.CodePage switch
    {
        65001 => "utf-8",
        54936 => "gb18030",
        _ => e.WebName.ToLowerInvariant(),
    };
}
