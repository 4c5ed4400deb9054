using System.Diagnostics;
using PlanAtlas.Build;
using PlanAtlas.Index;
using Xunit.Abstractions;

namespace PlanAtlas.Tests.Site;

/// <summary>
/// Runs every browser test (tests/browser/*.test.mjs: headless Chromium through playwright-core, node's test
/// runner) against one build of the sample site under /planatlas/, served on loopback: search.test.mjs (search),
/// pages.test.mjs (each page family at 1400 and 390 px: overflow, English theme ids, counts against the data).
/// Their screenshots go to PLANATLAS_SCREENSHOTS, by default tests/browser/screenshots/ (ignored by git; CI uploads
/// it). Fails, never skips, when Node.js or Chromium is missing: CI installs both.
/// </summary>
public sealed class BrowserTests(SampleSite sample, ITestOutputHelper output) : IClassFixture<SampleSite>
{
    /// <summary>Where the browser tests put their screenshots: PLANATLAS_SCREENSHOTS, else tests/browser/screenshots/.</summary>
    public static string Screenshots =>
        Environment.GetEnvironmentVariable("PLANATLAS_SCREENSHOTS") is { Length: > 0 } set
            ? Path.GetFullPath(set)
            : Path.Combine(RepoPaths.Root, "tests", "browser", "screenshots");

    [Fact]
    public async Task The_browser_tests_pass_on_the_sample_site_under_a_sub_path()
    {
        // The run's one build of the sample site under /planatlas/ (SampleSite), read, never written, by the browser.
        var site = sample.SubPath;
        Assert.Equal(BuildOutcome.Built, sample.SubPathResult.Outcome);
        Assert.True(File.Exists(Path.Combine(site, "search", "index", IndexFiles.Table)), "the build wrote no search index");

        // Only this run's screenshots: an earlier run's would pass for pages this one did not reach.
        Directory.CreateDirectory(Screenshots);
        foreach (var old in Directory.GetFiles(Screenshots, "*.png")) File.Delete(old);

        await using var server = await StaticSiteServer.StartAsync(site, "/planatlas/");
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Files named one by one: node 20 takes a folder, node 22 reads arguments as globs; both take files.
        var tests = Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "browser"), "*.test.mjs").Order(StringComparer.Ordinal).ToList();
        Assert.Contains(tests, t => Path.GetFileName(t) == "pages.test.mjs");
        foreach (var a in new[] { "--test", "--test-reporter=spec" }.Concat(tests)) info.ArgumentList.Add(a);
        info.Environment["PLANATLAS_SITE_URL"] = server.Url;
        info.Environment["PLANATLAS_SCREENSHOTS"] = Screenshots;
        Process? started = null;
        try { started = Process.Start(info); }
        catch (System.ComponentModel.Win32Exception e) { Assert.Fail($"the browser tests need Node.js 20+ (`node` on PATH) and `npm ci`: {e.Message}"); }
        using var node = started ?? throw new InvalidOperationException("node did not start");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            Assert.Fail("the browser tests took longer than 10 minutes\n" + await stdout);
        }
        var log = (await stdout) + (await stderr);
        output.WriteLine(log);
        Assert.True(node.ExitCode == 0, $"node --test tests/browser/*.test.mjs failed (exit {node.ExitCode}); screenshots in {Screenshots}:\n{log}");
        Assert.NotEmpty(Directory.GetFiles(Screenshots, "*-390.png"));
    }
}
