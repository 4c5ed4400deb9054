using PlanAtlas.Model;
using PlanAtlas.Read;
using PlanAtlas.Read.Pdf;

namespace PlanAtlas.Tests.Read;

/// <summary>
/// The layout steps on pages built by hand (words and rules where a PDF would put them, in points from the top-left),
/// one behaviour each; the printed fixtures (<see cref="PrintedPdfTests"/>) check them together on real files.
/// </summary>
public class PdfLayoutTests
{
    private const double Em = 12, Pitch = 18, Width = 595, Height = 842;

    /// <summary>A word of Chinese text at a line's position: one em per character.</summary>
    private static PageWord Word(string text, double left, double line) =>
        new(text, left, 60 + line * Pitch, left + text.Length * Em, 60 + line * Pitch + Em);

    private static PageText Page(int number, IEnumerable<PageWord> words, IEnumerable<PageRule>? rules = null) =>
        new(number, Width, Height, [.. words], [.. rules ?? []]);

    private static List<string> Paragraphs(params PageText[] pages) =>
        PdfLayout.Blocks(pages).OfType<ParagraphBlock>().Select(b => b.Text).ToList();

    [Fact]
    public void Two_columns_are_read_left_column_first_and_a_line_across_both_stays_where_it_is()
    {
        var left = 60.0; var right = 320.0;
        List<PageWord> words = [Word("浙江省安全生产工作综述标题居中横跨两栏", 180, 0)];
        for (var i = 0; i < 8; i++)
        {
            words.Add(Word(i == 7 ? "左栏结束。" : "左栏正文第" + "一二三四五六七八"[i] + "行文字内容", left, 2 + i));
            words.Add(Word(i == 7 ? "右栏结束。" : "右栏正文第" + "一二三四五六七八"[i] + "行文字内容", right, 2 + i));
        }
        var text = Paragraphs(Page(1, words));
        Assert.Equal("浙江省安全生产工作综述标题居中横跨两栏", text[0]);
        Assert.StartsWith("左栏正文第一行", text[1]);
        Assert.EndsWith("左栏结束。", text[1]);
        Assert.StartsWith("右栏正文第一行", text[2]);
    }

    [Fact]
    public void A_word_holding_a_left_line_end_and_a_right_line_start_is_cut_at_the_gutter()
    {
        List<PageWord> lines = [];
        for (var i = 0; i < 6; i++) lines.AddRange([Word("左栏的文字一二三四五六七八九十", 60, i), Word("右栏的文字一二三四五六七八九十", 320, i)]);
        // The text layer ran the end of a left line and the start of the right one into one word, the gutter inside it.
        var joined = new PageWord("左栏末尾句号。右栏开头的字", 60, 60 + 6 * Pitch, 320 + 6 * Em, 60 + 6 * Pitch + Em);
        var split = ColumnOrder.SplitAtGutter([joined], 300, Em);
        Assert.Equal(["左栏末尾句号。", "右栏开头的字"], split.Select(w => w.Text));
        Assert.True(split[1].Left >= 300);
    }

    [Fact]
    public void A_centred_title_across_the_gutter_stays_whole()
    {
        var title = Word("一个居中的标题", 260, 0);
        Assert.Single(ColumnOrder.SplitAtGutter([title], 300, Em));
    }

    [Fact]
    public void An_item_at_the_top_of_a_page_starts_a_paragraph_even_after_a_line_that_ran_to_the_margin()
    {
        // A printed web page: no indents, paragraphs apart by a gap; the last line of page 1 is full.
        var full = "满行文字满行文字满行文字满行文字满行文字满行文字满行文字满行文字满行文字满行";
        var page1 = Page(1, [Word(full, 40, 0), Word("段落结束。", 40, 1), Word(full, 40, 3), Word(full, 40, 4), Word(full, 40, 6), Word(full, 40, 7)]);
        var page2 = Page(2, [Word("（十九）燃气安全专项整治。", 40, 0), Word("段落结束。", 40, 1)]);
        var text = Paragraphs(page1, page2);
        Assert.Equal("（十九）燃气安全专项整治。段落结束。", text[^1]);
    }

    [Fact]
    public void Inside_a_paragraph_of_a_spaced_page_a_line_that_ends_early_is_only_line_breaking()
    {
        var full = "满行文字满行文字满行文字满行文字满行文字满行文字满行文字满行文字满行文字满行";
        // The second line ends two characters early: a closing quote may not start a line.
        var page = Page(1, [Word(full, 40, 0), Word(full[..^2], 40, 1), Word("”的要求。", 40, 2),
            Word(full, 40, 4), Word("第二段。", 40, 5), Word(full, 40, 7), Word("第三段。", 40, 8)]);
        var text = Paragraphs(page);
        Assert.Equal([full + full[..^2] + "”的要求。", full + "第二段。", full + "第三段。"], text);
    }

    [Theory]
    [InlineData("12/7/26, 2:32 AM", true)]
    [InlineData("2026/12/7 14:05", true)]
    [InlineData("file:///tmp/pingtan-2023.html", true)]
    [InlineData("https://www.yichun.gov.cn/art/2023/3/1/art_1.html", true)]
    [InlineData("2023年2月27日", false)]
    [InlineData("宜春市安全生产委员会文件", false)]
    public void What_a_browser_prints_around_a_page_is_recognised(string line, bool isStamp) =>
        Assert.Equal(isStamp, PageFurniture.IsBrowserStamp(line));

    [Fact]
    public void A_ruled_table_is_read_as_rows_of_cells_with_merged_cells_in_their_first_row()
    {
        // 序号 | 任务 | 主要内容: task 1 has two parts, its number and name merged over both.
        double[] xs = [40, 80, 200, 560];
        double[] ys = [100, 130, 190, 250];
        var rules = new List<PageRule>();
        foreach (var x in xs) rules.Add(new PageRule(x, ys[0], x, ys[^1]));
        rules.Add(new PageRule(xs[0], ys[0], xs[^1], ys[0]));
        rules.Add(new PageRule(xs[0], ys[1], xs[^1], ys[1]));
        rules.Add(new PageRule(xs[2], ys[2], xs[^1], ys[2])); // no border under 序号 and 任务: merged
        rules.Add(new PageRule(xs[0], ys[3], xs[^1], ys[3]));
        PageWord At(string text, double left, double top) => new(text, left, top, left + text.Length * Em, top + Em);
        var words = new List<PageWord>
        {
            At("序号", 45, 108), At("任务", 120, 108), At("主要内容", 300, 108),
            At("1", 50, 140), At("压实责任", 90, 140),
            At("第一部分的内容很长很长，", 205, 140), At("折到第二行。", 205, 158),
            At("第二部分的内容。", 205, 200),
        };
        var table = Assert.Single(PdfLayout.Blocks([Page(1, words, rules)]).OfType<TableBlock>());
        Assert.Equal([["序号", "任务", "主要内容"], ["1", "压实责任", "第一部分的内容很长很长，折到第二行。"], ["", "", "第二部分的内容。"]],
            table.Rows.Select(r => r.ToArray()));
    }

    [Fact]
    public void A_table_row_cut_by_a_page_break_is_one_row_again()
    {
        double[] xs = [40, 80, 560];
        List<PageRule> Grid(double top, double bottom) =>
            [.. xs.Select(x => new PageRule(x, top, x, bottom)), new PageRule(xs[0], top, xs[^1], top), new PageRule(xs[0], bottom, xs[^1], bottom)];
        PageWord At(string text, double left, double top) => new(text, left, top, left + text.Length * Em, top + Em);
        var page1 = Page(1, [At("1", 50, 760), At("这一行的内容到页底还没有", 90, 760)], Grid(750, 790));
        var page2 = Page(2, [At("写完，在下一页接着写。", 90, 60)], Grid(50, 90));
        var table = Assert.Single(PdfLayout.Blocks([page1, page2]).OfType<TableBlock>());
        Assert.Equal([["1", "这一行的内容到页底还没有写完，在下一页接着写。"]], table.Rows.Select(r => r.ToArray()));
    }
}
