using FsCheck.Xunit;
using PlanAtlas.Index;

namespace PlanAtlas.Tests.Index;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("ＰＭ２．５（细颗粒物）", "pm2.5(细颗粒物)")]
    [InlineData("三管三必须", "三管三必须")]
    [InlineData("GB/T 2260", "gb/t 2260")]
    [InlineData("㈠安全", "(一)安全")]
    public void Text_is_normalized_as_the_search_page_normalizes_it(string text, string normalized) =>
        Assert.Equal(normalized, SearchText.Normalize(text));

    [Fact]
    public void A_lone_surrogate_does_not_stop_normalization() =>
        Assert.Equal("a\uFFFDb", SearchText.Normalize("A\uD800B"));

    [Theory]
    [InlineData("  一、\n总体\t要求　 ", "一、 总体 要求")]
    [InlineData("三管三必须", "三管三必须")]
    [InlineData(" \n ", "")]
    public void Whitespace_is_folded(string text, string folded) => Assert.Equal(folded, SearchText.Fold(text));

    [Property]
    public bool Folding_is_splitting_on_whitespace_and_joining_with_one_space(string? text)
    {
        var expected = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return SearchText.Fold(text ?? "") == expected && SearchText.Fold(expected) == expected;
    }

    [Fact]
    public void A_text_already_folded_is_given_back_as_it_is()
    {
        const string text = "（一）深入开展打非治违 专项行动。";
        Assert.Same(text, SearchText.Fold(text));
    }

    [Property]
    public bool Keys_are_every_character_and_every_adjacent_pair_with_their_counts(string? text)
    {
        var normalized = SearchText.Normalize(text ?? "");
        var points = normalized.EnumerateRunes().Select(r => r.Value).ToList();
        var expected = points.Select(p => TermKeys.Pack(p, 0))
            .Concat(points.Zip(points.Skip(1), (a, b) => TermKeys.Pack(a, b)))
            .GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        var counter = new KeyCounter();
        counter.Count("前一段文字"); // the counter is reused: nothing of an earlier text may remain
        counter.Count(normalized);
        var counted = Enumerable.Range(0, counter.Distinct).Select(i => counter[i]).ToDictionary(x => x.Key, x => x.Count);
        return counted.Count == expected.Count && expected.All(e => counted.GetValueOrDefault(e.Key) == e.Value);
    }

    [Fact]
    public void A_key_packs_two_code_points()
    {
        var key = TermKeys.Pack(0x20000, '安');
        Assert.Equal(0x20000, TermKeys.First(key));
        Assert.Equal('安', TermKeys.Second(key));
    }
}
