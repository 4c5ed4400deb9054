using System.Text;
using UtfUnknown;

namespace PlanAtlas.Read;

/// <summary>
/// Decodes the bytes of a text file whatever its encoding: a byte-order mark decides first, then strict UTF-8
/// (most files, and the only way to be sure), then UTF.Unknown's guess, with GB18030 as the last resort for a
/// Chinese corpus. Binary data is refused rather than decoded into nonsense.
/// </summary>
public static class TextDecoding
{
    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Call before any Encoding.GetEncoding("gb18030"): registers the code pages once per process.</summary>
    public static void EnsureCodePages() { }

    /// <returns>The text and the name of the encoding it was decoded from (utf-8, utf-8-bom, utf-16le, gb18030 ...).</returns>
    public static (string Text, string Encoding) Decode(byte[] bytes, string sourceFile)
    {
        if (bytes.Length == 0) throw new DocumentReadException("PA201", "the file is empty");
        if (BinarySignatures.Describe(bytes) is { } kind)
            throw new DocumentReadException("PA204", $"this is {kind}, not text; give the file its proper extension");

        var (text, name) = DecodeByBom(bytes) ?? DecodeUtf8(bytes) ?? DecodeUtf16WithoutBom(bytes) ?? DecodeDetected(bytes);
        RejectBinary(text);
        return (text, name);
    }

    private static (string, string)? DecodeByBom(byte[] b)
    {
        (int length, string name, Encoding encoding)? bom = b switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (3, "utf-8-bom", new UTF8Encoding(false, true)),
            [0xFF, 0xFE, 0x00, 0x00, ..] => (4, "utf-32le", new UTF32Encoding(false, false, true)),
            [0x00, 0x00, 0xFE, 0xFF, ..] => (4, "utf-32be", new UTF32Encoding(true, false, true)),
            [0xFF, 0xFE, ..] => (2, "utf-16le", new UnicodeEncoding(false, false, true)),
            [0xFE, 0xFF, ..] => (2, "utf-16be", new UnicodeEncoding(true, false, true)),
            _ => null,
        };
        if (bom is not var (length, name, encoding)) return null;
        try
        {
            return (encoding.GetString(b, length, b.Length - length), name);
        }
        catch (DecoderFallbackException e)
        {
            throw new DocumentReadException("PA202",
                $"the file starts with a {name} byte-order mark but is not valid {name} (byte offset {length + e.Index})");
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private static (string, string)? DecodeUtf8(byte[] b)
    {
        try
        {
            return (StrictUtf8.GetString(b), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>
    /// UTF-16 saved without a byte-order mark (Windows "Unicode" text from some tools): a plan's line breaks, digits and
    /// ASCII punctuation become a text byte paired with a zero byte, always on the same side; 8-bit text has no zeros.
    /// </summary>
    private static (string, string)? DecodeUtf16WithoutBom(byte[] b)
    {
        if (b.Length < 4 || b.Length % 2 != 0) return null;
        int little = 0, big = 0;
        for (int i = 0; i < b.Length; i += 2)
        {
            if (b[i + 1] == 0 && IsAsciiText(b[i])) little++;
            if (b[i] == 0 && IsAsciiText(b[i + 1])) big++;
        }
        var enough = b.Length / 2 / 100 + 1;
        (bool bigEndian, string name)? order =
            little >= enough && little > big * 4 ? (false, "utf-16le")
            : big >= enough && big > little * 4 ? (true, "utf-16be")
            : null;
        if (order is not var (bigEndian, name)) return null;
        try
        {
            return (new UnicodeEncoding(bigEndian, false, true).GetString(b), name);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool IsAsciiText(byte b) => b is (>= 0x20 and < 0x7F) or (byte)'\n' or (byte)'\r' or (byte)'\t';

    /// <summary>Encodings a plan may plausibly be in; the detector's other answers are checked against GB18030.</summary>
    private static readonly Dictionary<string, string> Accepted = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gb18030"] = "gb18030", ["gb2312"] = "gb18030", ["gbk"] = "gb18030", ["x-cp20936"] = "gb18030",
        ["hz-gb-2312"] = "hz-gb-2312", ["big5"] = "big5", ["utf-16le"] = "utf-16le", ["utf-16be"] = "utf-16be",
        ["utf-32le"] = "utf-32le", ["utf-32be"] = "utf-32be",
    };

    private static (string, string) DecodeDetected(byte[] b)
    {
        EnsureCodePages();
        var detected = CharsetDetector.DetectFromBytes(b).Detected;
        if (detected?.EncodingName is { } guess && Accepted.TryGetValue(guess, out var name)
            && TryStrict(b, name) is { } text)
            return (text, name);

        // GBK text with rare characters is often mistaken for a single-byte code page; a strict GB18030 decode
        // that yields mostly Chinese settles it.
        if (TryStrict(b, "gb18030") is { } gb && MostlyChinese(gb)) return (gb, "gb18030");

        var what = detected?.EncodingName is { } n
            ? $"it looks like {n} (confidence {detected.Confidence:0.00}), which is not an encoding for Chinese plans"
            : "no encoding fits";
        throw new DocumentReadException("PA203",
            $"not UTF-8, UTF-16 or GB18030/GBK text ({what}); save it as UTF-8");
    }

    private static string? TryStrict(byte[] b, string name)
    {
        try
        {
            return Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(b);
        }
        catch (Exception e) when (e is DecoderFallbackException or ArgumentException)
        {
            return null;
        }
    }

    private static bool MostlyChinese(string text)
    {
        int nonAscii = 0, han = 0;
        foreach (var c in text)
        {
            if (c < 0x80) continue;
            nonAscii++;
            if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF') han++;
        }
        return nonAscii > 0 && han >= nonAscii * 0.9;
    }

    /// <summary>
    /// Random bytes can decode "successfully" as some encoding; real text has next to no control characters.
    /// </summary>
    internal static void RejectBinary(string text)
    {
        int controls = 0;
        for (int i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\t' or '\n' or '\r' or '\f' or '\v') continue;
            if (c == '\0') throw Binary(text, i);
            if (char.IsControl(c) || c == '\uFFFD') controls++;
        }
        if (controls > 8 + text.Length / 200) throw Binary(text, -1);
    }

    private static DocumentReadException Binary(string text, int nulAt)
    {
        var line = nulAt < 0 ? (int?)null : 1 + text.AsSpan(0, nulAt).Count('\n');
        return new DocumentReadException("PA204",
            "the file holds binary data (control characters), not text; is it the right file?", line);
    }
}

/// <summary>Recognises common file types by their first bytes, to say what a misnamed file really is.</summary>
public static class BinarySignatures
{
    public static string? Describe(ReadOnlySpan<byte> b) => b switch
    {
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => "a PDF file (.pdf)",
        [0x50, 0x4B, 0x03, 0x04, ..] => "a zip archive (a .docx is one)",
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, ..] => "a legacy Office file (.doc, .wps or .xls)",
        [0x89, 0x50, 0x4E, 0x47, ..] => "a PNG image",
        [0xFF, 0xD8, 0xFF, ..] => "a JPEG image",
        [0x47, 0x49, 0x46, 0x38, ..] => "a GIF image",
        [0x7B, 0x5C, 0x72, 0x74, 0x66, ..] => "an RTF document (save it as .docx)",
        _ => null,
    };

    public static bool IsZip(ReadOnlySpan<byte> b) => b is [0x50, 0x4B, 0x03, 0x04, ..];

    /// <summary>An OLE compound file: the container of Word 97-2003, WPS and Excel 97-2003 files.</summary>
    public static bool IsCompoundFile(ReadOnlySpan<byte> b) => b is [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, ..];

    public static bool IsRtf(ReadOnlySpan<byte> b) => b is [0x7B, 0x5C, 0x72, 0x74, 0x66, ..];

    /// <summary>A web page where a binary file was expected: portals answer a broken download link with an error page.</summary>
    public static bool LooksLikeHtml(ReadOnlySpan<byte> b)
    {
        var head = b[..Math.Min(b.Length, 512)];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) head = head[3..];
        head = head.TrimStart(" \t\r\n"u8);
        return head.Length > 0 && head[0] == (byte)'<'
            && (head.IndexOf("<html"u8) >= 0 || head.IndexOf("<HTML"u8) >= 0 || head.IndexOf("<!DOCTYPE"u8) >= 0 || head.IndexOf("<!doctype"u8) >= 0);
    }

    public const string HtmlInstead = "this is a web page, not the document (an error page saved instead of the download?)";
}
