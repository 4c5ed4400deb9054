namespace PlanAtlas.Render;

/// <summary>
/// Lets an incremental build keep a page of the previous site instead of rendering it again. A page is reused only
/// when its fingerprint — everything its rendering depends on: templates, site settings, the page and its model —
/// equals the fingerprint the previous build recorded for the same path, so a reused page is byte for byte the page
/// a full build would write.
/// </summary>
public interface IPageReuse
{
    /// <summary>
    /// Whether the previous output's file for <paramref name="sitePath"/> is still there and is the page this fingerprint
    /// describes; the page then stays where it is (<see cref="OutputFolder.Kept"/>).
    /// </summary>
    bool TryReuse(string sitePath, string fingerprint);

    /// <summary>Remembers the fingerprint of a page this build rendered, for the next build.</summary>
    void Rendered(string sitePath, string fingerprint, long length);
}
