using PlanAtlas.Read;

namespace PlanAtlas.Tests.Read;

/// <summary>The zip-based formats share their archive checks (<see cref="ZipContainer"/>); each reports them under its own code.</summary>
public class ZipContainerTests
{
    public static TheoryData<string, string> ZipForms => new()
    {
        { "yichun-2023.docx", "PA206" },
        { "liulin-2023.xlsx", "PA223" },
        { "yichun-2023.ofd", "PA224" },
    };

    private static IDocumentReader WithLimit(string form, long maxUncompressedBytes) => Path.GetExtension(form) switch
    {
        ".docx" => new DocxDocumentReader(maxUncompressedBytes),
        ".xlsx" => new SpreadsheetDocumentReader(maxUncompressedBytes),
        ".ofd" => new OfdDocumentReader(maxUncompressedBytes),
        var other => throw new ArgumentException(other),
    };

    [Theory]
    [MemberData(nameof(ZipForms))]
    public void An_archive_that_unpacks_to_more_than_the_limit_is_refused_unread(string form, string code)
    {
        // The fixtures unpack to some tens of KB; a 10 KB limit stands in for the 200 MB default.
        var e = Assert.Throws<DocumentReadException>(() => WithLimit(form, 10 * 1024).Read(ReadFixtures.Form(form), "bomb" + Path.GetExtension(form)));
        Assert.Equal(code, e.Code);
        Assert.Contains("zip bomb", e.Message);
    }
}
