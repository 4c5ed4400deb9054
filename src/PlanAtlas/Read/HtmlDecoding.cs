using System.Text;
using System.Text.RegularExpressions;

namespace PlanAtlas.Read;

/// <summary>
/// The character set of a saved page: a byte-order mark, else the page's own &lt;meta charset&gt; (portals still
/// serve gb2312), else the same detection as for text files.
/// </summary>
public static partial class HtmlDecoding
{
    [GeneratedRegex("""charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    /// <param name="declaredCharset">The charset the web server sent with the page, if any: it decides before the page's own meta tag.</param>
    public static (string Html, string Encoding) Decode(byte[] bytes, string sourceFile, string? declaredCharset = null)
    {
        if (bytes.Length == 0) throw new DocumentReadException("PA201", "the file is empty");
        if (bytes is [0xEF, 0xBB, 0xBF, ..] or [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..]) return TextDecoding.Decode(bytes, sourceFile);
        if (Usable(declaredCharset, bytes) is { } served && TryStrict(bytes, served) is { } servedHtml)
            return (servedHtml, Name(served));

        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        if (MetaCharset().Match(head) is { Success: true } m && Usable(m.Groups[1].Value, bytes) is { } declared
            && TryStrict(bytes, declared) is { } html)
            return (html, Name(declared));
        return TextDecoding.Decode(bytes, sourceFile);
    }

    /// <summary>
    /// A declared charset worth trying. A Western single-byte one over non-ASCII bytes is a template (or a server
    /// default) left unchanged on a Chinese page: it would decode anything into nonsense, so the bytes are detected instead.
    /// </summary>
    private static Encoding? Usable(string? label, byte[] bytes) =>
        label is not null && Declared(label) is { } e && (!e.IsSingleByte || !bytes.AsSpan().ContainsAnyInRange((byte)0x80, (byte)0xFF)) ? e : null;

    /// <summary>The encoding the page's own bytes declare (a byte-order mark or a meta charset), without the server's word.</summary>
    public static bool DeclaresItsEncoding(byte[] bytes) =>
        bytes is [0xEF, 0xBB, 0xBF, ..] or [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..]
        || MetaCharset().IsMatch(Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 4096)));

    /// <summary>The text in that encoding, or null when the bytes are not valid in it: the declaration is wrong, detect instead.</summary>
    private static string? TryStrict(byte[] bytes, Encoding declared)
    {
        try
        {
            var strict = Encoding.GetEncoding(declared.WebName, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            var html = strict.GetString(bytes);
            TextDecoding.RejectBinary(html);
            return html;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
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
