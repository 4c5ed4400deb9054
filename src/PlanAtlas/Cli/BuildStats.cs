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
            stages = r.Stages.Select(s => new
            {
                stage = s.Stage,
                wall_seconds = Math.Round(s.Elapsed.TotalSeconds, 3),
                cpu_seconds = Math.Round(s.CpuTime.TotalSeconds, 3),
                peak_mb = Math.Round(s.PeakMemoryBytes / 1048576.0, 1),
                summary = s.Summary,
            }),
        };
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, JsonSerializer.Serialize(stats, new JsonSerializerOptions { WriteIndented = true }));
    }
}
