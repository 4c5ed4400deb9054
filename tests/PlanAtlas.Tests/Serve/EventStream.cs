using System.Net.ServerSentEvents;

namespace PlanAtlas.Tests.Serve;

/// <summary>A test's connection to serve's event stream, read with the BCL's SSE parser.</summary>
public sealed class EventStream : IAsyncDisposable
{
    /// <summary>Generous: the machine is shared; this bounds a hang, it does not measure speed.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly HttpResponseMessage _response;
    private readonly IAsyncEnumerator<SseItem<string>> _events;
    private readonly CancellationTokenSource _cancel = new();

    private EventStream(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _events = SseParser.Create(body).EnumerateAsync(_cancel.Token).GetAsyncEnumerator(_cancel.Token);
    }

    public static async Task<EventStream> OpenAsync(HttpClient http, Uri server)
    {
        var response = await http.GetAsync(new Uri(server, "__planatlas/events"), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var stream = new EventStream(response, await response.Content.ReadAsStreamAsync());
        // The server registers the connection before it sends hello: after it, no change can be missed.
        Assert.Equal("hello", (await stream.NextAsync()).EventType);
        return stream;
    }

    public async Task<SseItem<string>> NextAsync()
    {
        var next = _events.MoveNextAsync().AsTask();
        if (await Task.WhenAny(next, Task.Delay(Patience)) != next) throw new TimeoutException($"no event within {Patience}");
        Assert.True(await next, "the event stream ended");
        return _events.Current;
    }

    /// <summary>The next event that is not "building" (which always comes first and says nothing yet).</summary>
    public async Task<SseItem<string>> OutcomeAsync()
    {
        while (true)
        {
            var item = await NextAsync();
            if (item.EventType != "building") return item;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cancel.CancelAsync();
        _response.Dispose();
        try { await _events.DisposeAsync(); } catch (OperationCanceledException) { }
        _cancel.Dispose();
    }
}
