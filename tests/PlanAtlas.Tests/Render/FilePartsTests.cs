using PlanAtlas.Build.Cache;
using PlanAtlas.Render;

namespace PlanAtlas.Tests.Render;

/// <summary>
/// A file written in parts (data/items.csv, a plan's rows per part): the next build copies the parts whose keys are
/// unchanged from the previous output, writes the others, and keeps the file when no key changed. The bytes are those
/// of writing every part.
/// </summary>
public sealed class FilePartsTests
{
    private static readonly string[] Texts = ["\uFEFFheader\r\n", "甲,1\r\n", "乙,2\r\n乙,3\r\n", "丙,4\r\n"];

    /// <summary>One build into a staging folder that then becomes the output (the commit), with the page cache saved.</summary>
    private static (string Written, bool Kept) Build(RepoPaths.TempFolder temp, int number, IReadOnlyList<string?> keys, IReadOnlyList<string> texts)
    {
        var cache = new PageCache(CacheFolder.Open(temp["cache"]), temp["out"], ignorePrevious: false);
        Directory.CreateDirectory(temp["out"]);
        var output = new OutputFolder(temp[$"stage{number}"]) { Reuse = cache, Previous = temp["out"] };
        var written = new List<int>();
        output.WriteTextParts("data/items.csv", keys, (part, writer) =>
        {
            written.Add(part);
            writer.Write(texts[part]);
        });
        var kept = output.Kept.Contains("data/items.csv");
        if (!kept)
        {
            Directory.CreateDirectory(temp["out/data"]);
            File.Move(temp[$"stage{number}/data/items.csv"], temp["out/data/items.csv"], overwrite: true);
        }
        cache.Save();
        return (string.Join(",", written), kept);
    }

    /// <summary>The file's text with its byte order mark, which File.ReadAllText drops.</summary>
    private static string Read(RepoPaths.TempFolder temp) => System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(temp["out/data/items.csv"]));

    [Fact]
    public void Unchanged_parts_are_copied_changed_ones_written_and_an_unchanged_file_kept()
    {
        using var temp = RepoPaths.NewTemp();
        Assert.Equal(("0,1,2,3", false), Build(temp, 1, ["h", "a", "b", "c"], Texts));
        Assert.Equal(string.Concat(Texts), Read(temp));

        // Part 2 changed (longer now), part 3 has no key: both written, the others copied from the previous file.
        string[] changed = [Texts[0], Texts[1], "乙,2\r\n乙,3\r\n乙,33\r\n", Texts[3]];
        Assert.Equal(("2,3", false), Build(temp, 2, ["h", "a", "b2", null], changed));
        Assert.Equal(string.Concat(changed), Read(temp));

        // Parts reordered and one dropped: copied from where they were.
        Assert.Equal(("", false), Build(temp, 3, ["h", "b2", "a"], [Texts[0], changed[2], Texts[1]]));
        Assert.Equal(Texts[0] + changed[2] + Texts[1], Read(temp));
        var bytes = File.ReadAllBytes(temp["out/data/items.csv"]);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);

        // Nothing changed: the file is kept and nothing written.
        Assert.Equal(("", true), Build(temp, 4, ["h", "b2", "a"], [Texts[0], changed[2], Texts[1]]));
    }

    [Fact]
    public void A_previous_file_of_another_length_is_not_copied_from()
    {
        using var temp = RepoPaths.NewTemp();
        Build(temp, 1, ["h", "a"], Texts);
        File.AppendAllText(temp["out/data/items.csv"], "edited by hand\r\n");
        Assert.Equal(("0,1", false), Build(temp, 2, ["h", "a"], Texts));
        Assert.Equal(Texts[0] + Texts[1], Read(temp));
    }
}
