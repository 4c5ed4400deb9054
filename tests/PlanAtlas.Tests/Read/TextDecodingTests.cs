using System.Text;
using PlanAtlas.Read;

namespace PlanAtlas.Tests.Read;

public class TextDecodingTests
{
    private const string Sample = "一、加强安全生产责任落实\n（一）压实党政领导责任。各地要落实“党政同责、一岗双责”。\n";

    static TextDecodingTests() => TextDecoding.EnsureCodePages();

    public static TheoryData<string, byte[]> Encoded => new()
    {
        { "utf-8", Encoding.UTF8.GetBytes(Sample) },
        { "utf-8-bom", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Sample)] },
        { "utf-16le", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Sample)] },
        { "utf-16be", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Sample)] },
        // Without a byte-order mark, the ASCII of a real plan (line breaks, numbers, years) tells the byte order.
        { "utf-16le", Encoding.Unicode.GetBytes(Sample + "2023年重点工作\n1.压实责任。\n2.强化执法。\n") },
        { "utf-16be", Encoding.BigEndianUnicode.GetBytes(Sample + "2023年重点工作\n1.压实责任。\n2.强化执法。\n") },
        { "gb18030", Encoding.GetEncoding("GBK").GetBytes(Sample) },
        { "gb18030", Encoding.GetEncoding("GB18030").GetBytes(Sample + "䶮𠀀\n") },
    };

    [Theory]
    [MemberData(nameof(Encoded))]
    public void Detects_and_records_the_encoding(string expected, byte[] bytes)
    {
        var (text, encoding) = TextDecoding.Decode(bytes, "x.txt");
        Assert.Equal(expected, encoding);
        Assert.StartsWith(Sample, text);
    }

    [Fact]
    public void An_empty_file_is_PA201() =>
        Assert.Equal("PA201", Assert.Throws<DocumentReadException>(() => TextDecoding.Decode([], "x.txt")).Code);

    [Fact]
    public void Random_bytes_are_refused_as_binary_or_unknown()
    {
        var e = Assert.Throws<DocumentReadException>(() => TextDecoding.Decode(ReadFixtures.BadFile("junk.txt"), "junk.txt"));
        Assert.Contains(e.Code, new[] { "PA203", "PA204" });
    }

    [Fact]
    public void A_pdf_with_a_text_name_is_named_for_what_it_is()
    {
        var e = Assert.Throws<DocumentReadException>(() => TextDecoding.Decode(ReadFixtures.Form("yichun-2023.pdf"), "x.txt"));
        Assert.Equal("PA204", e.Code);
        Assert.Contains("PDF", e.Message);
    }

    [Fact]
    public void A_nul_byte_in_utf8_text_is_binary_with_its_line()
    {
        var e = Assert.Throws<DocumentReadException>(() => TextDecoding.Decode(Encoding.UTF8.GetBytes("第一行\n第二行\0\n"), "x.txt"));
        Assert.Equal("PA204", e.Code);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void A_bom_that_lies_is_PA202()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.GetEncoding("GBK").GetBytes(Sample)];
        Assert.Equal("PA202", Assert.Throws<DocumentReadException>(() => TextDecoding.Decode(bytes, "x.txt")).Code);
    }

    [Fact]
    public void Latin1_text_is_not_taken_for_chinese()
    {
        var bytes = Encoding.Latin1.GetBytes("Caf\u00e9 r\u00e9sum\u00e9 na\u00efve, \u00e0 la fa\u00e7on de l'\u00e9t\u00e9.\n");
        var e = Assert.Throws<DocumentReadException>(() => TextDecoding.Decode(bytes, "x.txt"));
        Assert.Equal("PA203", e.Code);
    }

    [Fact]
    public void Text_reader_keeps_every_line_with_its_number()
    {
        var document = new TextDocumentReader().Read(Encoding.GetEncoding("GBK").GetBytes(Sample), "plan.txt");
        Assert.Equal("gb18030", document.Encoding);
        Assert.Equal([(1, "一、加强安全生产责任落实"), (2, "（一）压实党政领导责任。各地要落实“党政同责、一岗双责”。")],
            document.Blocks.OfType<PlanAtlas.Model.ParagraphBlock>().Select(b => (b.Line, b.Text)));
    }
}
