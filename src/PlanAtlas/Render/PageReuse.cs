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
    /// Whether the previous output's file for <paramref name="sitePath"/>, and the companion files recorded with it,
    /// are still there and are the page this fingerprint describes; they then stay where they are
    /// (<see cref="OutputFolder.Kept"/>). <paramref name="companions"/> are the companions' site paths.
    /// </summary>
    bool TryReuse(string sitePath, string fingerprint, out IReadOnlyCollection<string> companions);

    /// <summary>Remembers the fingerprint and length of a page (or file) this build wrote, and its companion files', for the next build.</summary>
    void Rendered(string sitePath, string fingerprint, long length, IReadOnlyList<(string SitePath, long Length)> companions);

    /// <summary>
    /// The parts the previous build recorded for a file it wrote in parts (<see cref="OutputFolder.WriteTextParts"/>),
    /// in order, when that file is still in the previous output at its recorded length; empty otherwise.
    /// </summary>
    IReadOnlyList<FilePart> PreviousParts(string sitePath) => [];

    /// <summary>Remembers a file written in parts: its fingerprint (of all the parts' keys) and each part's key and length.</summary>
    void RenderedParts(string sitePath, string fingerprint, IReadOnlyList<FilePart> parts) =>
        Rendered(sitePath, fingerprint, parts.Sum(p => p.Length), []);
}

/// <summary>
/// A run of bytes of a file written in parts: its key (a digest of everything its bytes are made from; empty when it
/// had none and can never be copied) and its length.
/// </summary>
public sealed record FilePart(string Key, long Length);
