using PlanAtlas.Model;
using PlanAtlas.Render;
using PlanAtlas.Render.Compare;
using PlanAtlas.Render.Themes;
using PlanAtlas.Render.Views;
using PlanAtlas.Tests.Analyze.Reuse;

namespace PlanAtlas.Tests.Render;

/// <summary>
/// A plan page and a compare page are kept in an incremental build when their input fingerprints are unchanged, before
/// their models are built: each input a page shows must change its fingerprint (else the page goes stale), and what a
/// page does not show should not (else an edit of one plan renders every page that mentions it).
/// </summary>
public sealed class PlanPageInputsTests
{
    private static readonly TemplateEngine Engine =
        new(new ThemeFiles(RepoPaths.Theme, null), new SiteUrls("/"), new UiStrings("zh-CN:\n  a: 甲\n", "zh-CN"), new { Title = "t" });

    /// <summary>Plan a, its peer b (in the text group) and its peer c (in the themes group; c's first item is the counterpart of a's).</summary>
    private sealed record Corpus(Plan A, Plan B, Plan C, PeerAnalysis Analysis)
    {
        public static Corpus Default()
        {
            var a = Keyed(TestPlans.Texts("a", 2020, "420700", "加强危险化学品安全监管。", "开展隐患排查治理。"));
            var b = Keyed(TestPlans.Texts("b", 2021, "420700", "强化消防安全。"));
            var c = Keyed(TestPlans.Texts("c", 2019, "141125", "加强危险化学品安全监管工作。", "无关事项。"));
            var seeAlso = new Dictionary<ItemKey, IReadOnlyList<ItemMatch>>
            {
                [new("a", "i1")] = [new ItemMatch(new("c", "i1"), 0.9, true)],
            };
            var groups = new Dictionary<string, IReadOnlyList<PeerGroup>>
            {
                ["a"] = [new PeerGroup(PeerGroupKind.SimilarText, [new Peer("b", 0.4)]), new PeerGroup(PeerGroupKind.SimilarThemes, [new Peer("c", 0.3)])],
            };
            var analysis = PeerAnalysis.Empty with { SeeAlso = seeAlso, PeerGroups = groups };
            return new Corpus(a, b, c, analysis with { ThemeProfiles = Profiles(("a", "fire", 0.5), ("b", "fire", 0.25)) });
        }

        public (string? Plan, string? Compare) Fingerprints(ThemeProfileModel? profile = null)
        {
            var plans = new[] { A, B, C };
            var urls = new SiteUrls("/");
            var strings = new UiStrings("zh-CN:\n  a: 甲\n", "zh-CN");
            var rows = plans.ToDictionary(p => p.Id, p => PlanRow.From(p, urls, strings));
            var inputs = new PlanPageInputs(Engine, new ItemLinks(plans, urls), rows, Analysis);
            return (inputs.PlanPage(A, profile), inputs.ComparePage(A));
        }
    }

    private static Plan Keyed(Plan plan) => plan with { ContentKey = plan.Id + "-v1" };

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Profiles(params (string Plan, string Theme, double Share)[] shares) =>
        shares.GroupBy(s => s.Plan).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, double>)g.ToDictionary(s => s.Theme, s => s.Share));

    private static Plan Retitled(Plan plan, string title) =>
        plan with { Metadata = plan.Metadata with { Title = new Sourced<string>(title, Provenance.Manifest) }, ContentKey = plan.Id + "-v2" };

    private static Plan Reworded(Plan plan, int index, string text) =>
        plan with { Items = plan.Items.Select((item, i) => i == index ? item with { Text = text } : item).ToList(), ContentKey = plan.Id + "-v2" };

    [Fact]
    public void The_same_inputs_give_the_same_fingerprints()
    {
        var first = Corpus.Default().Fingerprints();
        Assert.NotNull(first.Plan);
        Assert.NotNull(first.Compare);
        Assert.Equal(first, Corpus.Default().Fingerprints());
        Assert.NotEqual(first.Plan, first.Compare);
    }

    [Fact]
    public void The_plan_itself_changes_both_pages()
    {
        var before = Corpus.Default();
        var after = before with { A = before.A with { ContentKey = "a-v2" } };
        var (plan, compare) = after.Fingerprints();
        Assert.NotEqual(before.Fingerprints().Plan, plan);
        Assert.NotEqual(before.Fingerprints().Compare, compare);
    }

    [Fact]
    public void A_peers_title_changes_the_compare_page_only()
    {
        var before = Corpus.Default();
        var after = before with { B = Retitled(before.B, "改名的计划") };
        Assert.NotEqual(before.Fingerprints().Compare, after.Fingerprints().Compare);
        Assert.Equal(before.Fingerprints().Plan, after.Fingerprints().Plan);
    }

    [Fact]
    public void A_peer_edited_where_the_page_does_not_show_it_keeps_both_pages()
    {
        var before = Corpus.Default();
        var after = before with { B = Reworded(before.B, 0, "强化消防安全工作。") };
        Assert.Equal(before.Fingerprints(), after.Fingerprints());
    }

    [Fact]
    public void A_peers_similarity_changes_the_compare_page()
    {
        var before = Corpus.Default();
        var after = before with
        {
            Analysis = before.Analysis with
            {
                PeerGroups = new Dictionary<string, IReadOnlyList<PeerGroup>>
                {
                    ["a"] = [new PeerGroup(PeerGroupKind.SimilarText, [new Peer("b", 0.41)]), new PeerGroup(PeerGroupKind.SimilarThemes, [new Peer("c", 0.3)])],
                },
            },
        };
        Assert.NotEqual(before.Fingerprints().Compare, after.Fingerprints().Compare);
    }

    [Fact]
    public void A_counterparts_text_and_its_plans_title_change_both_pages()
    {
        var before = Corpus.Default();
        foreach (var after in new[] { before with { C = Reworded(before.C, 0, "加强危险化学品安全监管执法。") }, before with { C = Retitled(before.C, "改名") } })
        {
            Assert.NotEqual(before.Fingerprints().Plan, after.Fingerprints().Plan);
            Assert.NotEqual(before.Fingerprints().Compare, after.Fingerprints().Compare);
        }
        // An item of c that no page of a shows.
        Assert.Equal(before.Fingerprints(), (before with { C = Reworded(before.C, 1, "另一件无关事项。") }).Fingerprints());
    }

    [Fact]
    public void A_matchs_score_or_reuse_changes_both_pages()
    {
        var before = Corpus.Default();
        foreach (var match in new[] { new ItemMatch(new("c", "i1"), 0.8, true), new ItemMatch(new("c", "i1"), 0.9, false), new ItemMatch(new("c", "i2"), 0.9, true) })
        {
            var after = before with
            {
                Analysis = before.Analysis with { SeeAlso = new Dictionary<ItemKey, IReadOnlyList<ItemMatch>> { [new("a", "i1")] = [match] } },
            };
            Assert.NotEqual(before.Fingerprints().Plan, after.Fingerprints().Plan);
            Assert.NotEqual(before.Fingerprints().Compare, after.Fingerprints().Compare);
        }
    }

    [Fact]
    public void A_score_that_prints_the_same_keeps_both_pages()
    {
        var before = Corpus.Default();
        var after = before with
        {
            Analysis = before.Analysis with { SeeAlso = new Dictionary<ItemKey, IReadOnlyList<ItemMatch>> { [new("a", "i1")] = [new ItemMatch(new("c", "i1"), 0.9004, true)] } },
        };
        Assert.Equal(before.Fingerprints(), after.Fingerprints());
    }

    [Fact]
    public void A_match_in_a_plan_that_is_no_peer_changes_the_plan_page_only()
    {
        var before = Corpus.Default();
        var after = before with
        {
            Analysis = before.Analysis with
            {
                PeerGroups = new Dictionary<string, IReadOnlyList<PeerGroup>> { ["a"] = [new PeerGroup(PeerGroupKind.SimilarText, [new Peer("b", 0.4)])] },
            },
        };
        var reworded = after with { C = Reworded(after.C, 0, "加强危险化学品安全监管执法。") };
        Assert.NotEqual(after.Fingerprints().Plan, reworded.Fingerprints().Plan);
        Assert.Equal(after.Fingerprints().Compare, reworded.Fingerprints().Compare);
    }

    [Fact]
    public void A_theme_profile_of_the_plan_or_a_peer_changes_the_compare_page()
    {
        var before = Corpus.Default();
        foreach (var profiles in new[] { Profiles(("a", "fire", 0.5), ("b", "fire", 0.3)), Profiles(("a", "fire", 0.5), ("a", "mine", 0.1), ("b", "fire", 0.25)), Profiles(("a", "fire", 0.5)) })
        {
            var after = before with { Analysis = before.Analysis with { ThemeProfiles = profiles } };
            Assert.NotEqual(before.Fingerprints().Compare, after.Fingerprints().Compare);
        }
        Assert.NotEqual(before.Fingerprints().Compare, (before with { Analysis = before.Analysis with { ThemeProfiles = null } }).Fingerprints().Compare);
    }

    [Fact]
    public void The_plan_pages_theme_profile_changes_the_plan_page()
    {
        var corpus = Corpus.Default();
        var none = corpus.Fingerprints(null).Plan;
        var some = corpus.Fingerprints(Profile).Plan;
        var other = corpus.Fingerprints(Profile with { Rows = [Profile.Rows[0] with { ShareItems = "51%" }] }).Plan;
        Assert.Equal(3, new[] { none, some, other }.Distinct().Count());
    }

    private static readonly ThemeProfileModel Profile = new([new ThemeProfileRow("消防", "/themes/fire/", 2, "50%", "40%", 50)], 4);

    [Fact]
    public void Every_field_of_a_theme_profile_changes_its_digest()
    {
        var before = PlanPageInputs.Digest(Profile);
        foreach (var (field, changed) in EachFieldChanged(Profile.Rows[0]))
            Assert.False(before.SequenceEqual(PlanPageInputs.Digest(Profile with { Rows = [changed] })), $"ThemeProfileRow.{field} is not in the digest");
        Assert.False(before.SequenceEqual(PlanPageInputs.Digest(Profile with { AnalysedItems = 5 })));
        Assert.False(before.SequenceEqual(PlanPageInputs.Digest(Profile with { Rows = [.. Profile.Rows, Profile.Rows[0]] })));
        Assert.False(before.SequenceEqual(PlanPageInputs.Digest((ThemeProfileModel?)null)));
    }

    [Fact]
    public void A_cited_documents_page_changes_with_its_mentions_and_the_items_they_link()
    {
        var corpus = Corpus.Default();
        string? Citation(Corpus c, params Mention[] mentions)
        {
            var plans = new[] { c.A, c.B, c.C };
            var urls = new SiteUrls("/");
            var rows = plans.ToDictionary(p => p.Id, p => PlanRow.From(p, urls, new UiStrings("zh-CN:\n  a: 甲\n", "zh-CN")));
            return new PlanPageInputs(Engine, new ItemLinks(plans, urls), rows, c.Analysis).CitationPage(new CrossReference("《安全生产法》", mentions), "citations/x/", 1);
        }
        Mention M(string plan, string item, int? year = 2020, string written = "《安全生产法》") => new(new ItemKey(plan, item), year, written);

        var before = Citation(corpus, M("a", "i1"), M("c", "i1"));
        Assert.NotNull(before);
        Assert.Equal(before, Citation(corpus, M("a", "i1"), M("c", "i1")));
        Assert.NotEqual(before, Citation(corpus, M("a", "i1"), M("c", "i1", 2021)));
        Assert.NotEqual(before, Citation(corpus, M("a", "i1"), M("c", "i1", written: "《中华人民共和国安全生产法》")));
        Assert.NotEqual(before, Citation(corpus, M("a", "i1")));
        Assert.NotEqual(before, Citation(corpus with { A = Reworded(corpus.A, 0, "新的文字。") }, M("a", "i1"), M("c", "i1")));
        // The timeline shows one step: the second mention's text is not on the page, its year and wording are.
        Assert.Equal(before, Citation(corpus with { C = Reworded(corpus.C, 0, "新的文字。") }, M("a", "i1"), M("c", "i1")));
    }

    /// <summary>A copy of a positional record with one constructor argument changed (a string gets a suffix, a number 1 more).</summary>
    private static IEnumerable<(string Field, T Changed)> EachFieldChanged<T>(T record)
    {
        var constructor = typeof(T).GetConstructors().Single(c => c.GetParameters().Length > 1);
        var parameters = constructor.GetParameters();
        var values = parameters.Select(p => typeof(T).GetProperty(p.Name!, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase)!.GetValue(record)).ToArray();
        for (var i = 0; i < parameters.Length; i++)
        {
            var changed = (object?[])values.Clone();
            changed[i] = changed[i] switch
            {
                string text => text + "变",
                int number => number + 1,
                var other => throw new InvalidOperationException($"{typeof(T).Name}.{parameters[i].Name} is a {other?.GetType().Name}: teach this test (and PlanPageInputs.Digest) about it"),
            };
            yield return (parameters[i].Name!, (T)constructor.Invoke(changed));
        }
    }

    [Fact]
    public void Every_field_of_a_peer_row_and_of_an_item_link_changes_its_digest()
    {
        var row = PlanRow.From(Corpus.Default().A, new SiteUrls("/"), new UiStrings("zh-CN:\n  a: 甲\n", "zh-CN"));
        foreach (var (field, changed) in EachFieldChanged(row))
            Assert.False(PlanPageInputs.Digest(row).SequenceEqual(PlanPageInputs.Digest(changed)), $"PlanRow.{field} is not in the digest");
    }

    [Fact]
    public void Whatever_changes_an_items_link_changes_the_source_its_digest_is_made_from()
    {
        var key = new ItemKey("a", "i1");
        (ItemLinkView View, string Source) Link(Plan plan)
        {
            var links = new ItemLinks([plan], new SiteUrls("/"));
            using var inputs = PageInputs.Part();
            links.AddSource(key, inputs);
            return (links.View(key), Convert.ToHexString(inputs.Digest()));
        }
        var a = Corpus.Default().A;
        Plan WithItem(Func<Item, Item> change) => a with { Items = [change(a.Items[0]), .. a.Items.Skip(1)] };
        var paragraph = WithItem(i => i with { Kind = ItemKind.Paragraph });
        var changes = new (string What, Plan From, Plan To)[]
        {
            ("plan title", a, Retitled(a, "另一个标题")), ("plan year", a, a with { Metadata = a.Metadata with { Year = new Sourced<int>(2031, Provenance.Manifest) } }),
            ("item text", a, WithItem(i => i with { Text = i.Text + "变" })), ("item path", a, WithItem(i => i with { Path = "9.9" })),
            ("item marker", WithItem(i => i with { Path = "" }), WithItem(i => i with { Path = "", Marker = "（九）" })), ("item kind", a, paragraph),
            ("item line", paragraph, paragraph with { Items = [paragraph.Items[0] with { Line = paragraph.Items[0].Line + 1 }, .. paragraph.Items.Skip(1)] }),
        };
        foreach (var (what, from, to) in changes)
        {
            var (before, after) = (Link(from), Link(to));
            Assert.NotEqual(before.View, after.View);
            Assert.True(before.Source != after.Source, $"the {what} changes the link but not its digest");
        }
    }

    [Fact]
    public void A_plan_without_a_content_key_is_never_kept()
    {
        var corpus = Corpus.Default();
        var (plan, compare) = (corpus with { A = corpus.A with { ContentKey = "" } }).Fingerprints();
        Assert.Null(plan);
        Assert.Null(compare);
    }
}
