using System.Net;
using System.Text;

namespace PlanAtlas.Index;

/// <summary>
/// The text of a page the render stage wrote: what is inside the element marked <c>data-search-body</c>, minus
/// script, style, template and noscript elements and anything marked <c>data-search-ignore</c>, with a line break
/// at every block boundary so that words of neighbouring cells or paragraphs never run into one phrase.
/// One pass over the markup rather than a DOM: the pages are the site's own output, and a full HTML parser was most
/// of the index stage (figures: bench/README.md). Index/PageTextTests checks that an HTML parser reads the
/// same text from every page of the sample site.
/// </summary>
public static class PageText
{
    private static readonly HashSet<string> BlockElements = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "li", "ul", "ol", "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
        "dt", "dd", "dl", "blockquote", "pre", "figure", "figcaption", "br", "header", "footer", "nav", "details", "summary",
    };

    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    /// <summary>The page's first h1 inside the marked element (else its title) and its text, lines trimmed; null when nothing is marked.</summary>
    public static (string Title, string Text)? Extract(string html)
    {
        var scanner = new Scanner(html);
        Tag tag;
        do
        {
            if (!scanner.Next(out tag, out _)) return null;
        } while (!(tag.IsStart && HasAttribute(tag.Attributes, "data-search-body")));

        var body = tag.Name;
        var depth = 1;
        var text = new StringBuilder();
        string? heading = null;
        var headingStart = -1;
        string? skipping = null;
        var skipDepth = 0;
        while (depth > 0 && scanner.Next(out tag, out var before))
        {
            if (skipping is not null)
            {
                if (tag.Name == skipping && !tag.IsSelfClosing) skipDepth += tag.IsStart ? 1 : -1;
                if (skipDepth == 0) skipping = null;
                continue;
            }
            text.Append(WebUtility.HtmlDecode(before.ToString()));
            if (tag.IsStart)
            {
                if (tag.Name is "script" or "style")
                {
                    scanner.SkipRawText(tag.Name);
                    continue;
                }
                var isVoid = VoidElements.Contains(tag.Name) || tag.IsSelfClosing;
                if (!isVoid && (tag.Name is "template" or "noscript" || HasAttribute(tag.Attributes, "data-search-ignore")))
                {
                    skipping = tag.Name;
                    skipDepth = 1;
                    continue;
                }
                if (tag.Name == body && !isVoid) depth++;
                if (BlockElements.Contains(tag.Name)) text.Append('\n');
                if (tag.Name == "h1" && heading is null) headingStart = text.Length;
            }
            else
            {
                if (tag.Name == body) depth--;
                if (tag.Name == "h1" && headingStart >= 0)
                {
                    heading = Lines(text.ToString(headingStart, text.Length - headingStart)).Replace('\n', ' ');
                    headingStart = -1;
                }
                if (BlockElements.Contains(tag.Name)) text.Append('\n');
            }
        }
        return (heading is { Length: > 0 } ? heading : TitleElement(html), Lines(text.ToString()));
    }

    /// <summary>Every line's whitespace runs folded into one space, empty lines dropped.</summary>
    public static string Lines(string text) =>
        string.Join("\n", text.Split('\n').Select(SearchText.Fold).Where(l => l.Length > 0));

    private static string TitleElement(string html)
    {
        var start = html.IndexOf("<title>", StringComparison.OrdinalIgnoreCase);
        if (start < 0) return "";
        start += "<title>".Length;
        var end = html.IndexOf("</title", start, StringComparison.OrdinalIgnoreCase);
        return end < 0 ? "" : SearchText.Fold(WebUtility.HtmlDecode(html[start..end]));
    }

    /// <summary>Whether an attribute list (the text of a start tag after its name) names <paramref name="name"/>; quoted values are skipped.</summary>
    public static bool HasAttribute(ReadOnlySpan<char> attributes, string name)
    {
        var i = 0;
        while (i < attributes.Length)
        {
            while (i < attributes.Length && (char.IsWhiteSpace(attributes[i]) || attributes[i] == '/')) i++;
            var start = i;
            while (i < attributes.Length && !char.IsWhiteSpace(attributes[i]) && attributes[i] is not '=' and not '/') i++;
            if (attributes[start..i].Equals(name, StringComparison.OrdinalIgnoreCase)) return true;
            while (i < attributes.Length && char.IsWhiteSpace(attributes[i])) i++;
            if (i >= attributes.Length || attributes[i] != '=') continue;
            i++;
            while (i < attributes.Length && char.IsWhiteSpace(attributes[i])) i++;
            if (i < attributes.Length && attributes[i] is '"' or '\'')
            {
                var quote = attributes[i];
                var close = attributes[(i + 1)..].IndexOf(quote);
                i = close < 0 ? attributes.Length : i + close + 2;
            }
            else
            {
                while (i < attributes.Length && !char.IsWhiteSpace(attributes[i])) i++;
            }
        }
        return false;
    }

    private readonly ref struct Tag(bool isStart, string name, ReadOnlySpan<char> attributes, bool isSelfClosing)
    {
        public bool IsStart { get; } = isStart;
        public string Name { get; } = name;
        public ReadOnlySpan<char> Attributes { get; } = attributes;
        public bool IsSelfClosing { get; } = isSelfClosing;
    }

    /// <summary>Start and end tags in order, with the text before each; comments and doctypes are passed over.</summary>
    private ref struct Scanner(string html)
    {
        private int _at;

        public bool Next(out Tag tag, out ReadOnlySpan<char> before)
        {
            var textStart = _at;
            while (true)
            {
                var open = html.IndexOf('<', _at);
                if (open < 0 || open + 1 >= html.Length)
                {
                    tag = default;
                    before = html.AsSpan(textStart);
                    _at = html.Length;
                    return false;
                }
                var c = html[open + 1];
                if (c == '!' || c == '?')
                {
                    // A comment, doctype or CDATA section: text before it still counts.
                    var end = html.AsSpan(open).StartsWith("<!--") ? html.IndexOf("-->", open + 4, StringComparison.Ordinal) : html.IndexOf('>', open);
                    _at = end < 0 ? html.Length : end + (html[end] == '-' ? 3 : 1);
                    if (open > textStart) { tag = new Tag(true, "#comment", default, true); before = html.AsSpan(textStart, open - textStart); return true; }
                    textStart = _at;
                    continue;
                }
                var isEnd = c == '/';
                var nameStart = open + (isEnd ? 2 : 1);
                if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
                {
                    _at = open + 1; // a '<' that starts no tag is text
                    continue;
                }
                var nameEnd = nameStart;
                while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-')) nameEnd++;
                var close = TagEnd(nameEnd);
                var attributes = html.AsSpan(nameEnd, Math.Max(0, close - nameEnd));
                var selfClosing = attributes.TrimEnd().EndsWith("/");
                tag = new Tag(!isEnd, html[nameStart..nameEnd].ToLowerInvariant(), attributes, selfClosing);
                before = html.AsSpan(textStart, open - textStart);
                _at = Math.Min(html.Length, close + 1);
                return true;
            }
        }

        /// <summary>Moves past the end tag of a script or style element, whose content is not markup.</summary>
        public void SkipRawText(string name)
        {
            var end = html.IndexOf("</" + name, _at, StringComparison.OrdinalIgnoreCase);
            _at = end < 0 ? html.Length : Math.Min(html.Length, TagEnd(end) + 1);
        }

        // The '>' that ends a tag, outside quoted attribute values.
        private readonly int TagEnd(int from)
        {
            char quote = '\0';
            for (var i = from; i < html.Length; i++)
            {
                var ch = html[i];
                if (quote != '\0') { if (ch == quote) quote = '\0'; }
                else if (ch is '"' or '\'') quote = ch;
                else if (ch == '>') return i;
            }
            return html.Length;
        }
    }
}
