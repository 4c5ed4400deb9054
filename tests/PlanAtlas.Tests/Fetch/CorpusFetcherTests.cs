using System.Text;
using PlanAtlas.Fetch;
using PlanAtlas.Read;

namespace PlanAtlas.Tests.Fetch;

/// <summary>
/// `fetch` against a fake portal on 127.0.0.1: pages in the templates portals use, served as GBK, and every way a
/// download goes wrong. No test waits: pacing and backoff run on <see cref="InstantClock"/>.
/// </summary>
public sealed class CorpusFetcherTests : IClassFixture<PortalFixture>, IDisposable
{
    private readonly PortalFixture _fixture;
    private readonly RepoPaths.TempFolder _temp = RepoPaths.NewTemp();

    public CorpusFetcherTests(PortalFixture fixture)
    {
        _fixture = fixture;
        fixture.Portal.Reset();
    }

    public void Dispose() => _temp.Dispose();

    private FakePortal Portal => _fixture.Portal;
    private string Input => _temp["input"];
    private string Plans => Path.Combine(Input, "plans");
    private ManifestTable Manifest => ManifestTable.Load(Path.Combine(Input, "plans.csv"));

    private ManifestTable.Row Row(string url) =>
        Manifest.FindBySource(Portal[url].AbsoluteUri) ?? throw new Xunit.Sdk.XunitException($"no manifest row for {url}");

    private byte[] Saved(ManifestTable.Row row) => File.ReadAllBytes(Path.Combine(Plans, row.File));

    [Fact]
    public async Task A_gbk_portal_page_is_saved_as_served_with_its_metadata_in_the_manifest()
    {
        var report = await _fixture.FetchAsync(Input, "/art/2024/trs-xxgk.html");

        var outcome = Assert.Single(report.Urls);
        Assert.Equal(UrlStatus.Fetched, outcome.Status);
        var row = Row("/art/2024/trs-xxgk.html");
        Assert.Equal("景德镇市安全生产委员会关于印发景德镇市2024年安全生产工作要点的通知", row.Get("title"));
        Assert.Equal("景德镇市安全生产委员会", row.Get("issuer"));
        Assert.Equal("景安委字〔2024〕1号", row.Get("doc_number"));
        Assert.Equal("2024-02-26", row.Get("issued_on"));
        Assert.Equal("plan", row.Get("role"));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", row.Get("fetched_at"));
        Assert.Equal(PlanFolder.Hash(Saved(row)), row.Get("sha256"));
        Assert.Equal(["plans/" + row.File], outcome.Written);
        Assert.Equal("景德镇市安全生产委员会关于印发景德镇市2024年安全生产工作要点的通知.html", row.File);
        Assert.Equal(FakePortal.GbkBytes(File.ReadAllText(Path.Combine(RepoPaths.Fixtures, "fetch", "trs-xxgk.html"))), Saved(row));
        var read = new HtmlDocumentReader().Read(Saved(row), row.File);
        Assert.Equal("gb18030", read.Encoding);
        Assert.Contains(read.Lines, l => l.StartsWith("1.落实党政领导责任"));
    }

    [Theory]
    [InlineData("/art/2024/trs-xxgk.html", "景安委字〔2024〕1号", "景德镇市安全生产委员会", "2024-02-26")]
    [InlineData("/art/lines.html", "萍安委发〔2022〕3号", "萍乡市安全生产委员会", "2022-03-10")]
    [InlineData("/art/bulleted.html", "余安委〔2021〕2号", "新余市应急管理局", "2021-02-20")]
    [InlineData("/art/2023/wrapper.html", "宜市安字〔2023〕2号", "宜春市安全生产委员会", "2023-02-27")]
    public async Task Every_metadata_layout_fills_the_manifest(string page, string docNumber, string issuer, string issuedOn)
    {
        await _fixture.FetchAsync(Input, page);
        var row = Row(page);
        Assert.Equal(docNumber, row.Get("doc_number"));
        Assert.Equal(issuer, row.Get("issuer"));
        Assert.Equal(issuedOn, row.Get("issued_on"));
    }

    [Fact]
    public async Task A_page_with_more_attachments_than_the_cap_says_so()
    {
        var options = PortalFixture.Options(Input) with { MaxAttachments = 1 };
        var report = await _fixture.FetchAsync(options, new InstantClock(), "/art/2023/wrapper.html");

        var outcome = Assert.Single(report.Urls);
        Assert.Equal(UrlStatus.Failed, outcome.Status);
        Assert.Contains(outcome.Problems, p => p.Contains("only the first 1 were fetched"));
    }

    [Fact]
    public async Task A_page_that_wraps_an_attached_plan_makes_the_attachment_the_plan()
    {
        var report = await _fixture.FetchAsync(Input, "/art/2023/wrapper.html");

        Assert.Equal(UrlStatus.Fetched, Assert.Single(report.Urls).Status);
        var page = Row("/art/2023/wrapper.html");
        var plan = Row("/files/yichun-plan.pdf");
        var table = Row("/files/tasks.xls");
        Assert.Equal("page", page.Get("role"));
        Assert.Equal("plan", plan.Get("role"));
        Assert.Equal("attachment", table.Get("role"));
        Assert.Equal("宜春市安委会关于印发宜春市2023年安全生产工作要点的通知", plan.Get("title"));
        Assert.Equal("宜市安字〔2023〕2号", plan.Get("doc_number"));
        Assert.Equal("2023-02-27", plan.Get("issued_on"));
        Assert.Null(table.Get("title"));
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures, "read", "forms", "yichun-2023.pdf")), Saved(plan));
        var stem = Path.GetFileNameWithoutExtension(page.File);
        Assert.Equal(stem + "--宜春市2023年安全生产工作要点.pdf", plan.File);
        Assert.Equal(stem + "--重点任务分工表.xls", table.File);
    }

    [Fact]
    public async Task A_gbk_page_without_a_meta_charset_is_decoded_once_saved_as_it_was_served()
    {
        await _fixture.FetchAsync(Input, "/art/bulleted.html");
        var row = Row("/art/bulleted.html");
        var read = new HtmlDocumentReader().Read(Saved(row), row.File);
        Assert.Equal("gb18030", read.Encoding);
        Assert.Contains("新余市2021年安全生产工作要点", read.Lines);
        Assert.Equal("新余市2021年安全生产工作要点.html", row.File);
    }

    [Fact]
    public async Task A_page_in_an_encoding_only_the_server_names_gets_a_meta_charset()
    {
        // HZ is 7-bit: read alone, the page would pass for ASCII, so the server's word has to be written down.
        TextDecoding.EnsureCodePages();
        var html = File.ReadAllText(Path.Combine(RepoPaths.Fixtures, "fetch", "lines.html")).Replace("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">", "");
        Portal.Serve("/art/hz.html", Encoding.GetEncoding("hz-gb-2312").GetBytes(html), "text/html; charset=hz-gb-2312");

        await _fixture.FetchAsync(Input, "/art/hz.html");

        var row = Row("/art/hz.html");
        Assert.Contains("<meta charset=\"hz-gb-2312\">", Encoding.ASCII.GetString(Saved(row)));
        var read = new HtmlDocumentReader().Read(Saved(row), row.File);
        Assert.Contains("萍乡市2022年安全生产工作要点", read.Lines);
        Assert.Equal("萍安委发〔2022〕3号", row.Get("doc_number"));
    }

    [Fact]
    public async Task An_attachment_linked_from_the_metadata_table_is_followed_against_the_base_address()
    {
        Portal.Serve("/art/in-table.html", FakePortal.GbkBytes("""
            <html><head><meta charset="gbk"><base href="/files/"></head><body>
            <table class="xxgk_table">
            <tr><td>索引号：</td><td>T-1</td><td>发文字号：</td><td>示安〔2023〕9号</td></tr>
            <tr><td>附件：</td><td colspan="3"><a href="yichun-plan.pdf">工作要点.pdf</a></td></tr>
            </table>
            <div id="zoom"><p>现将工作要点印发给你们。（测试页面）</p></div>
            </body></html>
            """), "text/html; charset=gbk");

        var report = await _fixture.FetchAsync(Input, "/art/in-table.html");

        Assert.Equal(UrlStatus.Fetched, Assert.Single(report.Urls).Status);
        Assert.Equal("plan", Row("/files/yichun-plan.pdf").Get("role"));
        Assert.Equal("示安〔2023〕9号", Row("/files/yichun-plan.pdf").Get("doc_number"));
    }

    [Fact]
    public async Task A_redirect_is_followed_and_the_address_it_led_to_recorded()
    {
        var report = await _fixture.FetchAsync(Input, "/old/lines.html");
        Assert.Equal(UrlStatus.Fetched, Assert.Single(report.Urls).Status);
        Assert.Equal("萍安委发〔2022〕3号", Row("/art/lines.html").Get("doc_number"));
        Assert.Equal([301, 200], Portal.Hits.Where(h => h.Path.EndsWith("lines.html")).Select(h => h.Status));
    }

    [Fact]
    public async Task A_missing_page_fails_with_its_reason_and_the_other_addresses_are_still_fetched()
    {
        var report = await _fixture.FetchAsync(Input, "/missing.html", "/art/lines.html", "ftp://example.org/x.pdf");

        Assert.True(report.AnyFailed);
        var missing = report.Urls[0];
        Assert.Equal(UrlStatus.Failed, missing.Status);
        Assert.Equal(["HTTP 404 Not Found"], missing.Problems);
        Assert.Equal(UrlStatus.Fetched, report.Urls[1].Status);
        Assert.Equal(["not an http(s) address"], report.Urls[2].Problems);
        Assert.Null(Manifest.FindBySource(Portal["/missing.html"].AbsoluteUri));
        // A 404 is an answer, not a fault: asked once.
        Assert.Single(Portal.Hits, h => h.Path == "/missing.html");
    }

    [Fact]
    public async Task A_server_error_is_retried_until_the_page_comes()
    {
        var report = await _fixture.FetchAsync(Input, "/flaky.html");
        Assert.Equal(UrlStatus.Fetched, Assert.Single(report.Urls).Status);
        Assert.Equal([500, 200], Portal.Hits.Where(h => h.Path == "/flaky.html").Select(h => h.Status));
    }

    [Fact]
    public async Task A_reset_connection_is_retried()
    {
        var report = await _fixture.FetchAsync(Input, "/reset.html");
        Assert.Equal(UrlStatus.Fetched, Assert.Single(report.Urls).Status);
        Assert.Equal(2, Portal.Hits.Count(h => h.Path == "/reset.html"));
    }

    [Fact]
    public async Task Server_errors_that_persist_fail_after_the_retries()
    {
        var options = PortalFixture.Options(Input) with { Retries = 2 };
        var report = await _fixture.FetchAsync(options, new InstantClock(), "/down.html");
        var outcome = Assert.Single(report.Urls);
        Assert.Equal(["HTTP 503 Service Unavailable (after retries)"], outcome.Problems);
        Assert.Equal(3, Portal.Hits.Count(h => h.Path == "/down.html"));
    }

    [Fact]
    public async Task An_answer_slower_than_the_time_limit_fails_and_is_not_asked_again()
    {
        var options = PortalFixture.Options(Input) with { Timeout = TimeSpan.FromMilliseconds(300) };
        var report = await _fixture.FetchAsync(options, new InstantClock(), "/slow.html");
        var outcome = Assert.Single(report.Urls);
        Assert.Equal(UrlStatus.Failed, outcome.Status);
        Assert.Equal(["no complete answer within 0.3 s"], outcome.Problems);
        Assert.Single(Portal.Hits, h => h.Path == "/slow.html");
    }

    [Fact]
    public async Task A_page_robots_txt_disallows_is_not_requested()
    {
        var report = await _fixture.FetchAsync(Input, "/private/secret.html", "/art/lines.html");
        Assert.Equal(UrlStatus.Failed, report.Urls[0].Status);
        Assert.Contains("robots.txt", report.Urls[0].Problems[0]);
        Assert.Contains("/private/secret.html", report.Urls[0].Problems[0]);
        Assert.DoesNotContain(Portal.Hits, h => h.Path.StartsWith("/private/"));
        Assert.Single(Portal.Hits, h => h.Path == "/robots.txt");
    }

    [Fact]
    public async Task Every_request_names_the_tool()
    {
        await _fixture.FetchAsync(Input, "/art/2023/wrapper.html");
        Assert.All(Portal.Hits, h => Assert.StartsWith("PlanAtlas/", h.UserAgent));
    }

    [Fact]
    public async Task A_second_run_downloads_nothing_that_has_not_changed()
    {
        await _fixture.FetchAsync(Input, "/art/2024/trs-xxgk.html", "/art/2023/wrapper.html");
        var manifest = File.ReadAllBytes(Path.Combine(Input, "plans.csv"));
        var files = RepoPaths.Snapshot(Plans);
        Portal.Reset();

        var again = await _fixture.FetchAsync(Input, "/art/2024/trs-xxgk.html", "/art/2023/wrapper.html");

        Assert.All(again.Urls, u => Assert.Equal(UrlStatus.Unchanged, u.Status));
        var downloads = Portal.Hits.Where(h => h.Path != "/robots.txt").ToList();
        Assert.Equal(4, downloads.Count);
        Assert.All(downloads, h => Assert.Equal(304, h.Status));
        Assert.Equal(manifest, File.ReadAllBytes(Path.Combine(Input, "plans.csv")));
        Assert.Equal(files, RepoPaths.Snapshot(Plans));
    }

    [Fact]
    public async Task A_file_the_user_edited_is_kept_unless_forced()
    {
        await _fixture.FetchAsync(Input, "/art/lines.html");
        var row = Row("/art/lines.html");
        var path = Path.Combine(Plans, row.File);
        File.WriteAllText(path, "<html><body><p>我改过的版本</p></body></html>");
        Portal.ServePage("/art/lines.html", "bulleted.html");

        var kept = await _fixture.FetchAsync(Input, "/art/lines.html");
        Assert.Equal(UrlStatus.Unchanged, kept.Urls[0].Status);
        Assert.Equal(["plans/" + row.File], kept.Urls[0].Kept);
        Assert.Contains("我改过的版本", File.ReadAllText(path));

        var forced = await _fixture.FetchAsync(PortalFixture.Options(Input, force: true), new InstantClock(), "/art/lines.html");
        Assert.Equal(UrlStatus.Fetched, forced.Urls[0].Status);
        Assert.Contains("新余市2021年安全生产工作要点", new HtmlDocumentReader().Read(File.ReadAllBytes(path), row.File).Lines);
        Assert.Equal(PlanFolder.Hash(File.ReadAllBytes(path)), Row("/art/lines.html").Get("sha256"));
    }

    [Fact]
    public async Task A_changed_page_replaces_an_unedited_file_and_keeps_the_users_columns_and_values()
    {
        await _fixture.FetchAsync(Input, "/art/lines.html");
        var fetched = Row("/art/lines.html");
        var manifestPath = Path.Combine(Input, "plans.csv");
        // The user reorders the columns, adds one of their own and a row, and corrects the title.
        File.WriteAllText(manifestPath,
            "note,file,title,source_url,sha256,fetched_at\n" +
            "自己的备注,mine.txt,,,,\n" +
            $",{fetched.File},我给的标题,{fetched.Get("source_url")},{fetched.Get("sha256")},{fetched.Get("fetched_at")}\n");
        Portal.ServePage("/art/lines.html", "bulleted.html");

        var again = await _fixture.FetchAsync(Input, "/art/lines.html");

        Assert.Equal(UrlStatus.Fetched, again.Urls[0].Status);
        var row = Row("/art/lines.html");
        Assert.Equal("我给的标题", row.Get("title"));
        Assert.Equal("余安委〔2021〕2号", row.Get("doc_number"));
        Assert.Equal(PlanFolder.Hash(Saved(row)), row.Get("sha256"));
        Assert.Equal("自己的备注", Manifest.Find("mine.txt")!.Get("note"));
        Assert.StartsWith("note,file,title,source_url,sha256,fetched_at,", File.ReadAllText(manifestPath));
    }

    [Fact]
    public async Task Requests_to_one_host_are_at_least_the_interval_apart()
    {
        var clock = new InstantClock();
        var options = PortalFixture.Options(Input) with { PerHostInterval = TimeSpan.FromSeconds(3) };
        await _fixture.FetchAsync(options, clock, "/art/2023/wrapper.html");

        var times = Portal.Hits.Select(h => h.At!.Value).ToList();
        Assert.Equal(4, times.Count); // robots.txt, the page, the PDF, the table
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(3), $"{pair.First:O} → {pair.Second:O}"));
        Assert.Contains(TimeSpan.FromSeconds(3), clock.Waits);
    }

    [Fact]
    public async Task An_attachment_that_turns_out_to_be_an_error_page_fails_and_the_page_is_kept()
    {
        var report = await _fixture.FetchAsync(Input, "/art/broken-link.html");
        var outcome = Assert.Single(report.Urls);
        Assert.Equal(UrlStatus.Failed, outcome.Status);
        Assert.Contains(outcome.Problems, p => p.Contains("gone.pdf") && p.Contains("a web page came back instead of the .pdf file"));
        Assert.Equal("page", Row("/art/broken-link.html").Get("role"));
        Assert.Null(Manifest.FindBySource(Portal["/files/gone.pdf"].AbsoluteUri));
    }

    [Fact]
    public async Task A_file_name_from_a_tampered_state_file_is_not_used()
    {
        var url = Portal["/art/lines.html"].AbsoluteUri;
        Directory.CreateDirectory(Input);
        File.WriteAllText(Path.Combine(Input, ".fetch-state.json"),
            $$"""{ "version": 1, "urls": { "{{url}}": { "file": "../outside.html", "etag": "\"x\"" } } }""");

        var report = await _fixture.FetchAsync(Input, "/art/lines.html");

        Assert.Equal(UrlStatus.Fetched, report.Urls[0].Status);
        Assert.False(File.Exists(Path.Combine(Input, "outside.html")));
        Assert.True(File.Exists(Path.Combine(Plans, Row("/art/lines.html").File)));
        Assert.DoesNotContain(Portal.Hits, h => h.Conditional);
    }
}
