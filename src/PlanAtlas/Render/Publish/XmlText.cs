using System.Text;
using System.Xml;

namespace PlanAtlas.Render.Publish;

/// <summary>
/// Text from input files may hold characters XML 1.0 forbids (control characters from a bad conversion, lone
/// surrogates); they are dropped, because XML has no escape for them and XmlWriter would throw.
/// </summary>
public static class XmlText
{
    public static string Clean(string text)
    {
        if (IsClean(text)) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (IsPair(text, i)) { sb.Append(text, i, 2); i++; }
            else if (XmlConvert.IsXmlChar(text[i])) sb.Append(text[i]);
        }
        return sb.ToString();
    }

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsPair(text, i)) { i++; continue; }
            if (!XmlConvert.IsXmlChar(text[i])) return false;
        }
        return true;
    }

    private static bool IsPair(string text, int i) => char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
}
