using System.Runtime.InteropServices;
using System.Text.Json;
using PlanAtlas.Build;

namespace PlanAtlas.Cli;

/// <summary>
/// `build --stats FILE`: the build's figures as JSON, for the benchmark and for scripts. Holds measurements,
/// so it never goes into the site (it would break byte-identical output).
/// </summary>
public static class BuildStats
{
    public static void Write(string path, BuildResult r)
    {
        var stats = new
        {
            outcome = r.Outcome.ToString().ToLowerInvariant(),
            plans = r.Plans,
            items = r.Items,
            pages = r.Pages,
            warnings = r.Warnings,
            errors = r.Errors,
            // The search indexer and npm run as child processes; their memory counts towards what a laptop needs.
            children_peak_mb = ChildrenPeakBytes() is { } children ? Math.Round(children / 1048576.0, 1) : (double?)null,
            // Where a short (incremental) build's time goes besides the stages: compiling code and collecting garbage.
            jit_seconds = Math.Round(System.Runtime.JitInfo.GetCompilationTime().TotalSeconds, 3),
            jit_methods = System.Runtime.JitInfo.GetCompiledMethodCount(),
            gc_pause_seconds = Math.Round(GC.GetTotalPauseDuration().TotalSeconds, 3),
            stages = r.Stages.Select(s => new
            {
                stage = s.Stage,
                wall_seconds = Math.Round(s.Elapsed.TotalSeconds, 3),
                cpu_seconds = Math.Round(s.CpuTime.TotalSeconds, 3),
                peak_mb = Math.Round(s.PeakMemoryBytes / 1048576.0, 1),
                allocated_mb = Math.Round(s.AllocatedBytes / 1048576.0, 1),
                collections = s.Collections,
                summary = s.Summary,
            }),
        };
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, JsonSerializer.Serialize(stats, new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>The largest peak resident size of any child process this process waited for (Linux getrusage), null elsewhere.</summary>
    private static long? ChildrenPeakBytes()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try { return getrusage(RusageChildren, out var usage) == 0 ? usage.MaxResidentKilobytes * 1024 : null; }
        catch (DllNotFoundException) { return null; }
        catch (EntryPointNotFoundException) { return null; }
    }

    private const int RusageChildren = -1;

    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        public long MaxResidentKilobytes;
        public long Ixrss, Idrss, Isrss, Minflt, Majflt, Nswap, Inblock, Oublock, Msgsnd, Msgrcv, Nsignals, Nvcsw, Nivcsw;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out ResourceUsage usage);
}
