using System.Diagnostics;
using PlanAtlas.Build;
using PlanAtlas.Index;
using Xunit.Abstractions;

namespace PlanAtlas.Tests.Index;

/// <summary>
/// Runs the browser tests (tests/browser/*.test.mjs: headless Chromium through playwright-core, node's test
/// runner) against the sample site built under /planatlas/ and served on loopback. Fails, never skips, when
/// Node.js or Chromium is missing: CI installs both.
/// </summary>
public sealed class BrowserSearchTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Search_works_in_a_real_browser_on_the_sample_site_under_a_sub_path()
    {
        using var temp = RepoPaths.NewTemp();
        var site = temp["planatlas"];
        var result = new SiteBuilder(IBuildProgress.None).Build(new BuildOptions(RepoPaths.SampleInput, site, BasePath: "/planatlas/", ThemeDirectory: RepoPaths.Theme));
        Assert.Equal(BuildOutcome.Built, result.Outcome);
        Assert.True(File.Exists(Path.Combine(site, "search", "index", IndexFiles.Table)), "the build wrote no search index");

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
        Assert.NotEmpty(tests);
        foreach (var a in new[] { "--test", "--test-reporter=spec" }.Concat(tests)) info.ArgumentList.Add(a);
        info.Environment["PLANATLAS_SITE_URL"] = server.Url;
        Process? started = null;
        try { started = Process.Start(info); }
        catch (System.ComponentModel.Win32Exception e) { Assert.Fail($"the browser tests need Node.js 20+ (`node` on PATH) and `npm ci`: {e.Message}"); }
        using var node = started ?? throw new InvalidOperationException("node did not start");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            Assert.Fail("the browser tests took longer than 5 minutes\n" + await stdout);
        }
        var log = (await stdout) + (await stderr);
        output.WriteLine(log);
        Assert.True(node.ExitCode == 0, $"node --test tests/browser/*.test.mjs failed (exit {node.ExitCode}):\n{log}");
    }
}
