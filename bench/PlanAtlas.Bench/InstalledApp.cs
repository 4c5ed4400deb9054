using System.Diagnostics;

namespace PlanAtlas.Bench;

/// <summary>
/// The PlanAtlas the benchmark measures: the app as a researcher installs it for large corpora, published once with
/// the runtime and every library precompiled together (self-contained, composite ReadyToRun; see README.md, "Large
/// corpora"). A framework-dependent build still compiles thousands of generic methods over our types just in time in
/// every run, because the shared framework is precompiled apart from the app.
/// </summary>
public static class InstalledApp
{
    /// <summary>Where <see cref="Publish"/> puts the app, under the checkout.</summary>
    public const string Folder = "artifacts/planatlas";

    /// <summary>The one file of precompiled code for the runtime, PlanAtlas and its libraries that the publish writes.</summary>
    public const string CompositeImage = "PlanAtlas.r2r.dll";

    /// <summary>The publish command's arguments, as README.md gives them.</summary>
    public static readonly string[] PublishArguments =
    [
        "publish", "src/PlanAtlas", "-c", "Release", "--use-current-runtime", "--self-contained",
        "-p:PublishReadyToRun=true", "-p:PublishReadyToRunComposite=true", "-p:PlanAtlasReadyToRun=false", "-o", Folder,
    ];

    /// <summary>Publishes the checkout's app (the SDK skips what is up to date) and returns its executable; null when it failed.</summary>
    public static string? Publish()
    {
        var checkout = Checkout();
        if (checkout is null)
        {
            Console.Error.WriteLine("cannot find the PlanAtlas checkout (src/PlanAtlas) above the benchmark; pass --app");
            return null;
        }
        // A fresh folder: a publish leaves behind what an earlier one wrote, such as a composite image of older code.
        var folder = Path.Combine(checkout, Folder);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Console.Error.WriteLine($"publishing the app: dotnet {string.Join(' ', PublishArguments)}");
        var start = new ProcessStartInfo("dotnet", PublishArguments) { WorkingDirectory = checkout, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var log = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"dotnet publish failed ({process.ExitCode}):\n{log}");
            return null;
        }
        if (!File.Exists(Path.Combine(folder, CompositeImage)))
        {
            Console.Error.WriteLine($"dotnet publish wrote no {CompositeImage}: the app would not be precompiled");
            return null;
        }
        return Path.Combine(folder, OperatingSystem.IsWindows() ? "PlanAtlas.exe" : "PlanAtlas");
    }

    /// <summary>How to start <paramref name="app"/>: a .dll through `dotnet exec`, an executable as it is.</summary>
    public static ProcessStartInfo Start(string app, IReadOnlyList<string> arguments)
    {
        var start = app.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new ProcessStartInfo("dotnet", ["exec", app, .. arguments])
            : new ProcessStartInfo(app, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        return start;
    }

    private static string? Checkout()
    {
        foreach (var from in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "src", "PlanAtlas", "PlanAtlas.csproj"))) return dir.FullName;
        return null;
    }
}
