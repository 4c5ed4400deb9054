using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PlanAtlas.Serve;

/// <summary>
/// Kestrel (from the ASP.NET Core shared framework) on 127.0.0.1 only, serving a <see cref="StaticSite"/>; with a
/// <see cref="LiveReload"/> it also serves the reload script and the event stream under /__planatlas/.
/// Port 0 picks a free port (tests); <see cref="Address"/> tells which.
/// </summary>
public sealed class SiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LiveReload? _reload;

    private SiteServer(WebApplication app, LiveReload? reload, Uri address)
    {
        _app = app;
        _reload = reload;
        Address = address;
    }

    /// <summary>The server's root, e.g. http://127.0.0.1:8080/ (the site itself is under its base path).</summary>
    public Uri Address { get; }

    public static async Task<SiteServer> StartAsync(StaticSite site, int port, LiveReload? reload = null, CancellationToken cancellation = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        if (reload is not null)
        {
            var script = ReloadScript.Bytes;
            app.MapGet(LiveReload.ScriptPath, async context =>
            {
                context.Response.ContentType = "text/javascript; charset=utf-8";
                context.Response.Headers.CacheControl = "no-store";
                await context.Response.Body.WriteAsync(script, context.RequestAborted);
            });
            app.MapGet(LiveReload.EventsPath, reload.StreamAsync);
        }
        // Fallback: the /__planatlas/ routes above win, everything else is the site.
        app.MapFallback("{**path}", site.HandleAsync);
        await app.StartAsync(cancellation);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SiteServer(app, reload, new Uri(bound.EndsWith('/') ? bound : bound + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        _reload?.Close();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The live-reload client, embedded in the tool (never part of a theme or a built site).</summary>
public static class ReloadScript
{
    public static readonly byte[] Bytes = Load();

    /// <summary>Adds the client to an HTML page, just before &lt;/body&gt; (or at the end when there is none).</summary>
    public static string Inject(string html)
    {
        const string tag = "<script src=\"" + LiveReload.ScriptPath + "\" defer></script>\n";
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return end < 0 ? html + tag : html.Insert(end, tag);
    }

    private static byte[] Load()
    {
        using var stream = typeof(ReloadScript).Assembly.GetManifestResourceStream("PlanAtlas.Serve.reload.js")
            ?? throw new InvalidOperationException("the live-reload script is missing from the build");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
