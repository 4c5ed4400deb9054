using System.Text;
using PlanAtlas.Model;

namespace PlanAtlas.Read;

/// <summary>
/// The same plan saved twice: identical bytes, or the same text in another encoding or format (a .txt and its
/// .docx). Files come in ordinal name order, so the first name is kept and the later one is reported.
/// </summary>
public sealed class DuplicatePlans
{
    private readonly Dictionary<string, string> _byHash = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byText = new(StringComparer.Ordinal);

    /// <returns>A warning naming both files when <paramref name="document"/> repeats one already kept; null otherwise.</returns>
    public Diagnostic? Check(SourceDocument document, string file) =>
        Check(document.ContentHash, TextFingerprint(document), document.Format, file);

    /// <summary>The same check from the two fingerprints alone, for a file not decoded again.</summary>
    public Diagnostic? Check(string contentHash, string textFingerprint, string format, string file)
    {
        if (_byHash.TryGetValue(contentHash, out var first))
            return Duplicate("PA211", file, first, "the same bytes as");
        if (_byText.TryGetValue(textFingerprint, out first))
            return Duplicate("PA212", file, first, $"the same text ({format}) as");
        _byHash[contentHash] = file;
        _byText[textFingerprint] = file;
        return null;
    }

    private static Diagnostic Duplicate(string code, string file, string first, string what) =>
        new(Severity.Warning, code, file, null, $"has {what} {first}; the plan is built once, from {first}");

    /// <summary>The <see cref="ContentHash"/> of every block's text with all white space removed: spacing and blank lines differ between formats.</summary>
    public static string TextFingerprint(SourceDocument document)
    {
        var sb = new StringBuilder();
        foreach (var block in document.Blocks)
        {
            var text = block switch
            {
                ParagraphBlock p => p.Text,
                TableBlock t => string.Join('\u001F', t.Rows.SelectMany(r => r)),
                _ => "",
            };
            var before = sb.Length;
            foreach (var c in text)
                if (!char.IsWhiteSpace(c)) sb.Append(c);
            if (sb.Length > before) sb.Append('\u001E');
        }
        return ContentHash.HexOf(sb.ToString());
    }
}
