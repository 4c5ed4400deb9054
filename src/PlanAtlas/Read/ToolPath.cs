namespace PlanAtlas.Read;

/// <summary>Finds an external program the way a shell would: the first executable file of that name on PATH.</summary>
internal static class ToolPath
{
    public static string? Find(params string[] names)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in names)
        {
            if (Path.IsPathRooted(name))
            {
                if (IsExecutable(name)) return name;
                continue;
            }
            foreach (var folder in folders)
            {
                var candidate = Path.Combine(folder, name);
                if (IsExecutable(candidate)) return candidate;
                if (OperatingSystem.IsWindows() && IsExecutable(candidate + ".exe")) return candidate + ".exe";
            }
        }
        return null;
    }

    private static bool IsExecutable(string path) =>
        File.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
