using System.Globalization;
using PlanAtlas.Model;

namespace PlanAtlas.Fetch;

/// <summary>
/// Names for fetched files: a slug of the page's title (Chinese kept, as in the site's URLs), else of its address,
/// and the page's name with the attachment's after it, so a page and its files sort together. A name already taken
/// on disk, in the manifest or by another URL gets -2, -3 ...
/// </summary>
internal sealed class FileNames(Func<string, bool> taken)
{
    private const int MaxStemLength = 60;

    private static readonly HashSet<string> DeviceNames = new(StringComparer.OrdinalIgnoreCase)
        { "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9" };

    private readonly HashSet<string> _claimed = new(StringComparer.OrdinalIgnoreCase);

    public static string PageStem(string? title, Uri url) => title is not null ? Stem(title) : UrlStem(url);

    public string ForPage(string stem) => Claim(stem, ".html");

    public string ForAttachment(string pageStem, AttachmentLink link)
    {
        var own = Path.GetFileNameWithoutExtension(link.Text.EndsWith(link.Extension, StringComparison.OrdinalIgnoreCase) ? link.Text : link.Text + link.Extension);
        if (own.Length == 0 || Slugs.ForPath(own) == "page") own = Path.GetFileNameWithoutExtension(Uri.UnescapeDataString(link.Url.AbsolutePath));
        return Claim(pageStem + "--" + Stem(own), link.Extension);
    }

    /// <summary>A plan file listed by its own address (a PDF URL).</summary>
    public string ForFile(Uri url, string extension) => Claim(UrlStem(url), extension);

    private static string UrlStem(Uri url) =>
        Stem(url.Host + "-" + Path.ChangeExtension(Uri.UnescapeDataString(url.AbsolutePath), null) + (url.Query.Length > 1 ? "-" + url.Query[1..] : ""));

    private static string Stem(string text, int max = MaxStemLength)
    {
        var slug = Slugs.ForPath(text);
        var cut = new StringInfo(slug);
        if (cut.LengthInTextElements > max) slug = cut.SubstringByTextElements(0, max).TrimEnd('-');
        return DeviceNames.Contains(slug) ? slug + "-file" : slug;
    }

    private string Claim(string stem, string extension)
    {
        for (var n = 1; ; n++)
        {
            var name = (n == 1 ? stem : $"{stem}-{n.ToString(CultureInfo.InvariantCulture)}") + extension;
            if (!_claimed.Contains(name) && !taken(name))
            {
                _claimed.Add(name);
                return name;
            }
        }
    }
}
