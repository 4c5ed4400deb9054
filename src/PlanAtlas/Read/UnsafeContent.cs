using AngleSharp.Dom;

namespace PlanAtlas.Read;

/// <summary>
/// Removes from a page everything that is code or not visible: the read stage only takes text, but text inside
/// a script or an iframe is not the plan, and the text of a javascript: link is page furniture (打印本页, 关闭窗口).
/// </summary>
internal static class UnsafeContent
{
    private const string Dropped = "script, style, noscript, template, iframe, frame, frameset, object, embed, applet, "
        + "svg, math, canvas, audio, video, source, track, select, option, textarea, button, input, form, head, [hidden]";

    public static void Remove(IDocument document)
    {
        foreach (var e in document.QuerySelectorAll(Dropped).ToList())
            e.Remove();
        foreach (var link in document.QuerySelectorAll("a[href]").Where(a => IsScriptUrl(a.GetAttribute("href"))).ToList())
            link.Remove();
        foreach (var e in document.All)
            foreach (var attribute in e.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                                                            || IsScriptUrl(a.Value)).ToList())
                e.RemoveAttribute(attribute.Name);
    }

    /// <summary>javascript:, vbscript: and data: URLs, however the page hides them ("java&#9;script:", upper case).</summary>
    internal static bool IsScriptUrl(string? url)
    {
        if (url is null) return false;
        Span<char> head = stackalloc char[12];
        var n = 0;
        foreach (var c in url)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c)) continue;
            head[n++] = char.ToLowerInvariant(c);
            if (n == head.Length) break;
        }
        var s = head[..n];
        return s.StartsWith("javascript:") || s.StartsWith("vbscript:") || s.StartsWith("data:");
    }
}
