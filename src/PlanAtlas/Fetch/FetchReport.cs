namespace PlanAtlas.Fetch;

public enum UrlStatus
{
    /// <summary>Downloaded; at least one file was written.</summary>
    Fetched,
    /// <summary>Nothing changed since the last run (304, or the same bytes).</summary>
    Unchanged,
    /// <summary>The URL or one of its attachments could not be fetched: see <see cref="UrlOutcome.Problems"/>.</summary>
    Failed,
}

/// <summary>What became of one listed URL.</summary>
/// <param name="Written">Files written, relative to the input folder (plans/x.html).</param>
/// <param name="Kept">Files the user edited since they were fetched, kept as they are although the download differs.</param>
/// <param name="Problems">Why the URL or an attachment failed, one sentence each.</param>
public sealed record UrlOutcome(string Url, UrlStatus Status, IReadOnlyList<string> Written, IReadOnlyList<string> Kept, IReadOnlyList<string> Problems);

/// <param name="Notes">Things worth knowing that failed nothing (a fetch state that could not be read).</param>
public sealed record FetchReport(IReadOnlyList<UrlOutcome> Urls, IReadOnlyList<string> Notes)
{
    public bool AnyFailed => Urls.Any(u => u.Status == UrlStatus.Failed);
}

/// <summary>How fetch reports its progress; the command line shows a progress bar, tests ignore it.</summary>
public interface IFetchProgress
{
    void Started(int urls);
    void UrlStarted(string url);
    void UrlFinished(UrlOutcome outcome);

    public static readonly IFetchProgress None = new Silent();

    private sealed class Silent : IFetchProgress
    {
        public void Started(int urls) { }
        public void UrlStarted(string url) { }
        public void UrlFinished(UrlOutcome outcome) { }
    }
}
