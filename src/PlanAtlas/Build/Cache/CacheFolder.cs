using PlanAtlas.Model;

namespace PlanAtlas.Build.Cache;

/// <summary>
/// The folder where builds keep what they computed for the next build (parsed plans, the trained clustering model,
/// page fingerprints). Everything in it is keyed by content hashes and by the version of the code that wrote it, so
/// it can be deleted at any time: the next build is then a full one. By default it sits beside the output folder as
/// <c>.NAME.cache</c> (<c>.output.cache</c> for <c>--output output</c>).
/// </summary>
public sealed class CacheFolder
{
    private const string VersionFile = "version.txt";

    private CacheFolder(string root) => Root = root;

    public string Root { get; }

    public static string DefaultFor(string outputDirectory)
    {
        var output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        return Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.cache");
    }

    /// <summary>
    /// Opens (creating it if needed) the cache at <paramref name="root"/>. A cache written by another version of
    /// PlanAtlas is emptied first: parser or analysis changes would make its records wrong.
    /// </summary>
    public static CacheFolder Open(string root)
    {
        root = Path.GetFullPath(root);
        var versionPath = Path.Combine(root, VersionFile);
        if (Directory.Exists(root) && (!File.Exists(versionPath) || File.ReadAllText(versionPath) != CodeVersion.Value))
            Directory.Delete(root, recursive: true);
        Directory.CreateDirectory(root);
        if (!File.Exists(versionPath)) File.WriteAllText(versionPath, CodeVersion.Value);
        return new CacheFolder(root);
    }

    public string Subfolder(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Writes through a temporary file and a rename, so a killed build never leaves a half-written record.</summary>
    public static void WriteAtomically(string path, byte[] bytes)
    {
        // Written as it is: a buffered stream per record (two per parsed plan) cost a buffer of its own each.
        var temporary = Temporary(path);
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>As <see cref="WriteAtomically(string, byte[])"/>, streamed: for records of tens of megabytes.</summary>
    public static void WriteAtomically(string path, Action<Stream> write)
    {
        var temporary = Temporary(path);
        // A buffer under the large object heap's threshold (85 KB): a larger one set off full collections.
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
            write(stream);
        File.Move(temporary, path, overwrite: true);
    }

    private static string Temporary(string path) => path + $".tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";


    /// <summary>
    /// The code that wrote a cache: the bytes of every stage's assembly the build runs (their embedded gazetteer and word
    /// lists included), so a change in any stage drops what the caches hold.
    /// </summary>
    private static class CodeVersion
    {
        // Before Value: static fields are initialised in the order they are written.
        private static readonly System.Reflection.Assembly[] Stages =
        [
            typeof(Plan).Assembly, typeof(Read.InputReader).Assembly, typeof(Parse.PlanParser).Assembly,
            typeof(Analyze.Themes.ThemeAnalyzer).Assembly, typeof(Render.SiteRenderer).Assembly,
            typeof(Index.SearchIndexer).Assembly, typeof(CacheFolder).Assembly,
        ];

        public static readonly string Value = Compute();

        private static string Compute() => ContentHash.HexOf(string.Join('\n', Stages.Select(Version)));

        private static string Version(System.Reflection.Assembly assembly)
        {
            var location = assembly.Location;
            return location.Length > 0 && File.Exists(location)
                ? ContentHash.HexOf(File.ReadAllBytes(location))
                : assembly.ManifestModule.ModuleVersionId.ToString("N");
        }
    }
}
