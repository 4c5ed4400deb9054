using AngleSharp.Html.Parser;

namespace PlanAtlas.Tests.Site;

/// <summary>
/// Checks every internal link, script, stylesheet and image of a built site: the target file exists under
/// the site's base path and, for links with a #fragment, the target page has an element with that id.
/// </summary>
public static class LinkChecker
{
    public static IReadOnlyList<string> BrokenLinks(string siteRoot, string basePath)
    {
        var parser = new HtmlParser();
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string> IdsOf(string file)
        {
            if (!ids.TryGetValue(file, out var set))
                ids[file] = set = parser.ParseDocument(File.ReadAllText(file)).QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
            return set;
        }

        var broken = new List<string>();
        foreach (var file in Directory.EnumerateFiles(siteRoot, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var page = "/" + Path.GetRelativePath(siteRoot, file).Replace('\\', '/');
            var document = parser.ParseDocument(File.ReadAllText(file));
            foreach (var element in document.QuerySelectorAll("a[href], link[href], script[src], img[src]"))
            {
                var raw = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                if (raw.StartsWith("http:") || raw.StartsWith("https:") || raw.StartsWith("mailto:") || raw.StartsWith("data:")) continue;
                var (path, fragment) = Split(raw);
                string target;
                if (path.Length == 0) target = file;
                else if (!path.StartsWith(basePath, StringComparison.Ordinal))
                {
                    broken.Add($"{page}: '{raw}' does not start with the base path {basePath}");
                    continue;
                }
                else
                {
                    var relative = Uri.UnescapeDataString(path[basePath.Length..]);
                    target = Path.Combine(siteRoot, relative);
                    if (relative.Length == 0 || relative.EndsWith('/')) target = Path.Combine(target, "index.html");
                    if (!File.Exists(target))
                    {
                        broken.Add($"{page}: '{raw}' → missing {relative}");
                        continue;
                    }
                }
                if (fragment is { Length: > 0 } && target.EndsWith(".html") && !IdsOf(target).Contains(Uri.UnescapeDataString(fragment)))
                    broken.Add($"{page}: '{raw}' → no element with id '{fragment}'");
            }
        }
        return broken;
    }

    private static (string Path, string? Fragment) Split(string url)
    {
        var hash = url.IndexOf('#');
        var path = hash < 0 ? url : url[..hash];
        var query = path.IndexOf('?');
        if (query >= 0) path = path[..query];
        return (path, hash < 0 ? null : url[(hash + 1)..]);
    }
}
