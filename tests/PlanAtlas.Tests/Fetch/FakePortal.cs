using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PlanAtlas.Read;

namespace PlanAtlas.Tests.Fetch;

/// <summary>
/// A government portal on 127.0.0.1 (Kestrel, port 0) serving the pages of tests/fixtures/fetch, written in our own
/// words in the templates portals use, as GBK like many of them; and the awkward cases: a redirect, a 404, a 500
/// then a 200, a reset connection then a 200, an answer slower than any timeout, a robots.txt that disallows
/// /private/, a PDF attachment. Every answer carries an ETag and honours If-None-Match, so a second run gets 304s.
/// </summary>
public sealed class FakePortal : IAsyncDisposable
{
    public const string Robots = "User-agent: *\nDisallow: /private/\n\nUser-agent: OtherBot\nDisallow: /\n";

    private static readonly Encoding Gbk = GbkEncoding();

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (byte[] Body, string Type)> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Hit> _hits = new();
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new(StringComparer.Ordinal);

    /// <summary>One request as the portal saw it; <see cref="At"/> is the test clock's time, when one is set.</summary>
    public sealed record Hit(string Path, int Status, string? UserAgent, bool Conditional, DateTimeOffset? At);

    public Uri Root { get; private set; } = null!;

    /// <summary>The clock the fetcher runs on, read at every request.</summary>
    public TimeProvider? Clock { get; set; }

    public IReadOnlyList<Hit> Hits => [.. _hits];

    private FakePortal(WebApplication app) => _app = app;

    public static async Task<FakePortal> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var portal = new FakePortal(app);
        app.Run(portal.HandleAsync);
        await app.StartAsync();
        portal.Root = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        portal.Reset();
        return portal;
    }

    public Uri this[string path] => new(Root, path);

    /// <summary>Back to the pages as first published, no hits counted, the failing routes failing again.</summary>
    public void Reset()
    {
        _hits.Clear();
        _files.Clear();
        ServeText("/robots.txt", Robots, "text/plain");
        ServePage("/art/2024/trs-xxgk.html", "trs-xxgk.html");
        ServePage("/art/2023/wrapper.html", "wrapper.html");
        ServePage("/art/lines.html", "lines.html");
        ServePage("/art/bulleted.html", "bulleted.html", metaCharset: false);
        ServePage("/flaky.html", "lines.html");
        ServePage("/reset.html", "lines.html");
        ServePage("/private/secret.html", "lines.html");
        ServePage("/art/broken-link.html", "broken-link.html");
        Serve("/files/yichun-plan.pdf", File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures, "read", "forms", "yichun-2023.pdf")), "application/pdf");
        // A legacy Office header and a few bytes: a task table the build does not read.
        Serve("/files/tasks.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 1, 2, 3, 4], "application/vnd.ms-excel");
        Serve("/files/gone.pdf", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><p>页面不存在</p></body></html>"), "text/html; charset=utf-8");
        _failuresLeft["/flaky.html"] = 1;
        _failuresLeft["/reset.html"] = 1;
    }

    /// <summary>A fixture page, served as GBK; with <paramref name="metaCharset"/> off, only the Content-Type names the encoding.</summary>
    public void ServePage(string path, string fixture, bool metaCharset = true)
    {
        var html = File.ReadAllText(Path.Combine(RepoPaths.Fixtures, "fetch", fixture));
        if (!metaCharset) html = html.Replace("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">", "");
        Serve(path, Gbk.GetBytes(html), "text/html; charset=gbk");
    }

    public void ServeText(string path, string text, string type) => Serve(path, Encoding.UTF8.GetBytes(text), type + "; charset=utf-8");

    public void Serve(string path, byte[] body, string type) => _files[path] = (body, type);

    public static byte[] GbkBytes(string text) => Gbk.GetBytes(text);

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var status = await AnswerAsync(context, path);
        _hits.Enqueue(new Hit(path, status, context.Request.Headers.UserAgent.ToString(),
            context.Request.Headers.IfNoneMatch.Count > 0, Clock?.GetUtcNow()));
    }

    private async Task<int> AnswerAsync(HttpContext context, string path)
    {
        var response = context.Response;
        switch (path)
        {
            case "/old/lines.html":
                response.StatusCode = 301;
                response.Headers.Location = "/art/lines.html";
                return 301;
            case "/slow.html":
                try { await Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted); }
                catch (OperationCanceledException) { }
                return 0;
            case "/down.html":
                response.StatusCode = 503;
                return 503;
            case "/flaky.html" when _failuresLeft.AddOrUpdate(path, 0, (_, n) => n - 1) >= 0:
                response.StatusCode = 500;
                return 500;
            case "/reset.html" when _failuresLeft.AddOrUpdate(path, 0, (_, n) => n - 1) >= 0:
                context.Abort();
                return -1;
        }
        if (!_files.TryGetValue(path, out var file))
        {
            response.StatusCode = 404;
            return 404;
        }
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(file.Body))[..16] + "\"";
        response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch.Contains(etag))
        {
            response.StatusCode = 304;
            return 304;
        }
        response.ContentType = file.Type;
        await response.Body.WriteAsync(file.Body, context.RequestAborted);
        return 200;
    }

    private static Encoding GbkEncoding()
    {
        TextDecoding.EnsureCodePages();
        return Encoding.GetEncoding("GBK");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
