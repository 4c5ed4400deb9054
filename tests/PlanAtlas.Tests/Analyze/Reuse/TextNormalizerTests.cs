using PlanAtlas.Analyze.Reuse;

namespace PlanAtlas.Tests.Analyze.Reuse;

public sealed class TextNormalizerTests
{
    [Fact]
    public void The_fast_path_gives_what_nfkc_and_the_filter_give()
    {
        // Chinese, ASCII, CJK and full-width punctuation, full-width letters and digits, circled numbers, combining marks, kana.
        const string pool = "安全生产燃气整治abcXYZ019 ,.;:!?()\n\t，。、；：！？（）《》“”‘’【】—…·ＡＢｃ０１２①②③\u0301\u3099かがカ\uFF76\uFF9E㎞℃Ⅻⅻ\u3000\u00A0";
        var random = new Random(11);
        for (var n = 0; n < 20000; n++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => pool[random.Next(pool.Length)]).ToArray());
            Assert.Equal(TextNormalizer.Full(text), TextNormalizer.Normalize(text));
        }
        foreach (var item in SamplePlans.All.SelectMany(p => p.Items))
            Assert.Equal(TextNormalizer.Full(item.Text), TextNormalizer.Normalize(item.Text));
    }

    [Fact]
    public void Punctuation_and_case_differences_disappear()
    {
        Assert.Equal(TextNormalizer.Normalize("加强燃气安全（试行），ABC１２"), TextNormalizer.Normalize("加强燃气安全(试行), abc12"));
        Assert.Equal("加强燃气安全试行abc12", TextNormalizer.Normalize("加强燃气安全（试行），ABC１２"));
    }
}
