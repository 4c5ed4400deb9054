using System.Text;

namespace PlanAtlas.Read;

/// <summary>HTML whitespace rules for text taken from markup.</summary>
public static class Whitespace
{
    /// <summary>Runs of white space (ASCII, no-break and ideographic spaces) become one space; the ends are trimmed.</summary>
    public static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pending = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) { pending = sb.Length > 0; continue; }
            if (pending) sb.Append(' ');
            pending = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    public static string RemoveAll(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!char.IsWhiteSpace(c)) sb.Append(c);
        return sb.ToString();
    }
}
