using System.Net;
using System.Net.Http.Headers;
using Polly;
using Polly.Retry;

namespace PlanAtlas.Fetch;

/// <summary>One answer, its body read whole.</summary>
internal sealed record Download(Uri Url, HttpStatusCode Status, byte[] Body, string? MediaType, string? Charset,
    string? ETag, string? LastModified, Uri? Location, TimeSpan? RetryAfter)
{
    public bool NotModified => Status == HttpStatusCode.NotModified;
}

/// <summary>The validators of a file fetched before: sent back so an unchanged file is answered 304 and not sent again.</summary>
internal sealed record Validators(string? ETag, string? LastModified);

/// <summary>Why a URL could not be fetched, in words for the researcher.</summary>
public sealed class FetchFailure(string message) : Exception(message);

/// <summary>
/// HTTP as a polite crawler does it: robots.txt read once per host and obeyed, requests to a host spaced by
/// <see cref="HostPacer"/>, a User-Agent naming the tool, a time limit on every request, retries with exponential
/// backoff (Polly) on 5xx, 429, 408 and broken connections, redirects followed by hand so that each hop is checked
/// against its own host's robots.txt, and conditional requests.
/// </summary>
internal sealed class PoliteClient : IDisposable
{
    private const int MaxRedirects = 5;
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(2);
    private const long MaxRobotsBytes = 512 * 1024;

    private readonly HttpClient _http;
    private readonly FetchOptions _options;
    private readonly HostPacer _pacer;
    private readonly ResiliencePipeline<Download> _retry;
    private readonly Dictionary<string, RobotsRules> _robots = new(StringComparer.OrdinalIgnoreCase);

    public PoliteClient(FetchOptions options, TimeProvider clock, HttpMessageHandler? handler = null)
    {
        _options = options;
        _pacer = new HostPacer(clock, options.PerHostInterval);
        _http = new HttpClient(handler ?? new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = options.Timeout,
            UseCookies = false,
        }) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        var builder = new ResiliencePipelineBuilder<Download> { TimeProvider = clock };
        if (options.Retries > 0)
            builder.AddRetry(new RetryStrategyOptions<Download>
            {
                // A timeout (TimeoutException) is not repeated: a server that slow is asked once, not hammered.
                ShouldHandle = new PredicateBuilder<Download>().Handle<HttpRequestException>().Handle<IOException>()
                    .HandleResult(d => (int)d.Status >= 500 || d.Status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout),
                MaxRetryAttempts = options.Retries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter is { } after && after <= MaxRetryAfter ? after : (TimeSpan?)null),
            });
        _retry = builder.Build();
    }

    /// <summary>The URL's answer after redirects: 200 (or 304 when <paramref name="validators"/> match); anything else is a <see cref="FetchFailure"/>.</summary>
    public async Task<Download> GetAsync(Uri url, Validators? validators, CancellationToken cancellation)
    {
        for (var hop = 0; ; hop++)
        {
            var robots = await RobotsFor(url, cancellation);
            if (robots.Refusal is { } refusal) throw new FetchFailure(refusal);
            if (!robots.Allows(url.PathAndQuery)) throw new FetchFailure($"robots.txt of {url.Authority} does not allow {url.AbsolutePath}");
            var answer = await SendAsync(url, validators, cancellation);
            if (!IsRedirect(answer)) return Checked(answer, validators);
            if (hop == MaxRedirects) throw new FetchFailure($"more than {MaxRedirects} redirects");
            url = Next(url, answer.Location!);
        }
    }

    private static bool IsRedirect(Download d) => d.Location is not null && (int)d.Status is 301 or 302 or 303 or 307 or 308;

    private static Uri Next(Uri from, Uri location)
    {
        var next = location.IsAbsoluteUri ? location : new Uri(from, location);
        if (next.Scheme is not ("http" or "https")) throw new FetchFailure($"redirected to {next.Scheme}:, which is not a web address");
        return next;
    }

    private static Download Checked(Download d, Validators? validators)
    {
        if ((int)d.Status is >= 200 and < 300) return d;
        if (d.NotModified && validators is not null) return d;
        var retried = (int)d.Status >= 500 || d.Status == HttpStatusCode.TooManyRequests ? " (after retries)" : "";
        throw new FetchFailure($"HTTP {(int)d.Status} {Reason(d.Status)}{retried}");
    }

    private static string Reason(HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotFound => "Not Found",
        HttpStatusCode.Gone => "Gone",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.InternalServerError => "Internal Server Error",
        HttpStatusCode.BadGateway => "Bad Gateway",
        HttpStatusCode.ServiceUnavailable => "Service Unavailable",
        HttpStatusCode.GatewayTimeout => "Gateway Timeout",
        HttpStatusCode.TooManyRequests => "Too Many Requests",
        _ => status.ToString(),
    };

    /// <summary>One request with its retries; failures that are not HTTP answers become <see cref="FetchFailure"/>.</summary>
    private async Task<Download> SendAsync(Uri url, Validators? validators, CancellationToken cancellation)
    {
        try
        {
            return await _retry.ExecuteAsync(async token => await AttemptAsync(url, validators, token), cancellation);
        }
        catch (TimeoutException)
        {
            throw new FetchFailure($"no complete answer within {_options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            throw new FetchFailure($"connection failed ({Innermost(e)})");
        }
        catch (IOException e)
        {
            throw new FetchFailure($"connection broken ({Innermost(e)})");
        }
    }

    private static string Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e.Message;
    }

    private async Task<Download> AttemptAsync(Uri url, Validators? validators, CancellationToken cancellation)
    {
        await _pacer.WaitTurnAsync(url, cancellation);
        // The time limit is wall time, not the pacing clock: it guards against a server that never finishes.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(_options.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.UserAgent.ParseAdd(_options.UserAgent);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");
        if (validators?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag)) request.Headers.IfNoneMatch.Add(tag);
        if (validators?.LastModified is { } modified && DateTimeOffset.TryParse(modified, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var since))
            request.Headers.IfModifiedSince = since;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            var body = (int)response.StatusCode is >= 200 and < 300 ? await ReadBody(response, _options.MaxBytes, limit.Token) : [];
            var content = response.Content.Headers;
            return new Download(url, response.StatusCode, body, content.ContentType?.MediaType, content.ContentType?.CharSet?.Trim('"'),
                response.Headers.ETag?.ToString(), content.LastModified?.ToString("R"), response.Headers.Location,
                response.Headers.RetryAfter?.Delta ?? (response.Headers.RetryAfter?.Date - DateTimeOffset.UtcNow));
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new TimeoutException();
        }
    }

    private static async Task<byte[]> ReadBody(HttpResponseMessage response, long maxBytes, CancellationToken cancellation)
    {
        string TooBig() => $"larger than {maxBytes / (1024 * 1024)} MB, the most a plan file may be";
        if (response.Content.Headers.ContentLength > maxBytes) throw new FetchFailure(TooBig());
        await using var stream = await response.Content.ReadAsStreamAsync(cancellation);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(chunk, cancellation)) > 0)
        {
            if (buffer.Length + n > maxBytes) throw new FetchFailure(TooBig());
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    /// <summary>The host's robots.txt, read on the first request to it: 4xx means no rules, 5xx or no answer refuses the host.</summary>
    private async Task<RobotsRules> RobotsFor(Uri url, CancellationToken cancellation)
    {
        if (_robots.TryGetValue(url.GetLeftPart(UriPartial.Authority), out var known)) return known;
        var robotsUrl = new Uri(url, "/robots.txt");
        RobotsRules rules;
        try
        {
            var answer = await SendAsync(robotsUrl, null, cancellation);
            for (var hop = 0; IsRedirect(answer) && hop < MaxRedirects; hop++)
                answer = await SendAsync(Next(answer.Url, answer.Location!), null, cancellation);
            rules = (int)answer.Status switch
            {
                >= 200 and < 300 => RobotsRules.Parse(System.Text.Encoding.UTF8.GetString(answer.Body, 0, (int)Math.Min(answer.Body.Length, MaxRobotsBytes)), FetchOptions.ProductToken),
                // 4xx, or redirects past the limit: no robots.txt, so no rules (RFC 9309, 2.3.1).
                >= 300 and < 500 => RobotsRules.AllowAll,
                _ => RobotsRules.Unreachable($"robots.txt of {url.Authority} answered HTTP {(int)answer.Status}; the site is not read (RFC 9309)"),
            };
        }
        catch (FetchFailure e)
        {
            rules = RobotsRules.Unreachable($"robots.txt of {url.Authority} could not be read ({e.Message}); the site is not read (RFC 9309)");
        }
        if (rules.CrawlDelay is { } delay) _pacer.SlowDown(url, delay);
        _robots[url.GetLeftPart(UriPartial.Authority)] = rules;
        return rules;
    }

    public void Dispose() => _http.Dispose();
}
