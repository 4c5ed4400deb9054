using System.Text;

namespace PlanAtlas.Analyze.Reuse;

/// <summary>
/// The characters reuse is measured on: letters and digits after NFKC (full-width ＡＢ１ → AB1), lower-case.
/// Punctuation and spaces differ between copies of the same sentence (，/, 、 （/( ) and carry no wording.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        var folded = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
