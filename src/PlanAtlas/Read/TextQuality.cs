using System.Globalization;
using System.Text;
using PlanAtlas.Model;

namespace PlanAtlas.Read;

/// <summary>
/// The quality gate every document passes after its reader, whatever the format: the text of a Chinese plan is
/// Chinese. A file whose text is mostly not Chinese characters, or has many characters that stand for no text
/// (U+FFFD, private-use or control characters), or whose "Chinese" is mostly rare characters, was decoded wrongly —
/// typically a PDF whose fonts map glyphs to nothing (no ToUnicode map), so that glyph numbers come out in place of
/// characters — and would build as a plan of garbage. It is reported (PA226) and left out instead.
/// </summary>
public static class TextQuality
{
    public const string Code = "PA226";

    /// <summary>Fewer letters than this are too few to judge (a short note is still read).</summary>
    private const int MinimumLetters = 40;

    /// <summary>Below this share of Chinese characters among the letters, the text is "mostly not Chinese".</summary>
    private const double MinimumChineseShare = 0.5;

    /// <summary>From this share of unreadable characters on, there are "many".</summary>
    private const double MaximumUnreadableShare = 0.02;

    /// <summary>
    /// Modern plans use the 6,763 characters of GB 2312 almost only (over 99% in the samples); glyph numbers read as
    /// code points land anywhere in the 21,000 of the CJK block, a third of them in GB 2312.
    /// </summary>
    private const double MinimumCommonShare = 0.8;

    /// <summary>Which characters of U+4E00–U+9FFF GB 2312 (code page 20936) holds.</summary>
    private static readonly Lazy<bool[]> Gb2312 = new(() =>
    {
        TextDecoding.EnsureCodePages();
        var encoding = Encoding.GetEncoding(20936, new EncoderReplacementFallback("?"), DecoderFallback.ReplacementFallback);
        var common = new bool[0x9FFF - 0x4E00 + 1];
        Span<byte> bytes = stackalloc byte[4];
        for (var v = 0x4E00; v <= 0x9FFF; v++)
        {
            ReadOnlySpan<char> c = [(char)v];
            common[v - 0x4E00] = encoding.GetBytes(c, bytes) == 2;
        }
        return common;
    });

    /// <summary>What is wrong with the document's text, with how to fix it, or null when it reads as Chinese.</summary>
    public static string? Problem(SourceDocument document)
    {
        var counts = new Counts();
        foreach (var block in document.Blocks)
        {
            if (block is ParagraphBlock p) counts.Add(p.Text);
            else if (block is TableBlock t)
                foreach (var row in t.Rows)
                    foreach (var cell in row) counts.Add(cell);
        }
        if (counts.Letters < MinimumLetters) return null;
        string? what = null;
        if (counts.Unreadable >= counts.Letters * MaximumUnreadableShare)
            what = $"{counts.Unreadable:N0} of its {counts.Letters:N0} letters are characters that stand for no text (U+FFFD, private-use or control characters)";
        else if (counts.Chinese < counts.Words * MinimumChineseShare)
            what = $"only {counts.Chinese:N0} of its {counts.Words:N0} characters and Latin words ({100.0 * counts.Chinese / counts.Words:0}%) are Chinese characters";
        else if (counts.Chinese >= MinimumLetters / 2 && counts.Common < counts.Chinese * MinimumCommonShare)
            what = $"{100.0 * (counts.Chinese - counts.Common) / counts.Chinese:0}% of its Chinese characters are rare ones outside GB 2312, as when glyph numbers are read in place of characters";
        return what is null ? null : $"the text read from this file is not readable Chinese: {what}; {Advice(document.Format)}";
    }

    private static string Advice(string format) => format switch
    {
        "pdf" => "its fonts do not say which characters their glyphs are (no ToUnicode map). Export the PDF again with fonts embedded, or save it as .docx",
        "docx" => "it may use a symbol font or a legacy encoding. Open it in Word or WPS and save it again as .docx, or save it as UTF-8 .txt",
        _ => "it may be in an encoding PlanAtlas does not recognise. Save it again as UTF-8",
    };

    private sealed class Counts
    {
        public int Letters, Chinese, Common, Unreadable;

        /// <summary>
        /// Letters with a Latin word counted once, as a Chinese character is: the share of Chinese is taken among these,
        /// so that a plan's URLs, e-mail addresses or markup weigh as the few words they are, not as dozens of letters.
        /// </summary>
        public int Words;

        public void Add(string text)
        {
            var inLatinWord = false;
            foreach (var rune in text.EnumerateRunes())
            {
                var category = Rune.GetUnicodeCategory(rune);
                var latin = rune.IsAscii && Rune.IsLetter(rune);
                var wordGoesOn = latin && inLatinWord;
                inLatinWord = latin;
                if (Rune.IsWhiteSpace(rune) || Rune.IsDigit(rune) || IsPunctuation(category)) continue;
                Letters++;
                if (!wordGoesOn) Words++;
                if (IsUnreadable(rune, category)) Unreadable++;
                else if (IsChinese(rune.Value))
                {
                    Chinese++;
                    if (rune.Value is >= 0x4E00 and <= 0x9FFF && Gb2312.Value[rune.Value - 0x4E00]) Common++;
                }
            }
        }

        private static bool IsPunctuation(UnicodeCategory c) => c is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol;

        private static bool IsUnreadable(Rune rune, UnicodeCategory c) =>
            rune.Value == 0xFFFD || c is UnicodeCategory.PrivateUse or UnicodeCategory.Control or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate;

        private static bool IsChinese(int v) => v is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x20000 and <= 0x3FFFF
            or >= 0xF900 and <= 0xFAFF or >= 0x2E80 and <= 0x2FDF or 0x3007;
    }
}
