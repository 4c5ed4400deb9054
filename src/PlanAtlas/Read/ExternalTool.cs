using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace PlanAtlas.Read;

/// <summary>
/// A program PlanAtlas runs rather than reimplements (poppler's pdftotext and pdftoppm, Tesseract), found on PATH and
/// named with the Debian package that provides it, so that a missing one is reported with how to install it.
/// </summary>
/// <param name="Program">The command, or a path to it.</param>
/// <param name="Package">The Debian package that installs it.</param>
public sealed record ExternalTool(string Program, string Package)
{
    /// <summary>Whether <see cref="Program"/> exists on PATH (or at its path): asked before work that only it can do.</summary>
    public bool IsInstalled => Locate(Program) is not null;

    /// <summary>What to tell a user who lacks the program.</summary>
    public string InstallHint => $"`{Program}` is not installed (Debian/Ubuntu: `apt-get install {Package}`)";

    /// <summary>
    /// Runs the program with <paramref name="arguments"/> (never through a shell, so no argument is interpreted);
    /// it is stopped after <paramref name="timeout"/>. Standard output is decoded as UTF-8.
    /// </summary>
    public ProcessOutcome Run(IReadOnlyList<string> arguments, TimeSpan timeout, string? workingDirectory = null,
        string? stdin = null, IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellation = default)
    {
        var info = new ProcessStartInfo(Program)
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (stdin is not null) info.StandardInputEncoding = new UTF8Encoding(false);
        foreach (var a in arguments) info.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new Win32Exception($"{Program} did not start");
        }
        catch (Win32Exception)
        {
            return new ProcessOutcome(null, "", InstallHint, NotFound: true);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellation);
            var stderr = process.StandardError.ReadToEndAsync(cancellation);
            if (stdin is not null)
            {
                process.StandardInput.Write(stdin);
                process.StandardInput.Close();
            }
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timer.CancelAfter(timeout);
            try
            {
                process.WaitForExitAsync(timer.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellation.ThrowIfCancellationRequested();
                return new ProcessOutcome(null, "", $"`{Program}` took longer than {timeout.TotalSeconds:0} s and was stopped");
            }
            var output = stdout.GetAwaiter().GetResult();
            var errors = stderr.GetAwaiter().GetResult().Trim();
            return process.ExitCode == 0
                ? new ProcessOutcome(0, output, null)
                : new ProcessOutcome(process.ExitCode, output, $"exit code {process.ExitCode}: {(errors.Length > 0 ? errors : output.Trim())}");
        }
    }

    private static string? Locate(string program)
    {
        if (program.Contains(Path.DirectorySeparatorChar) || program.Contains(Path.AltDirectorySeparatorChar))
            return File.Exists(program) ? program : null;
        var suffixes = OperatingSystem.IsWindows() ? new[] { ".exe", "" } : [""];
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var suffix in suffixes)
                if (File.Exists(Path.Combine(dir, program + suffix))) return Path.Combine(dir, program + suffix);
        return null;
    }
}

/// <summary>How a run ended: <see cref="Error"/> is null when the program exited with 0.</summary>
public sealed record ProcessOutcome(int? ExitCode, string Output, string? Error, bool NotFound = false);
