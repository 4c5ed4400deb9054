using System.Globalization;
using System.Text;

namespace PlanAtlas.Model;

/// <summary>
/// Readable, safe URL segments and anchor ids. Chinese stays Chinese (researchers cite these links):
/// letters and digits of any script are kept, everything else becomes a single '-'.
/// </summary>
public static class Slugs
{
    /// <summary>A single path segment: never empty, never "." or "..", no slashes.</summary>
    public static string ForPath(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune)) sb.Append(Rune.ToLowerInvariant(rune).ToString());
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "page" : slug;
    }

    /// <summary>
    /// GitHub-style heading id: lower-case, spaces to '-', punctuation dropped, letters of every script kept.
    /// Markdig's default drops Chinese; this keeps 工作要求 as 工作要求.
    /// </summary>
    public static string ForHeading(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.Trim().EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || rune.Value is '-' or '_') sb.Append(Rune.ToLowerInvariant(rune).ToString());
            else if (Rune.IsWhiteSpace(rune)) sb.Append('-');
            else if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
                sb.Append(rune.ToString());
        }
        return sb.Length == 0 ? "section" : sb.ToString();
    }

    /// <summary>Makes ids unique in one page the way GitHub does: the second "x" becomes "x-1".</summary>
    public sealed class UniqueIds
    {
        private readonly HashSet<string> _used = new(StringComparer.Ordinal);

        public string Claim(string id)
        {
            if (_used.Add(id)) return id;
            for (var n = 1; ; n++)
                if (_used.Add($"{id}-{n}")) return $"{id}-{n}";
        }
    }
}
