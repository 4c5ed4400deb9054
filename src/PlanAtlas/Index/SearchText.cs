using System.Text;

namespace PlanAtlas.Index;

/// <summary>
/// The text the search matches, prepared the same way on both sides: the index stage keys the normalized text
/// of every document, and the search page (theme/assets/js/search-terms.js) normalizes the query and the text
/// it checks with <c>normalize('NFKC').toLowerCase()</c>. A query term matches when the normalized text
/// contains the normalized term, so every key of the term is a key of the text: the index never misses a match.
/// </summary>
public static class SearchText
{
    /// <summary>Whitespace runs as one space, trimmed: the form stored for the search page and keyed.</summary>
    public static string Fold(string text) =>
        IsFolded(text) ? text : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Whether <see cref="Fold"/> would give the text back as it is (most of a plan's items: Chinese text without
    /// spaces). Every item of every plan is folded on every build, and splitting and joining each one made a copy.
    /// </summary>
    private static bool IsFolded(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i])) continue;
            if (text[i] != ' ' || i == 0 || i == text.Length - 1 || char.IsWhiteSpace(text[i + 1])) return false;
        }
        return true;
    }

    /// <summary>NFKC, lower case (full-width 'ＡＢ' and 'ab' match), as the search page normalizes.</summary>
    public static string Normalize(string text)
    {
        var clean = WithoutLoneSurrogates(text);
        return clean.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
    }

    // string.Normalize throws on a lone surrogate; a document converted from Word or PDF may hold one.
    private static string WithoutLoneSurrogates(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            var sb = new StringBuilder(text.Length);
            foreach (var rune in text.EnumerateRunes()) sb.Append(rune.ToString());
            return sb.ToString();
        }
        return text;
    }
}
