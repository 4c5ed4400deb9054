namespace PlanAtlas.Fetch;

/// <summary>
/// Writes a file whole or not at all: into a hidden temporary beside it, then renamed over it. The rename replaces
/// a link instead of writing through it, so a file in the input that links elsewhere is never written outside.
/// </summary>
internal static class SafeWrite
{
    public static void Bytes(string path, byte[] bytes)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
