using PlanAtlas.Cli;
using PlanAtlas.Tests.Build;

namespace PlanAtlas.Tests.Fetch;

/// <summary>The fetch command's contract: its exit codes, a line per failed address, and the list file.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class FetchCommandTests : IClassFixture<PortalFixture>, IDisposable
{
    private readonly PortalFixture _fixture;
    private readonly RepoPaths.TempFolder _temp = RepoPaths.NewTemp();

    public FetchCommandTests(PortalFixture fixture)
    {
        _fixture = fixture;
        fixture.Portal.Reset();
        fixture.Portal.Clock = null;
    }

    public void Dispose() => _temp.Dispose();

    private (int Code, string Out, string Error) Cli(params string[] args)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        var (o, e) = (new StringWriter(), new StringWriter());
        Console.SetOut(o);
        Console.SetError(e);
        try { return (CommandLine.Run(args), o.ToString(), e.ToString()); }
        finally { Console.SetOut(stdout); Console.SetError(stderr); }
    }

    // The real clock: no pacing, so nothing waits.
    private string[] Fetch(params string[] more) => ["fetch", "--input", _temp["input"], "--delay", "0", "--retries", "0", .. more];

    [Fact]
    public void Fetched_addresses_exit_zero()
    {
        var (code, output, _) = Cli(Fetch(_fixture.Portal["/art/lines.html"].AbsoluteUri));
        Assert.Equal(0, code);
        Assert.Contains("fetched " + _fixture.Portal["/art/lines.html"].AbsoluteUri, output);
        Assert.True(File.Exists(Path.Combine(_temp["input"], "plans.csv")));
    }

    [Fact]
    public void A_failed_address_gets_a_line_with_why_and_exit_one()
    {
        var missing = _fixture.Portal["/missing.html"].AbsoluteUri;
        var (code, _, error) = Cli(Fetch(missing, _fixture.Portal["/art/lines.html"].AbsoluteUri));
        Assert.Equal(1, code);
        Assert.Contains($"failed  {missing}: HTTP 404 Not Found", error);
    }

    [Fact]
    public void A_list_file_skips_blank_lines_comments_and_notes()
    {
        var list = _temp["urls.txt"];
        File.WriteAllText(list, $"# 江西\n\n{_fixture.Portal["/art/lines.html"].AbsoluteUri}   萍乡 2022\n  {_fixture.Portal["/art/bulleted.html"].AbsoluteUri}\n");
        var (code, output, _) = Cli(Fetch("--list", list));
        Assert.Equal(0, code);
        Assert.Contains("2 addresses, 2 fetched", output);
    }

    [Theory]
    [InlineData]
    [InlineData("--list", "no-such-list.txt")]
    [InlineData("--delay", "-1", "http://127.0.0.1/")]
    [InlineData("--contact", "me and you", "http://127.0.0.1/")]
    public void A_bad_command_line_exits_two(params string[] args)
    {
        Assert.Equal(2, Cli(["fetch", "--input", _temp["input"], .. args]).Code);
        Assert.False(File.Exists(Path.Combine(_temp["input"], "plans.csv")));
    }
}
