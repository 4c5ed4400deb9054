using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace PlanAtlas.Tests.Site;

/// <summary>A built site served by Kestrel on 127.0.0.1 (a free port) under its base path, as a static host would.</summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StaticSiteServer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The site's address, base path included, e.g. http://127.0.0.1:41234/planatlas/.</summary>
    public string Url { get; }

    public static async Task<StaticSiteServer> StartAsync(string siteFolder, string basePath)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = siteFolder });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var files = new PhysicalFileProvider(Path.GetFullPath(siteFolder));
        var requestPath = "/" + basePath.Trim('/');
        if (requestPath == "/") requestPath = "";
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = requestPath });
        // The search index's files (.bin) have no registered type: serve them as bytes, as static hosts do.
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files, RequestPath = requestPath, ServeUnknownFileTypes = true, DefaultContentType = "application/octet-stream",
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
        });
        await app.StartAsync();
        var address = app.Urls.Single();
        return new StaticSiteServer(app, address.TrimEnd('/') + requestPath + "/");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
