using System.Text;

namespace PlanAtlas.Analyze.Reuse;

/// <summary>
/// The characters reuse is measured on: letters and digits after NFKC (full-width ＡＢ１ → AB1), lower-case.
/// Punctuation and spaces differ between copies of the same sentence (，/, 、 （/( ) and carry no wording.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text) => TryPlain(text) ?? Full(text);

    /// <summary>The definition: NFKC, then letters and digits only, lower-cased.</summary>
    internal static string Full(string text)
    {
        var folded = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>
    /// The same result without NFKC for the text every plan is made of: Chinese characters, ASCII, and punctuation
    /// that no normalization turns into a letter or digit. Anything else (full-width letters, circled numbers,
    /// combining marks …) returns null and takes the full path. Normalizing a corpus is then a single pass.
    /// </summary>
    private static string? TryPlain(string text)
    {
        Span<char> buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (c is >= '\u4E00' and <= '\u9FFF' || char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c)) buffer[length++] = c;
            else if (char.IsAsciiLetterUpper(c)) buffer[length++] = (char)(c | 0x20);
            else if (!Dropped.Contains(c)) return null;
        }
        return new string(buffer[..length]);
    }

    /// <summary>Characters whose NFKC form has no letter or digit, so both paths drop them: ASCII and CJK punctuation, spaces, line breaks.</summary>
    private static readonly System.Buffers.SearchValues<char> Dropped = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 0x80).Select(i => (char)i).Where(c => !char.IsAsciiLetterOrDigit(c))
            .Concat("\u3000、。〃〈〉《》「」『』【】〔〕〖〗〘〙〚〛〜〝〞〟・‐‑‒–—―‖‘’“”•…‰′″※℃")
            .Concat("！＂＃＄％＆＇（）＊＋，－．／：；＜＝＞？＠［＼］＾＿｀｛｜｝～｟｠｡｢｣､･\u00A0\u00B7")
            .Where(c => !NfkcHasLetterOrDigit(c)).ToArray());

    private static bool NfkcHasLetterOrDigit(char c) => c.ToString().Normalize(NormalizationForm.FormKC).Any(char.IsLetterOrDigit);
}
