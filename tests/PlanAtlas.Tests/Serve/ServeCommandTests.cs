using PlanAtlas.Cli;
using PlanAtlas.Serve;
using PlanAtlas.Tests.Build;

namespace PlanAtlas.Tests.Serve;

[Collection(nameof(ConsoleCollection))]
public sealed class ServeCommandTests
{
    private static (int Exit, string Out) Cli(params string[] args)
    {
        var stdout = Console.Out; var stderr = Console.Error;
        var capture = new StringWriter();
        Console.SetOut(capture); Console.SetError(capture);
        try { return (CommandLine.Run(args), capture.ToString()); }
        finally { Console.SetOut(stdout); Console.SetError(stderr); }
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("65536")]
    [InlineData("http")]
    public void A_bad_port_exits_two(string port) => Assert.Equal(2, Cli("serve", "--port", port).Exit);

    [Fact]
    public void Serve_takes_the_build_options_and_a_port()
    {
        var (exit, help) = Cli("serve", "--help");
        Assert.Equal(0, exit);
        foreach (var option in new[] { "--input", "--output", "--base-path", "--strict", "--theme", "--port" }) Assert.Contains(option, help);
    }

    [Fact]
    public void A_port_in_use_exits_one_without_touching_anything_else()
    {
        using var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        var port = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;
        using var temp = RepoPaths.NewTemp();
        RepoPaths.CopyTree(RepoPaths.SampleInput, temp["input"]);
        var (exit, output) = Cli("serve", "--input", temp["input"], "--output", temp["out"], "--theme", RepoPaths.Theme, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, exit);
        Assert.Contains($"127.0.0.1:{port}", output);
    }

    [Theory]
    [InlineData("<html><body><p>x</p></body></html>", "<html><body><p>x</p><script src=\"/__planatlas/reload.js\" defer></script>\n</body></html>")]
    [InlineData("<p>no body element</p>", "<p>no body element</p><script src=\"/__planatlas/reload.js\" defer></script>\n")]
    [InlineData("<body><pre>&lt;/body&gt;</pre></BODY>", "<body><pre>&lt;/body&gt;</pre><script src=\"/__planatlas/reload.js\" defer></script>\n</BODY>")]
    public void The_reload_client_goes_before_the_closing_body_tag(string html, string expected) =>
        Assert.Equal(expected, ReloadScript.Inject(html));
}
