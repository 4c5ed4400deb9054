namespace PlanAtlas.Tests;

/// <summary>Paths in the checkout the tests run from (found by walking up to Site.sln).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();
    public static string SampleInput => Path.Combine(Root, "input");
    public static string Theme => Path.Combine(Root, "theme");
    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Site.sln"))) return dir.FullName;
        throw new InvalidOperationException("Site.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A fresh folder under the system temp folder, deleted by the caller's using.</summary>
    public static TempFolder NewTemp() => new();

    public sealed class TempFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "planatlas-tests", Guid.NewGuid().ToString("N"));
        public TempFolder() => Directory.CreateDirectory(Path);
        public string this[string relative] => System.IO.Path.Combine(Path, relative);
        public void Dispose() { try { Directory.Delete(Path, true); } catch (DirectoryNotFoundException) { } }
    }

    /// <summary>Every file under a folder with the SHA-256 of its bytes: two snapshots are equal when the trees are byte-identical.</summary>
    /// <summary>Staging and old-output folders a build left beside <paramref name="outputName"/> (the cache folder is meant to stay).</summary>
    public static string[] SwapLeftovers(string parent, string outputName) =>
        [.. Directory.GetDirectories(parent, $".{outputName}.staging-*"), .. Directory.GetDirectories(parent, $".{outputName}.old-*")];

    public static SortedDictionary<string, string> Snapshot(string root) =>
        new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => System.IO.Path.GetRelativePath(root, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);

    /// <summary>Copies a folder tree (for tests that change a copy of the sample input).</summary>
    public static void CopyTree(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file)), true);
    }
}
