using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace PlanAtlas.Serve;

/// <summary>
/// Serves a built site folder under its base path, as a static host would: "/planatlas/plans/x/" is
/// plans/x/index.html, a folder without its slash is redirected, a missing file gets 404.html with status 404.
/// Paths are resolved on every request (not cached), because a rebuild swaps in a new output folder.
/// HTML passes through <see cref="TransformHtml"/> (serve mode injects its reload script there).
/// </summary>
public sealed class StaticSite(string root, Func<string> basePath)
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));

    public Func<string, string>? TransformHtml { get; init; }

    /// <summary>What to show while no site has been built yet (the first build failed).</summary>
    public Func<string>? NothingBuiltHtml { get; init; }

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        var prefix = basePath();
        var path = request.Path.Value ?? "/";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            if (path == "/" || path + "/" == prefix) { response.Redirect(prefix); return; }
            await NotFoundAsync(context, prefix);
            return;
        }
        // A rebuild swaps output/ with two renames; a request that falls between them waits for the second.
        for (var wait = 0; wait < 10 && !Directory.Exists(_root); wait++) await Task.Delay(20, context.RequestAborted);
        if (!Directory.Exists(_root))
        {
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await WriteHtmlAsync(context, NothingBuiltHtml?.Invoke() ?? "<!DOCTYPE html><title>PlanAtlas</title><body></body>");
            return;
        }
        var file = Resolve(path[prefix.Length..]);
        if (file is null) { await NotFoundAsync(context, prefix); return; }
        if (Directory.Exists(file))
        {
            if (!path.EndsWith('/')) { response.Redirect(request.PathBase + path + "/" + request.QueryString); return; }
            file = Path.Combine(file, "index.html");
        }
        if (!File.Exists(file)) { await NotFoundAsync(context, prefix); return; }
        await SendFileAsync(context, file);
    }

    /// <summary>The file a site-relative path names, or null when it would leave the site folder.</summary>
    private string? Resolve(string relative)
    {
        if (relative.Contains('\0')) return null;
        var full = Path.GetFullPath(Path.Combine(_root, relative.TrimStart('/')));
        return full == _root || full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    private async Task NotFoundAsync(HttpContext context, string prefix)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        var page = Path.Combine(_root, "404.html");
        if (File.Exists(page)) await SendFileAsync(context, page);
        else await WriteHtmlAsync(context, $"<!DOCTYPE html><title>404</title><body><p>404 — <a href=\"{System.Net.WebUtility.HtmlEncode(prefix)}\">{System.Net.WebUtility.HtmlEncode(prefix)}</a></p></body>");
    }

    private async Task SendFileAsync(HttpContext context, string file)
    {
        if (!ContentTypes.TryGetContentType(file, out var type)) type = "application/octet-stream";
        if (Path.GetFileName(file) == "feed.xml") type = "application/atom+xml";
        if (type == "text/html")
        {
            string html;
            try { html = await File.ReadAllTextAsync(file, context.RequestAborted); }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { await NotFoundAsync(context, basePath()); return; }
            await WriteHtmlAsync(context, html);
            return;
        }
        if (type.StartsWith("text/", StringComparison.Ordinal) || type is "application/javascript" or "application/json" or "image/svg+xml" or "application/xml" or "text/xml" or "application/atom+xml")
            type += "; charset=utf-8";
        context.Response.ContentType = type;
        byte[] bytes;
        // Read whole: a rebuild may swap the folder away mid-response, and these files are small.
        try { bytes = await File.ReadAllBytesAsync(file, context.RequestAborted); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { await NotFoundAsync(context, basePath()); return; }
        context.Response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(context.Request.Method)) await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private async Task WriteHtmlAsync(HttpContext context, string html)
    {
        if (TransformHtml is { } transform) html = transform(html);
        context.Response.ContentType = "text/html; charset=utf-8";
        var bytes = System.Text.Encoding.UTF8.GetBytes(html);
        context.Response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(context.Request.Method)) await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }
}
