using System.Text;

namespace PlanAtlas.Index;

/// <summary>
/// Prepares text for the Pagefind index so that Chinese search has full recall.
/// Pagefind segments Chinese with a dictionary at index time (ICU4X) and the query with Intl.Segmenter in the
/// browser; when the two cut a phrase differently (打非/治违 vs 打/非/治/违) a page that contains the phrase is
/// not found. Giving every CJK character its own word, split by U+200B (the separator Pagefind itself uses and
/// strips from the stored text), makes both sides agree: the search page queries character by character, and
/// the word positions Pagefind returns tell it where a phrase lies (see theme/assets/js/search.js).
/// </summary>
public static class SearchText
{
    public const char WordBreak = '\u200B';

    /// <summary>"落实三管三必须" → "落​实​三​管​三​必​须" (U+200B between CJK characters); other text is left as it is.</summary>
    public static string Separate(string text)
    {
        var sb = new StringBuilder(text.Length * 2);
        Rune? previous = null;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == WordBreak) continue;
            if (previous is { } p && !Rune.IsWhiteSpace(p) && !Rune.IsWhiteSpace(rune) && (IsCjk(p) || IsCjk(rune)))
                sb.Append(WordBreak);
            sb.Append(rune.ToString());
            previous = rune;
        }
        return sb.ToString();
    }

    /// <summary>Characters that are words of their own: Han, kana, Hangul syllables, CJK and full-width punctuation.</summary>
    public static bool IsCjk(Rune rune) => rune.Value switch
    {
        >= 0x3000 and <= 0x30FF => true,   // CJK symbols and punctuation, kana
        >= 0x3400 and <= 0x4DBF => true,   // Han extension A
        >= 0x4E00 and <= 0x9FFF => true,   // Han
        >= 0xAC00 and <= 0xD7AF => true,   // Hangul syllables
        >= 0xF900 and <= 0xFAFF => true,   // Han compatibility
        >= 0xFE30 and <= 0xFE4F => true,   // CJK compatibility forms
        >= 0xFF00 and <= 0xFFEF => true,   // full-width forms
        >= 0x20000 and <= 0x3FFFF => true, // Han extensions B and beyond
        _ => false,
    };
}
