using System.Net;
using PlanAtlas.Build;
using PlanAtlas.Serve;

namespace PlanAtlas.Tests.Serve;

/// <summary>
/// serve on the sample site, as a researcher uses it: a temp copy of input/, a random port, the page's event
/// stream read over HTTP. Functional checks only; the save-to-reload time is measured by bench/serve-reload.sh.
/// </summary>
public sealed class PreviewSessionTests : IAsyncLifetime
{
    private const string Plan = "420700-2018";
    private readonly RepoPaths.TempFolder _temp = RepoPaths.NewTemp();
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
    private PreviewSession _session = null!;
    private string Input => _temp["input"];
    private string Output => _temp["output"];

    public async Task InitializeAsync()
    {
        RepoPaths.CopyTree(RepoPaths.SampleInput, Input);
        var options = new ServeOptions(new BuildOptions(Input, Output, "/planatlas/", ThemeDirectory: RepoPaths.Theme), Port: 0)
        { Debounce = TimeSpan.FromMilliseconds(100) };
        _session = await PreviewSession.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        await _session.DisposeAsync();
        _http.Dispose();
        _temp.Dispose();
    }

    private Task<HttpResponseMessage> Get(string path) => _http.GetAsync(new Uri(_session.ServerAddress, path.TrimStart('/')));
    private async Task<string> Page(string path)
    {
        using var response = await Get(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The source of plan <see cref="Plan"/> in the temp copy (the repository's samples are never edited).</summary>
    private string PlanFile => Path.Combine(Input, "plans", "hubei-ezhou-2018-work-safety-key-points.txt");

    [Fact]
    public async Task The_site_is_served_under_its_base_path_with_the_reload_client_added()
    {
        Assert.Equal(BuildOutcome.Built, _session.LastResult!.Outcome);
        Assert.Equal("/planatlas/", _session.SiteUrl.AbsolutePath);
        var home = await Page("/planatlas/");
        Assert.Contains("<script src=\"/__planatlas/reload.js\" defer></script>", home);
        Assert.Contains("href=\"/planatlas/assets/css/site.css\"", home);
        using var script = await Get("/__planatlas/reload.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("EventSource", await script.Content.ReadAsStringAsync());
    }

    [Fact]
    public void The_reload_client_is_never_written_to_the_output()
    {
        Assert.True(File.Exists(Path.Combine(Output, "index.html")));
        foreach (var file in Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories))
            Assert.DoesNotContain("__planatlas", File.ReadAllText(file));
    }

    [Fact]
    public async Task Saving_a_plan_rebuilds_and_reloads_open_pages_with_the_change()
    {
        await using var events = await EventStream.OpenAsync(_http, _session.ServerAddress);
        var before = await Page($"/planatlas/plans/{Plan}/");
        const string marker = "十二、本行由自动测试追加，用于检查预览是否重新构建。";
        Assert.DoesNotContain(marker, before);

        await File.AppendAllTextAsync(PlanFile, "\n" + marker + "\n");
        var outcome = await events.OutcomeAsync();

        Assert.Equal("reload", outcome.EventType);
        Assert.Contains("\"plans\":5", outcome.Data);
        Assert.Contains(marker, await Page($"/planatlas/plans/{Plan}/"));
    }

    [Fact]
    public async Task A_broken_template_shows_its_error_and_the_last_good_site_stays_up()
    {
        await using var events = await EventStream.OpenAsync(_http, _session.ServerAddress);
        var good = await Page($"/planatlas/plans/{Plan}/");
        var layouts = Path.Combine(Input, "theme", "layouts");
        Directory.CreateDirectory(layouts);
        await File.WriteAllTextAsync(Path.Combine(layouts, "plan.sbn"), "{{ for x in }}\n");

        var failed = await events.OutcomeAsync();
        Assert.Equal("build-failed", failed.EventType);
        Assert.Contains("plan.sbn", failed.Data);
        Assert.Equal(good, await Page($"/planatlas/plans/{Plan}/"));

        // A page opened while the build is broken learns it at once.
        await using (var late = await EventStream.OpenAsync(_http, _session.ServerAddress))
            Assert.Equal("build-failed", (await late.NextAsync()).EventType);

        File.Delete(Path.Combine(layouts, "plan.sbn"));
        Assert.Equal("reload", (await events.OutcomeAsync()).EventType);
        Assert.Equal(BuildOutcome.Built, _session.LastResult!.Outcome);
    }

    [Fact]
    public async Task A_broken_plan_is_reported_and_the_preview_keeps_going()
    {
        await using var events = await EventStream.OpenAsync(_http, _session.ServerAddress);
        // Not text at all: a zip header and NUL bytes saved as a plan.
        await File.WriteAllBytesAsync(Path.Combine(Input, "plans", "broken-plan.txt"), [0x50, 0x4B, 0x03, 0x04, 0, 0, 0xFF, 0xFE, 0, 0x81, 0x00]);
        var outcome = await events.OutcomeAsync();
        Assert.Contains(outcome.EventType, new[] { "reload", "build-failed" });
        Assert.Contains("broken-plan.txt", string.Join("\n", _session.LastResult!.Diagnostics.Select(d => d.ToString())));
        Assert.Contains($"/planatlas/plans/{Plan}/", await Page("/planatlas/"));

        await File.AppendAllTextAsync(PlanFile, "\n十三、之后的修改照常生效。\n");
        Assert.Equal("reload", (await events.OutcomeAsync()).EventType);
        Assert.Contains("十三、之后的修改照常生效。", await Page($"/planatlas/plans/{Plan}/"));
    }

    [Fact]
    public async Task Paths_behave_as_on_a_static_host()
    {
        using (var root = await Get("/")) Assert.Equal("/planatlas/", root.Headers.Location?.OriginalString);
        using (var folder = await Get("/planatlas/plans/" + Plan)) Assert.Equal($"/planatlas/plans/{Plan}/", folder.Headers.Location?.OriginalString);
        using (var missing = await Get("/planatlas/no-such-page/"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            var body = await missing.Content.ReadAsStringAsync();
            Assert.Contains("页面不存在", body);
            Assert.Contains("/__planatlas/reload.js", body);
        }
        using (var outside = await Get("/planatlas/%2e%2e/%2e%2e/%2e%2e/etc/passwd")) Assert.NotEqual(HttpStatusCode.OK, outside.StatusCode);
        using (var css = await Get("/planatlas/assets/css/site.css")) Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        using (var feed = await Get("/planatlas/feed.xml")) Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
    }
}
