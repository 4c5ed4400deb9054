using PlanAtlas.Bench;
using PlanAtlas.Index;
using PlanAtlas.Model;
using PlanAtlas.Parse;
using PlanAtlas.Parse.Regions;
using PlanAtlas.Read;
using PlanAtlas.Render;

namespace PlanAtlas.Tests.Index;

public sealed class SearchIndexTests(SampleIndex sample) : IClassFixture<SampleIndex>
{
    private List<string> Texts() => Enumerable.Range(0, sample.Reader.Documents).Select(n => SearchText.Normalize(sample.Reader.Text(n))).ToList();

    [Theory]
    [InlineData("打非治违", 3)]
    [InlineData("燃气", 3)]
    [InlineData("自建房", 3)]
    [InlineData("三管三必须", 1)]
    [InlineData("瓶装液化气", 1)]
    public void The_candidates_of_a_term_include_every_plan_that_contains_it(string term, int plans)
    {
        var texts = Texts();
        var exact = Enumerable.Range(0, sample.Reader.Plans).Where(n => texts[n].Contains(SearchText.Normalize(term))).ToHashSet();
        Assert.Equal(plans, exact.Count);
        Assert.Superset(exact, sample.Reader.Candidates(term).Where(n => n < sample.Reader.Plans).ToHashSet());
    }

    [Fact]
    public void Every_stretch_of_every_document_is_found_and_one_or_two_characters_are_found_exactly()
    {
        var texts = Texts();
        var checkedTerms = 0;
        for (var n = 0; n < texts.Count; n++)
            for (var at = 0; at < texts[n].Length; at += 29)
                foreach (var length in new[] { 1, 2, 3, 5, 8 })
                {
                    var term = new string(texts[n].AsSpan(at, Math.Min(length, texts[n].Length - at)));
                    if (term.Contains('\n') || char.IsSurrogate(term[^1])) continue;
                    var candidates = sample.Reader.Candidates(term);
                    Assert.Contains(n, candidates);
                    if (term.EnumerateRunes().Count() <= 2)
                        Assert.Equal(Enumerable.Range(0, texts.Count).Where(d => texts[d].Contains(term, StringComparison.Ordinal)).ToHashSet(), candidates.ToHashSet());
                    checkedTerms++;
                }
        Assert.True(checkedTerms > 2000, $"only {checkedTerms} terms checked");
    }

    [Fact]
    public void A_phrase_whose_pairs_occur_apart_is_a_candidate_but_not_contained()
    {
        // 加强 and 强化 occur in every sample plan, 加强化 in none: the search page drops such a candidate on reading its text.
        var candidates = sample.Reader.Candidates("加强化");
        Assert.NotEmpty(candidates);
        Assert.DoesNotContain(Texts(), t => t.Contains("加强化"));
    }

    [Fact]
    public void Plans_come_first_in_id_order_then_other_pages_but_not_compare_pages()
    {
        var urls = Enumerable.Range(0, sample.Reader.Documents).Select(n => sample.Reader.Document(n).GetProperty("url").GetString()).ToList();
        Assert.Equal(sample.Plans.Select(p => $"/plans/{p.Id}/").Order(StringComparer.Ordinal), urls.Take(sample.Reader.Plans));
        Assert.Equal(["/about/", "/regions/140000/"], urls.Skip(sample.Reader.Plans));
        Assert.Equal(sample.Count, urls.Count);
    }

    [Fact]
    public void A_plan_file_holds_its_facts_and_items_with_their_anchors()
    {
        var n = Enumerable.Range(0, sample.Reader.Plans).Single(d => sample.Reader.Document(d).GetProperty("url").GetString() == "/plans/141125-2023/");
        var doc = sample.Reader.Document(n);
        Assert.Equal("山西省 吕梁市 柳林县", doc.GetProperty("region").GetString());
        Assert.Equal("2023", doc.GetProperty("year").GetString());
        var plan = sample.Plans.Single(p => p.Id == "141125-2023");
        var items = doc.GetProperty("items").EnumerateArray().Select(i => i[0].GetString()).ToList();
        Assert.Equal(plan.Items.Where(i => !string.IsNullOrWhiteSpace(i.Text)).Select(i => i.Id), items);
    }

    [Fact]
    public void The_index_is_byte_identical_when_written_twice()
    {
        using var temp = RepoPaths.NewTemp();
        foreach (var site in new[] { temp["a"], temp["b"] })
        {
            SampleIndex.WritePages(site);
            sample.Write(site);
        }
        var a = RepoPaths.Snapshot(Path.Combine(temp["a"], "search", "index"));
        Assert.True(a.Count > 20);
        Assert.Equal(a, RepoPaths.Snapshot(Path.Combine(temp["b"], "search", "index")));
    }

    [Fact]
    public void Filters_keep_the_plans_with_that_value()
    {
        var reader = sample.Reader;
        var docs = Enumerable.Range(0, reader.Plans).Select(reader.Document).ToList();
        foreach (var (name, value, fact) in new[] { ("province", "山西省", "region"), ("year", "2023", "year"), ("level", "县级", "level") })
        {
            var kept = reader.Filter(name, value);
            var want = Enumerable.Range(0, reader.Plans).Where(n => docs[n].GetProperty(fact).GetString()!.Split(' ').Contains(value)).ToHashSet();
            Assert.NotEmpty(want);
            Assert.True(want.Count < reader.Plans, $"{name}={value} should narrow");
            Assert.Equal(want, kept.ToHashSet());
        }
        Assert.Empty(reader.Filter("province", "不存在省"));
    }

    [Fact]
    public void The_theme_filter_is_a_file_per_theme_listing_the_plans_it_tags()
    {
        var reader = sample.Reader;
        var theme = reader.Table.GetProperty("facets").GetProperty("theme");
        Assert.True(theme.GetProperty("sets").GetBoolean());
        Assert.False(theme.TryGetProperty("of", out _));
        var liulin = Enumerable.Range(0, reader.Plans).Single(n => reader.Document(n).GetProperty("url").GetString() == "/plans/141125-2023/");
        var ezhou = Enumerable.Range(0, reader.Plans).Single(n => reader.Document(n).GetProperty("url").GetString() == "/plans/420700-2018/");
        Assert.Contains(liulin, reader.Filter("theme", "燃气安全"));
        Assert.Contains(liulin, reader.Filter("theme", "打非治违"));
        // Only themes that tag an item of the plan: the 2018 Ezhou plan says nothing of self-built housing.
        Assert.DoesNotContain(ezhou, reader.Filter("theme", "自建房安全"));
        Assert.All(Directory.GetFiles(Path.Combine(sample.Site, "search", "index", "f")), f => Assert.StartsWith("theme-", Path.GetFileName(f)));
    }

    [Fact]
    public void Shards_stay_within_their_limit_on_a_synthetic_corpus()
    {
        using var temp = RepoPaths.NewTemp();
        new CorpusGenerator(RepoPaths.SampleInput).Generate(300, temp["in"]);
        var input = InputReader.CreateDefault().Read(temp["in"]);
        var parser = new PlanParser(Gazetteer.Default);
        var plans = PlanIds.Assign(input.Documents.Select(d => parser.Parse(d, input.Manifest.GetValueOrDefault(d.SourceFile))));
        Assert.Equal(300, new SearchIndexer(SampleIndex.Strings).Write(plans, new OutputFolder(temp["site"])));

        var root = Path.Combine(temp["site"], "search", "index");
        var reader = new IndexReader(root);
        var shards = Directory.GetFiles(Path.Combine(root, "k")).Select(IndexFiles.Read).ToList();
        Assert.Equal(reader.Shards, shards.Count);
        Assert.True(shards.Count >= 10, $"{shards.Count} shards");
        // At 300 documents no key's postings come near the target, so the limit is twice the target.
        Assert.All(shards, s => Assert.InRange(s.Length, 1, 2 * ShardLayout.TargetBytes));
        Assert.True(shards.Sum(s => (long)s.Length) / shards.Count <= ShardLayout.TargetBytes);
    }
}
