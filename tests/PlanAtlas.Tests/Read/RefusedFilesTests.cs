using PlanAtlas.Read;

namespace PlanAtlas.Tests.Read;

/// <summary>
/// Damaged files and files of another kind under a reader's name, as data: each is refused with the reader's code and a
/// message that says why. The .doc/.wps reader is given no LibreOffice: none of these may need it.
/// </summary>
public class RefusedFilesTests
{
    private static IDocumentReader ReaderFor(string extension) => extension switch
    {
        ".xlsx" => new SpreadsheetDocumentReader(),
        ".ofd" => new OfdDocumentReader(),
        ".doc" or ".wps" => new LegacyWordDocumentReader(new LibreOfficeConverter(["planatlas-no-such-soffice"])),
        var other => throw new ArgumentException(other),
    };

    [Theory]
    [InlineData("bad/truncated.xlsx", ".xlsx", "PA223", "truncated")]
    [InlineData("bad/hostile.html", ".xlsx", "PA223", "web page")]
    [InlineData("bad/junk.txt", ".xlsx", "PA223", "not an Excel workbook")]
    [InlineData("bad/empty.txt", ".xlsx", "PA201", "empty")]
    [InlineData("forms/yichun-2023.docx", ".xlsx", "PA223", "xl/workbook.xml")]
    [InlineData("bad/truncated.ofd", ".ofd", "PA224", "truncated")]
    [InlineData("bad/truncated.pdf", ".ofd", "PA224", "PDF")]
    [InlineData("bad/hostile.html", ".ofd", "PA224", "web page")]
    [InlineData("bad/junk.txt", ".ofd", "PA224", "not a zip")]
    [InlineData("bad/empty.txt", ".ofd", "PA201", "empty")]
    [InlineData("forms/yichun-2023.docx", ".ofd", "PA224", "no OFD.xml")]
    [InlineData("bad/junk.txt", ".doc", "PA220", "not a Word document")]
    [InlineData("bad/junk.txt", ".wps", "PA220", "WPS Office")]
    [InlineData("bad/truncated.pdf", ".doc", "PA220", "PDF")]
    [InlineData("bad/empty.txt", ".doc", "PA201", "empty")]
    public void A_file_that_is_not_what_its_name_says_is_refused_with_a_code(string fixture, string extension, string code, string why)
    {
        var bytes = File.ReadAllBytes(Path.Combine(ReadFixtures.RepoRoot, "tests", "fixtures", "read", fixture));
        var e = Assert.Throws<DocumentReadException>(() => ReaderFor(extension).Read(bytes, "x" + extension));
        Assert.Equal(code, e.Code);
        Assert.Contains(why, e.Message);
    }
}
