using System.Text;
using System.Xml;

namespace PlanAtlas.Render.Publish;

/// <summary>
/// sitemap.xml by the sitemaps.org 0.9 protocol: absolute, percent-encoded URLs of one host, at most 50,000.
/// No lastmod: the build has no trustworthy modification time, and a build timestamp would break determinism.
/// </summary>
public static class SitemapWriter
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const int MaxUrls = 50_000;

    public static byte[] Write(IEnumerable<string> absoluteUrls)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, XmlSettings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", Namespace);
            foreach (var url in absoluteUrls)
            {
                xml.WriteStartElement("url", Namespace);
                xml.WriteElementString("loc", Namespace, url);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return stream.ToArray();
    }

    /// <summary>The page a written HTML file is published as: "plans/x/index.html" → "plans/x/", "404.html" stays.</summary>
    public static string SitePathOf(string relativeFile)
    {
        var path = relativeFile.Replace('\\', '/');
        if (path == "index.html") return "";
        return path.EndsWith("/index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path;
    }

    internal static readonly XmlWriterSettings XmlSettings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };
}
