using System.Reflection;

namespace PlanAtlas.Fetch;

/// <summary>How <c>fetch</c> behaves towards the sites it reads and the input folder it writes.</summary>
/// <param name="InputDirectory">The input folder: files go to its plans/, rows to its plans.csv, the state to .fetch-state.json.</param>
/// <param name="Force">Replace files the user has edited since they were fetched.</param>
public sealed record FetchOptions(string InputDirectory, bool Force = false)
{
    /// <summary>The least time between two requests to one host (robots.txt may ask for more with Crawl-delay).</summary>
    public TimeSpan PerHostInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one request may take, answer and body included; a request past it fails and is not repeated.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a 5xx answer, a 429/408 or a broken connection, with exponential backoff from <see cref="RetryDelay"/>.</summary>
    public int Retries { get; init; } = 3;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A URL or e-mail address added to the User-Agent, so that a site's operators can reach whoever runs the tool.</summary>
    public string? Contact { get; init; }

    /// <summary>The largest file downloaded: the largest plan the build reads.</summary>
    public long MaxBytes { get; init; } = Read.InputReader.DefaultMaxFileBytes;

    /// <summary>Attachments followed per page; a page linking more is a listing, not a plan.</summary>
    public int MaxAttachments { get; init; } = 20;

    /// <summary>The robots.txt product token, also the start of the User-Agent.</summary>
    public const string ProductToken = "PlanAtlas";

    public string UserAgent
    {
        get
        {
            var version = typeof(FetchOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0";
            var contact = string.IsNullOrWhiteSpace(Contact) ? "" : "; +" + Contact.Trim();
            return $"{ProductToken}/{version} (work-safety plan corpus for research; honours robots.txt{contact})";
        }
    }
}
