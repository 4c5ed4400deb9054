using System.Diagnostics;
using System.Text;

namespace PlanAtlas.Read;

/// <summary>
/// Converts a legacy document to .docx with LibreOffice (soffice --headless --convert-to docx), found on PATH. Each
/// conversion runs in a private temporary folder that is deleted afterwards: the input is written there under a
/// fixed name, LibreOffice gets a fresh user profile there with macros switched off, and its HOME points there, so
/// nothing the document holds can run or write anywhere else. A conversion that takes longer than the timeout is
/// killed with its process tree.
/// </summary>
public sealed class LibreOfficeConverter
{
    public const string InstallHint = "apt-get install libreoffice-writer-nogui";

    /// <summary>A long plan converts in a few seconds; a minute is a hung or hostile document.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Each LibreOffice takes a core and some hundreds of MB: plans are read in parallel, conversions a few at a time.</summary>
    private static readonly SemaphoreSlim Slots = new(Math.Max(1, Environment.ProcessorCount / 2));

    private readonly string[] _executables;
    private readonly TimeSpan _timeout;

    /// <param name="executables">The program's names or paths, tried in order; by default soffice, then libreoffice.</param>
    public LibreOfficeConverter(string[]? executables = null, TimeSpan? timeout = null)
    {
        _executables = executables ?? ["soffice", "libreoffice"];
        _timeout = timeout ?? DefaultTimeout;
    }

    /// <summary>The .docx LibreOffice makes of <paramref name="bytes"/>, a file of type <paramref name="extension"/> (".doc").</summary>
    /// <exception cref="DocumentReadException">PA221 when LibreOffice is not installed; PA222 when it fails or times out.</exception>
    public byte[] ConvertToDocx(byte[] bytes, string extension)
    {
        var soffice = ToolPath.Find(_executables)
            ?? throw new DocumentReadException("PA221",
                $"{extension} files are read through LibreOffice, which is not installed ({string.Join(" or ", _executables)} not found on PATH): {InstallHint}, or save the file as .docx");
        var folder = Directory.CreateTempSubdirectory("planatlas-soffice-").FullName;
        Slots.Wait();
        try
        {
            var input = Path.Combine(folder, "document" + extension);
            File.WriteAllBytes(input, bytes);
            var output = Path.Combine(folder, "out");
            var profile = Path.Combine(folder, "profile");
            WriteLockedDownProfile(profile);
            var (exitCode, log) = Run(soffice, folder, [
                "-env:UserInstallation=" + new Uri(profile + "/").AbsoluteUri,
                "--headless", "--invisible", "--norestore", "--nologo", "--nolockcheck", "--nodefault",
                "--convert-to", "docx:MS Word 2007 XML", "--outdir", output, input]);
            var docx = Path.Combine(output, "document.docx");
            if (!File.Exists(docx))
                throw new DocumentReadException("PA222",
                    $"LibreOffice could not convert the file (exit code {exitCode}{(log.Length > 0 ? ": " + log : "")}); it may be damaged, encrypted or not a word-processing document");
            return File.ReadAllBytes(docx);
        }
        finally
        {
            Slots.Release();
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* a file LibreOffice still holds; the system's temp cleaning takes it */ }
            catch (UnauthorizedAccessException) { }
        }
    }

    private (int ExitCode, string Log) Run(string soffice, string folder, string[] arguments)
    {
        var start = new ProcessStartInfo(soffice)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["HOME"] = folder;
        start.Environment["TMPDIR"] = folder;
        using var process = new Process { StartInfo = start };
        var log = new StringBuilder();
        void Collect(object _, DataReceivedEventArgs e)
        {
            lock (log)
                if (e.Data is { Length: > 0 } line && !line.Contains("javaldx", StringComparison.Ordinal) && log.Length < 2000)
                    log.Append(log.Length > 0 ? " " : "").Append(line.Trim());
        }
        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new DocumentReadException("PA221", $"LibreOffice ({soffice}) could not be started: {e.Message}; {InstallHint}");
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(_timeout))
        {
            try { process.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { /* it ended just now */ }
            process.WaitForExit();
            throw new DocumentReadException("PA222", $"LibreOffice did not finish converting the file within {_timeout.TotalSeconds:0} s; it was stopped");
        }
        process.WaitForExit();
        lock (log) return (process.ExitCode, log.ToString());
    }

    /// <summary>
    /// A new profile that forbids macros outright (not only unsigned ones) and links to untrusted locations, written
    /// before LibreOffice first starts with it.
    /// </summary>
    private static void WriteLockedDownProfile(string profile)
    {
        var user = Directory.CreateDirectory(Path.Combine(profile, "user")).FullName;
        File.WriteAllText(Path.Combine(user, "registrymodifications.xcu"), """
            <?xml version="1.0" encoding="UTF-8"?>
            <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
            <item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
            <item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
            </oor:items>
            """, new UTF8Encoding(false));
    }
}
