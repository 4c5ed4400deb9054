using FsCheck;
using FsCheck.Fluent;
using PlanAtlas.Analyze;
using PlanAtlas.Analyze.Themes;
using PlanAtlas.Model;
using PlanAtlas.Render.Themes;

namespace PlanAtlas.Tests.Analyze;

public sealed class ThemeTaggerTests
{
    private static readonly ThemeTaxonomy Taxonomy = new([
        new Theme("crackdown", "打非治违", "", "", ["打非治违", "打非", "非法违法"], []),
        new Theme("gas", "燃气安全", "", "", ["燃气", "液化石油气"], ["可燃气体"]),
        new Theme("fire", "消防", "", "", ["消防", "火灾"], ["森林火灾"]),
        new Theme("disaster", "自然灾害", "", "", ["森林火灾", "防汛"], []),
    ]);

    private static readonly ThemeTagger Tagger = new(Taxonomy);

    [Fact]
    public void Each_tag_keeps_the_matched_words_and_where_they_are()
    {
        const string text = "深入开展打非治违专项行动，加强城镇燃气和液化石油气安全监管。";
        var tags = Tagger.Tag(text);
        Assert.Equal(["crackdown", "gas"], tags.Select(t => t.ThemeId));
        var crackdown = Assert.Single(tags[0].Evidence); // 打非 inside 打非治违 is not a second piece of evidence
        Assert.Equal(("打非治违", 4, 4), (crackdown.Term, crackdown.Start, crackdown.Length));
        Assert.Equal(["燃气", "液化石油气"], tags[1].Evidence.Select(e => e.Term));
        Assert.All(tags.SelectMany(t => t.Evidence), e => Assert.Equal(e.Term, text.Substring(e.Start, e.Length)));
    }

    [Fact]
    public void An_exclusion_cancels_the_signal_it_overlaps_but_not_the_others()
    {
        Assert.Equal(["disaster"], Tagger.Tag("严防森林火灾。").Select(t => t.ThemeId));
        Assert.Equal(["fire", "disaster"], Tagger.Tag("严防森林火灾和城市火灾。").Select(t => t.ThemeId));
        Assert.Empty(Tagger.Tag("安装可燃气体报警装置。"));
        Assert.Equal(["gas"], Tagger.Tag("餐饮场所使用燃气的，安装可燃气体报警装置。").Select(t => t.ThemeId));
    }

    [Fact]
    public void An_empty_taxonomy_tags_nothing() => Assert.Empty(new ThemeTagger(ThemeTaxonomy.Empty).Tag("燃气"));

    [Fact]
    public void Evidence_is_marked_after_escaping_so_input_never_becomes_markup()
    {
        const string text = "<script>燃气</script>&燃气";
        var html = EvidenceHtml.Mark(text, Tagger.Tag(text).SelectMany(t => t.Evidence));
        Assert.Equal("&lt;script&gt;<mark>燃气</mark>&lt;/script&gt;&amp;<mark>燃气</mark>", html);
    }

    [Fact]
    public void Overlapping_evidence_becomes_one_mark() =>
        Assert.Equal("<mark>打非治违</mark>", EvidenceHtml.Mark("打非治违", [new ThemeEvidence("打非", 0, 2), new ThemeEvidence("打非治违", 0, 4)]));

    [Fact]
    public void The_matcher_finds_exactly_what_a_naive_search_finds()
    {
        var alphabet = Gen.Elements('燃', '气', '火', '灾', '森', '林');
        var words = Gen.ListOf(Gen.ArrayOf(alphabet).Where(a => a.Length is > 0 and < 4).Select(a => new string(a)));
        var texts = Gen.ArrayOf(alphabet).Select(a => new string(a));
        Prop.ForAll(words.ToArbitrary(), texts.ToArbitrary(), (terms, text) =>
        {
            var list = terms.Distinct().ToList();
            var found = new TermMatcher(list).Matches(text).Select(m => (m.Term, m.Start)).OrderBy(x => x).ToList();
            var naive = list.SelectMany((t, i) => Enumerable.Range(0, Math.Max(0, text.Length - t.Length + 1))
                .Where(s => string.CompareOrdinal(text, s, t, 0, t.Length) == 0).Select(s => (i, s))).OrderBy(x => x).ToList();
            return found.SequenceEqual(naive);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_analysis_memo_gives_back_each_tags_strength_with_its_evidence()
    {
        // 打非治违 in a later sentence is a mention, 燃气 in the heading a subject (taxonomy order): both come back as they were.
        var tags = Tagger.Tag("（八）强化燃气整治。全面整治餐饮场所燃气使用隐患，推广安装报警装置。开展打非治违。");
        Assert.Equal([ThemeStrength.Mention, ThemeStrength.Subject], tags.Select(t => t.Strength));
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream)) Tagger.Write(writer, tags);
        var reader = new MemoReader(stream.ToArray());
        var back = Tagger.Read(ref reader);
        Assert.True(reader.AtEnd);
        Assert.Equal(tags.Select(t => (t.ThemeId, t.Strength, string.Join(",", t.Evidence))), back.Select(t => (t.ThemeId, t.Strength, string.Join(",", t.Evidence))));
    }
}
