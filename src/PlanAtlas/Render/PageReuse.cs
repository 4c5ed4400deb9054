namespace PlanAtlas.Render;

/// <summary>
/// Lets an incremental build keep a page of the previous site instead of rendering it again. A page is reused only
/// when its fingerprint — everything its rendering depends on: templates, site settings, the page and its model —
/// equals the fingerprint the previous build recorded for the same path, so a reused page is byte for byte the page
/// a full build would write.
/// </summary>
/// <remarks>
/// A page may have companion files written with it (a compare page's chart data): they are kept or written together
/// with the page, so a kept page never points at a file this build did not write.
/// </remarks>
public interface IPageReuse
{
    /// <summary>
    /// Puts the previous build's file for <paramref name="sitePath"/> at <paramref name="target"/>, and its companion
    /// files where <paramref name="targetOf"/> says (site path → full path), when its fingerprint matches.
    /// </summary>
    bool TryReuse(string sitePath, string fingerprint, string target, Func<string, string> targetOf);

    /// <summary>Remembers the fingerprint of a page this build rendered, and its companion files (site path → full path), for the next build.</summary>
    void Rendered(string sitePath, string fingerprint, string target, IReadOnlyList<(string SitePath, string Target)> companions);
}
