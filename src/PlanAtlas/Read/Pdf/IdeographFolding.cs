using System.Globalization;
using System.Text;

namespace PlanAtlas.Read.Pdf;

/// <summary>
/// Folds the code points that PDF fonts put in place of ordinary characters back to those characters. A CJK font
/// draws 门 and the radical ⻔ (U+2ED4) with one glyph, and a PDF writer that builds its ToUnicode map from the font's
/// cmap may name either (Chromium's Skia names the lower code point: 591 radicals in the 平潭 sample alone); Word
/// and WPS do the same with Kangxi radicals (⼯ U+2F2F for 工). They look right and match nothing: 部门 finds no ⻔.
/// Radicals and CJK strokes go to their unified ideograph by Unicode's EquivalentUnifiedIdeograph.txt (NFKC folds
/// the Kangxi block but not the CJK Radicals Supplement); compatibility ideographs (U+F900…, U+2F800…) and Latin
/// ligatures (ﬁ U+FB01) by NFKC. Everything else — full-width punctuation and digits above all — stays as it is.
/// </summary>
public static class IdeographFolding
{
    private static readonly Lazy<Dictionary<int, int>> Equivalents = new(LoadEquivalents);

    public static string Fold(string text)
    {
        if (!NeedsFolding(text)) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var v = rune.Value;
            if (Equivalents.Value.TryGetValue(v, out var unified)) sb.Append(char.ConvertFromUtf32(unified));
            else if (IsCompatibility(v)) sb.Append(rune.ToString().Normalize(NormalizationForm.FormKC));
            else sb.Append(rune.ToString());
        }
        return sb.ToString();
    }

    /// <summary>Whether <paramref name="value"/> is a code point <see cref="Fold"/> replaces.</summary>
    public static bool IsFolded(int value) => IsCompatibility(value) || Equivalents.Value.ContainsKey(value);

    private static bool NeedsFolding(string text)
    {
        foreach (var c in text)
            if (c is >= '\u2E80' and <= '\u2FDF' or >= '\u31C0' and <= '\u31EF' or >= '\uF900' and <= '\uFAFF' or >= '\uFB00' and <= '\uFB06'
                || char.IsHighSurrogate(c))
                return true;
        return false;
    }

    private static bool IsCompatibility(int v) => v is >= 0xF900 and <= 0xFAFF or >= 0x2F800 and <= 0x2FA1F or >= 0xFB00 and <= 0xFB06;

    /// <summary>The data lines of EquivalentUnifiedIdeograph.txt: "2E8C..2E8D ; 5C0F  # comment".</summary>
    private static Dictionary<int, int> LoadEquivalents()
    {
        using var stream = typeof(IdeographFolding).Assembly.GetManifestResourceStream("PlanAtlas.Read.Pdf.EquivalentUnifiedIdeograph.txt")
            ?? throw new InvalidOperationException("the EquivalentUnifiedIdeograph.txt resource is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var map = new Dictionary<int, int>();
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var data = line.Split('#')[0];
            if (data.Split(';') is not [var from, var to]) continue;
            var range = from.Trim().Split("..");
            var first = Hex(range[0]);
            var last = range.Length > 1 ? Hex(range[1]) : first;
            for (var v = first; v <= last; v++) map[v] = Hex(to.Trim());
        }
        return map;
    }

    private static int Hex(string s) => int.Parse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
