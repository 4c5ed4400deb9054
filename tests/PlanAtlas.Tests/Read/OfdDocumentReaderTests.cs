using System.IO.Compression;
using System.Text;
using PlanAtlas.Model;
using PlanAtlas.Read;

namespace PlanAtlas.Tests.Read;

public class OfdDocumentReaderTests
{
    private static readonly SourceDocument Fixture = new OfdDocumentReader().Read(ReadFixtures.Form("yichun-2023.ofd"), "yichun-2023.ofd");

    private const string Ns = "http://www.ofdspec.org/2016";

    [Fact]
    public void The_fixture_reads_as_its_text_without_page_numbers()
    {
        var original = ReadFixtures.NormalizedParagraphs(new TextDocumentReader().Read(
            File.ReadAllBytes(Path.Combine(ReadFixtures.SamplePlans, ReadFixtures.YichunSample)), ReadFixtures.YichunSample));
        Assert.Equal(original, ReadFixtures.NormalizedParagraphs(Fixture));
        Assert.DoesNotContain(Fixture.Lines, l => l.Trim().StartsWith('—'));
        Assert.Equal("ofd", Fixture.Format);
    }

    [Fact]
    public void DocInfo_is_container_metadata()
    {
        Assert.Equal("宜春市安委会关于印发宜春市2023年安全生产工作要点的通知", Fixture.ContainerMetadata["dc:title"]);
        Assert.Equal("宜春市安全生产委员会", Fixture.ContainerMetadata["dc:creator"]);
        Assert.Equal("2023-02-27", Fixture.ContainerMetadata["dcterms:created"]);
    }

    [Fact]
    public void Text_is_read_top_to_bottom_and_left_to_right_whatever_order_the_objects_come_in()
    {
        // Drawn bottom line first, the right half of the top line before its left half, one glyph a TextCode of its own.
        var page = Page(
            Text("20 60 100 10", 5, "0", "5", "g 3 5", "二、重点任务"),
            Text("40 40 100 10", 5, "0", "5", null, "总体要求"),
            Text("20 40 20 10", 5, "0", "5", "5 5", "一、"),
            """<ofd:TextObject ID="9" Boundary="0 0 210 297" Size="5"><ofd:TextCode X="20" Y="75">（</ofd:TextCode><ofd:TextCode X="25" Y="75">一</ofd:TextCode><ofd:TextCode X="30" Y="75">）目标</ofd:TextCode></ofd:TextObject>""");
        var document = Read(Package(page));
        Assert.Equal(["一、总体要求", "二、重点任务", "（一）目标"], document.Lines);
    }

    [Fact]
    public void The_objects_transform_places_and_scales_its_glyphs()
    {
        // Size 1 scaled five times by the CTM: a 5 mm glyph. The second object sits lower only through its CTM's offset.
        var page = Page(
            """<ofd:TextObject ID="1" Boundary="20 40 100 10" Size="1" CTM="5 0 0 5 0 0"><ofd:TextCode X="0" Y="1" DeltaX="g 3 1">一、目标</ofd:TextCode></ofd:TextObject>""",
            """<ofd:TextObject ID="2" Boundary="20 40 100 10" Size="1" CTM="5 0 0 5 0 20"><ofd:TextCode X="0" Y="1" DeltaX="g 3 1">二、措施</ofd:TextCode></ofd:TextObject>""",
            """<ofd:PageBlock ID="3"><ofd:TextObject ID="4" Boundary="20 40 100 10" Size="1" CTM="5 0 0 5 0 40"><ofd:TextCode X="0" Y="1">三、要求</ofd:TextCode></ofd:TextObject></ofd:PageBlock>""");
        Assert.Equal(["一、目标", "二、措施", "三、要求"], Read(Package(page)).Lines);
    }

    [Fact]
    public void Glyphs_placed_as_pdf_converters_place_them_join_their_line()
    {
        // One glyph an object, its boundary tight round it and a CTM (points to millimetres) whose offset cancels the
        // boundary's origin, the TextCode in the page's own point coordinates: 急 is drawn before 应, on the same baseline.
        const string ctm = "0.3528 0 0 0.3528 -100 100";
        var page = Page(
            $"""<ofd:TextObject ID="1" Boundary="105.6 176 5.6 5.6" Size="15.9" CTM="{ctm}"><ofd:TextCode X="298" Y="-280">急</ofd:TextCode></ofd:TextObject>""",
            $"""<ofd:TextObject ID="2" Boundary="100 176 5.6 5.6" Size="15.9" CTM="{ctm}"><ofd:TextCode X="298" Y="-280">应</ofd:TextCode></ofd:TextObject>""",
            $"""<ofd:TextObject ID="3" Boundary="100 186 5.6 5.6" Size="15.9" CTM="{ctm}"><ofd:TextCode X="298" Y="-280">管</ofd:TextCode></ofd:TextObject>""");
        Assert.Equal(["应急管"], Read(Package(page)).Lines);
    }

    [Fact]
    public void Template_pages_images_and_paths_are_not_text()
    {
        var page = Page(
            Text("20 40 100 10", 5, "0", "5", null, "一、总体要求"),
            """<ofd:ImageObject ID="5" Boundary="120 230 42 42" ResourceID="9"/>""",
            """<ofd:PathObject ID="6" Boundary="20 50 156 1"><ofd:AbbreviatedData>M 0 0 L 156 0</ofd:AbbreviatedData></ofd:PathObject>""");
        var template = Page(Text("20 20 100 10", 5, "0", "5", null, "模板上的文字"));
        var bytes = Package(page, document: $"""
            <ofd:Document xmlns:ofd="{Ns}"><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:TemplatePage ID="7" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData><ofd:Pages><ofd:Page ID="8" BaseLoc="/Doc_0/Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>
            """, extra: ("Doc_0/Tpls/Tpl_0/Content.xml", template));
        Assert.Equal(["一、总体要求"], Read(bytes).Lines);
    }

    [Theory]
    [InlineData("g 3 5.6 2.1", new[] { 5.6, 5.6, 5.6, 2.1 })]
    [InlineData("1 2.5 g 2 3", new[] { 1, 2.5, 3, 3 })]
    [InlineData("", new double[0])]
    [InlineData("x g", new double[0])]
    public void DeltaX_shorthand_expands(string text, double[] expected) => Assert.Equal(expected, OfdPageText.Deltas(text));

    [Theory]
    [InlineData("Doc_0/Pages/Page_0", "Content.xml", "Doc_0/Pages/Page_0/Content.xml")]
    [InlineData("Doc_0", "/Doc_0/Pages/Page_0/Content.xml", "Doc_0/Pages/Page_0/Content.xml")]
    [InlineData("Doc_0/Pages", "../Res/./x.xml", "Doc_0/Res/x.xml")]
    public void Locations_resolve_inside_the_package(string folder, string location, string expected) =>
        Assert.Equal(expected, OfdPackage.Resolve(folder, location));

    [Fact]
    public void A_location_that_climbs_out_of_the_package_is_refused()
    {
        var e = Assert.Throws<DocumentReadException>(() => Read(Package(Page(), root: "../../etc/passwd")));
        Assert.Equal("PA224", e.Code);
        Assert.Contains("outside the package", e.Message);
    }

    [Fact]
    public void A_document_type_definition_is_refused_not_expanded()
    {
        var page = $"""<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><ofd:Page xmlns:ofd="{Ns}"><ofd:Content><ofd:Layer ID="1">&b;</ofd:Layer></ofd:Content></ofd:Page>""";
        var e = Assert.Throws<DocumentReadException>(() => Read(Package(page)));
        Assert.Equal("PA224", e.Code);
        Assert.Contains("not well-formed", e.Message);
    }

    [Fact]
    public void A_part_that_inflates_beyond_its_limit_is_refused()
    {
        // 65 MB of spaces compress to a few tens of KB: under the archive's 200 MB, over one part's 64 MB.
        var page = Page(Text("20 40 100 10", 5, "0", "5", null, "一、总体要求")).Replace("<ofd:Content>", "<ofd:Content>" + new string(' ', 65 * 1024 * 1024));
        var e = Assert.Throws<DocumentReadException>(() => Read(Package(page)));
        Assert.Equal("PA224", e.Code);
        Assert.Contains("zip bomb", e.Message);
    }

    [Fact]
    public void Pages_without_text_are_a_scan_not_an_empty_plan()
    {
        var e = Assert.Throws<DocumentReadException>(() => Read(Package(Page("""<ofd:ImageObject ID="5" Boundary="0 0 210 297" ResourceID="9"/>"""))));
        Assert.Equal("PA225", e.Code);
    }

    private static SourceDocument Read(byte[] bytes) => new OfdDocumentReader().Read(bytes, "test.ofd");

    private static string Text(string boundary, double size, string x, string y, string? deltaX, string text) =>
        $"""<ofd:TextObject ID="1" Boundary="{boundary}" Size="{size}"><ofd:TextCode X="{x}" Y="{y}"{(deltaX is null ? "" : $" DeltaX=\"{deltaX}\"")}>{text}</ofd:TextCode></ofd:TextObject>""";

    private static string Page(params string[] objects) =>
        $"""<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{Ns}"><ofd:Content><ofd:Layer ID="1" Type="Body">{string.Concat(objects)}</ofd:Layer></ofd:Content></ofd:Page>""";

    /// <summary>A one-page OFD: OFD.xml, Doc_0/Document.xml and Doc_0/Pages/Page_0/Content.xml.</summary>
    private static byte[] Package(string page, string root = "Doc_0/Document.xml", string? document = null, (string Name, string Xml)? extra = null)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string xml)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                w.Write(xml);
            }
            Add("OFD.xml", $"""<ofd:OFD xmlns:ofd="{Ns}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:Title>测试</ofd:Title></ofd:DocInfo><ofd:DocRoot>{root}</ofd:DocRoot></ofd:DocBody></ofd:OFD>""");
            Add("Doc_0/Document.xml", document ?? $"""<ofd:Document xmlns:ofd="{Ns}"><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID="2" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>""");
            Add("Doc_0/Pages/Page_0/Content.xml", page);
            if (extra is { } e) Add(e.Name, e.Xml);
        }
        return stream.ToArray();
    }
}
