using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PlanAtlas.Serve;

/// <summary>
/// Tells open pages what the rebuild loop is doing, over server-sent events on <see cref="EventsPath"/>:
/// <c>hello</c> on connect (with the overlay's UI text), <c>building</c>, <c>reload</c> after a good build, and
/// <c>build-failed</c> with the error while the last good site stays up. A page that connects while the last build
/// failed gets <c>build-failed</c> straight away. (Not "error": EventSource fires its own error event on a lost connection.)
/// </summary>
public sealed class LiveReload
{
    public const string EventsPath = "/__planatlas/events";
    public const string ScriptPath = "/__planatlas/reload.js";
    public const string Hello = "hello", Building = "building", Reload = "reload", BuildFailed = "build-failed";

    private readonly Lock _lock = new();
    private readonly List<Channel<SseItem<string>>> _clients = [];
    private SseItem<string>? _failure;
    private string _labels = "{}";
    private bool _closed;

    /// <summary>UI text for the client's overlay, from the theme's strings (so it follows the site language).</summary>
    public void SetLabels(IReadOnlyDictionary<string, string> labels)
    {
        lock (_lock) _labels = JsonSerializer.Serialize(labels);
    }

    public void Publish(string eventType, object data)
    {
        var item = new SseItem<string>(JsonSerializer.Serialize(data), eventType);
        lock (_lock)
        {
            if (eventType == BuildFailed) _failure = item;
            else if (eventType == Reload) _failure = null;
            foreach (var client in _clients) client.Writer.TryWrite(item);
        }
    }

    /// <summary>Ends every open stream so the server can stop without waiting for browsers.</summary>
    public void Close()
    {
        lock (_lock)
        {
            _closed = true;
            foreach (var client in _clients) client.Writer.TryComplete();
        }
    }

    public async Task StreamAsync(HttpContext context)
    {
        var channel = Channel.CreateUnbounded<SseItem<string>>(new UnboundedChannelOptions { SingleReader = true });
        lock (_lock)
        {
            if (_closed) { context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable; return; }
            channel.Writer.TryWrite(new SseItem<string>(_labels, Hello));
            if (_failure is { } failure) channel.Writer.TryWrite(failure);
            _clients.Add(channel);
        }
        try
        {
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-store";
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            await SseFormatter.WriteAsync(channel.Reader.ReadAllAsync(context.RequestAborted), context.Response.Body, context.RequestAborted);
        }
        catch (OperationCanceledException) { /* the page went away */ }
        finally
        {
            lock (_lock) _clients.Remove(channel);
        }
    }
}
