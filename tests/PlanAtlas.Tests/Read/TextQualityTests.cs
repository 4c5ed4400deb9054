using PlanAtlas.Model;
using PlanAtlas.Read;

namespace PlanAtlas.Tests.Read;

/// <summary>The quality gate (PA226): a document whose text is not readable Chinese is left out, whatever its reader.</summary>
public class TextQualityTests
{
    private const string Chinese = "一、压实安全生产责任。各地要认真落实党政同责、一岗双责，严格执行安全生产责任制，定期开展隐患排查治理，强化执法检查。";

    private static SourceDocument Document(string format, params string[] paragraphs) =>
        new("x." + format, format, null, paragraphs.Select((p, i) => (SourceBlock)new ParagraphBlock(i + 1, p)).ToList(),
            new Dictionary<string, string>(), "hash");

    [Fact]
    public void Chinese_text_with_some_latin_digits_and_punctuation_passes() =>
        Assert.Null(TextQuality.Problem(Document("pdf", Chinese, "（2023年2月27日，E-mail: safety@example.gov.cn，IE 9.0）", Chinese)));

    [Fact]
    public void A_latin_word_weighs_as_one_character_so_markup_in_a_short_plan_passes() =>
        // 31 Chinese characters against 57 ASCII letters, but only 12 words of them.
        Assert.Null(TextQuality.Problem(Document("txt", "某市<script>alert(1)</script>2023年安全生产工作要点",
            "一、总体要求<img src=x onerror=alert(2)>", "（一）加强领导。<a href=\"javascript:alert(3)\">点我</a>（市应急管理局负责）")));

    [Fact]
    public void A_short_text_is_too_short_to_judge() => Assert.Null(TextQuality.Problem(Document("txt", "Safety plan draft")));

    [Fact]
    public void Latin_letters_where_the_characters_should_be_are_mostly_not_chinese()
    {
        var problem = TextQuality.Problem(Document("pdf", "$%&'()*+%,-./0 12%+3456789%& '(: ;<= >?@ ABCD' EFGHIJKL(M+(NOPE Q4R abcdefg hijklmn opqrstu vwxyz"));
        Assert.NotNull(problem);
        Assert.Contains("Chinese characters", problem);
        Assert.Contains("Export the PDF again with fonts embedded, or save it as .docx", problem);
    }

    [Fact]
    public void Many_replacement_and_private_use_characters_are_unreadable()
    {
        var problem = TextQuality.Problem(Document("docx", Chinese + new string('\uFFFD', 3) + new string('\uE000', 3) + Chinese));
        Assert.NotNull(problem);
        Assert.Contains("stand for no text", problem);
        Assert.Contains("save it again as .docx", problem);
    }

    [Fact]
    public void Glyph_numbers_read_as_rare_characters_are_not_readable_chinese()
    {
        // What an Identity-H font without ToUnicode gives: code points that are glyph numbers, rare characters mostly.
        var problem = TextQuality.Problem(Document("pdf", "㌿䐹又⣔な潘⠆㍀さ☴䧫⍳㊱␨幍䖅冊⚒㝖㢭㴄㒏幍⌕㝖♿倢斴吾厒⟢⛼␙㝖⮼殊檺浤ⷐ䣒㪅䆡䳠佂⛼␙撑擫㐮㛜⋙㝤⋙㜯䭐変な"));
        Assert.NotNull(problem);
    }

    [Fact]
    public void A_table_of_garbage_counts_too()
    {
        var table = new TableBlock(1, [["序号", "任务"], ["1", new string('\uFFFD', 60)]]);
        var document = new SourceDocument("x.html", "html", null, [table], new Dictionary<string, string>(), "hash");
        Assert.Contains("Save it again as UTF-8", TextQuality.Problem(document));
    }

    [Theory]
    [InlineData("yichun-2023.no-tounicode.pdf")]  // LibreOffice's subset fonts, no ToUnicode: ASCII and control characters
    [InlineData("pingtan-2023.no-tounicode.pdf")] // Chromium's subset TrueType, no ToUnicode: glyph numbers as code points
    public void A_pdf_whose_fonts_map_glyphs_to_nothing_is_PA226_and_left_out(string name)
    {
        var diagnostics = new List<Diagnostic>();
        Assert.Null(InputReader.CreateDefault().ReadPlan(Path.Combine(ReadFixtures.Pdf, "bad"), name, diagnostics));
        var error = Assert.Single(diagnostics);
        Assert.Equal((Severity.Error, "PA226", "plans/" + name), (error.Severity, error.Code, error.File));
        Assert.Contains("fonts embedded", error.Message);
    }
}
