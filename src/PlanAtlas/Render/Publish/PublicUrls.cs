using PlanAtlas.Model;

namespace PlanAtlas.Render.Publish;

/// <summary>
/// Absolute URLs of the published site, for the things that need them (sitemap, canonical links, Open Graph,
/// robots.txt). They exist only when site.yml gives <c>base_url</c>: a static build cannot know its own host,
/// and a guessed one would send search engines and readers to the wrong place.
/// </summary>
public sealed class PublicUrls
{
    private PublicUrls(Uri? origin, SiteUrls site, string? problem)
    {
        Origin = origin;
        Site = site;
        Problem = problem;
    }

    /// <summary>Scheme, host, port and any path of base_url, without a trailing slash; null when unknown.</summary>
    public Uri? Origin { get; }
    public SiteUrls Site { get; }
    /// <summary>Why base_url was ignored, when it was given but is not an http(s) URL.</summary>
    public string? Problem { get; }
    public bool IsKnown => Origin is not null;

    /// <summary>"https://example.org" for the template: no trailing slash, so base path + page path follow it.</summary>
    public string? BaseUrl => Origin?.AbsoluteUri.TrimEnd('/');

    public static PublicUrls From(SiteSettings settings)
    {
        var site = new SiteUrls(settings.BasePath);
        if (string.IsNullOrWhiteSpace(settings.BaseUrl)) return new PublicUrls(null, site, null);
        var raw = settings.BaseUrl.Trim();
        if (!Uri.TryCreate(raw, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            return new PublicUrls(null, site, $"base_url '{raw}' is not an http(s) address like https://example.org; canonical links, Open Graph URLs and the sitemap are left out");
        return new PublicUrls(uri, site, null);
    }

    /// <summary>"plans/420700-2018/" → "https://example.org/planatlas/plans/420700-2018/", percent-encoded; null when the host is unknown.</summary>
    public string? Absolute(string sitePath) =>
        Origin is null ? null : new Uri(BaseUrl + Site.Url(sitePath)).AbsoluteUri;

    /// <summary>The absolute URL when known, else the path under the base path (a relative reference readers resolve against the feed's own URL).</summary>
    public string Link(string sitePath) => Absolute(sitePath) ?? Site.Url(sitePath);

    public Diagnostic? Diagnostic => Problem is null ? null : new Diagnostic(Severity.Warning, "PA710", Read.InputReader.SettingsFile, null, Problem);
}
