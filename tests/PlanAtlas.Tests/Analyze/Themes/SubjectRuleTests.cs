using PlanAtlas.Analyze.Themes;
using PlanAtlas.Model;

namespace PlanAtlas.Tests.Analyze.Themes;

/// <summary>
/// Subjects and mentions on made-up items in the forms of tools/themes/LABELLING.md's edge cases (our own words):
/// each fact fails when its part of the rule is taken out.
/// </summary>
public sealed class SubjectRuleTests
{
    private static readonly ThemeTaxonomy Taxonomy = new([
        new Theme("crackdown", "打非治违", "", "", ["打非治违", "打击", "非法", "黑气"], []),
        new Theme("gas", "燃气安全", "", "", ["燃气", "液化石油气"], [], Role: ThemeRole.Sector),
        new Theme("responsibility", "责任体系", "", "", ["主体责任", "责任清单", "包保"], []) { LeadOnly = ["主体责任"] },
        new Theme("hazchem", "危险化学品", "", "", ["危化品", "危险化学品", "化工园区"], [], Role: ThemeRole.Sector),
        new Theme("mining", "矿山", "", "", ["矿山", "煤矿"], [], Role: ThemeRole.Sector),
        new Theme("fire", "消防", "", "", ["消防"], [], Role: ThemeRole.Sector),
        new Theme("traffic", "交通运输", "", "", ["交通", "客车", "运输车"], [], Role: ThemeRole.Sector),
        new Theme("fireworks", "烟花爆竹", "", "", ["烟花爆竹"], [], Role: ThemeRole.Sector),
        new Theme("hazard", "隐患排查与风险防控", "", "", ["重大隐患", "挂牌督办", "专项整治", "安全风险"], [], Role: ThemeRole.Verb),
        new Theme("enforcement", "监管执法", "", "", ["执法"], []),
        new Theme("tech", "科技信息化", "", "", ["智能化", "自动化"], [], Role: ThemeRole.Instrument),
        new Theme("emergency", "应急救援", "", "", ["应急"], []),
        new Theme("education", "宣传教育培训", "", "", ["培训"], [], Role: ThemeRole.Instrument),
    ]);

    private static readonly ThemeTagger Tagger = new(Taxonomy);

    private static (string[] Subjects, string[] Mentions) Tag(string text)
    {
        var tags = Tagger.Tag(text);
        return (tags.Where(t => t.IsSubject).Select(t => t.ThemeId).ToArray(), tags.Where(t => !t.IsSubject).Select(t => t.ThemeId).ToArray());
    }

    [Fact]
    public void A_heading_commits_and_a_later_sentence_only_mentions()
    {
        var (subjects, mentions) = Tag("8.强化燃气整治。全面整治餐饮场所燃气使用隐患，推广安装燃气泄漏报警装置。严厉打击“黑气”。");
        Assert.Equal(["gas"], subjects);
        Assert.Equal(["crackdown"], mentions);
    }

    [Fact]
    public void Sectors_listed_three_or_more_are_mentions_and_the_verb_of_the_list_is_the_subject()
    {
        var (subjects, mentions) = Tag("7.开展重大隐患攻坚。对矿山、危化品、消防、燃气等领域重大隐患挂牌督办。");
        Assert.Equal(["hazard"], subjects);
        Assert.Equal(["gas", "hazchem", "mining", "fire"], mentions);
    }

    [Fact]
    public void A_pair_in_a_heading_gives_two_subjects()
    {
        var (subjects, _) = Tag("（九）强化危化品和烟花爆竹安全整治。严格落实各项措施。");
        Assert.Equal(["hazchem", "fireworks"], subjects);
    }

    [Fact]
    public void A_list_of_one_themes_parts_names_that_theme()
    {
        // Three members, two of them traffic's: the list is about traffic.
        var (subjects, mentions) = Tag("聚焦客车、危化品运输车、农用车，严查超员超载。");
        Assert.Contains("traffic", subjects);
        Assert.Contains("hazchem", mentions);
    }

    [Fact]
    public void Each_sub_point_lead_commits()
    {
        var (subjects, _) = Tag("一是推进化工园区整治提升；二是严查烟花爆竹非法储存。");
        Assert.Equal(["crackdown", "hazchem", "fireworks"], subjects);
    }

    [Fact]
    public void A_verb_themes_words_after_a_sectors_words_are_that_sectors_work()
    {
        var (subjects, mentions) = Tag("持续开展城镇燃气安全风险隐患专项整治。");
        Assert.Equal(["gas"], subjects);
        Assert.Equal(["hazard"], mentions);
        // On their own they commit: a cross-sector campaign.
        Assert.Equal(["hazard"], Tag("深入开展安全生产专项整治。").Subjects);
    }

    [Fact]
    public void A_duty_phrase_commits_only_in_the_lead()
    {
        Assert.Equal(["responsibility"], Tag("（三）强化企业安全生产主体责任。推动企业自查自改。").Subjects);
        var (subjects, mentions) = Tag("（二十）燃气。深化燃气安全整治，督促企业落实燃气安全主体责任。");
        Assert.Equal(["gas"], subjects);
        Assert.Equal(["responsibility"], mentions);
    }

    [Fact]
    public void A_modifier_counts_in_the_lead_but_not_further_on()
    {
        Assert.Equal(["mining", "tech"], Tag("全面推进煤矿智能化建设，提升本质安全水平。").Subjects);
        // In the first sentence after a heading, 矿山 says where the automation goes.
        var (subjects, mentions) = Tag("（三）加强安全科技运用。推进矿山自动化改造。");
        Assert.Equal(["tech"], subjects);
        Assert.Equal(["mining"], mentions);
    }

    [Fact]
    public void Sectors_where_an_instrument_is_applied_are_settings()
    {
        var (subjects, mentions) = Tag("（三）推进智能化建设。重点在危险化学品企业和煤矿推行远程监控系统。");
        Assert.Equal(["tech"], subjects);
        Assert.Equal(["hazchem", "mining"], mentions);
    }

    [Fact]
    public void A_theme_that_takes_most_of_the_text_is_a_subject_wherever_it_stands()
    {
        var (subjects, _) = Tag("各地要统筹抓好各项工作。加强燃气管道巡检，更换老旧燃气设施，规范燃气经营许可，整治燃气使用场所隐患问题。");
        Assert.Equal(["gas"], subjects);
    }

    [Fact]
    public void Overall_requirements_and_responsible_units_commit_to_nothing()
    {
        var (subjects, mentions) = Tag("总体要求：以新思想为指导，压实责任清单，强化安全风险防控，提升应急能力。");
        Assert.Empty(subjects);
        Assert.Equal(["responsibility", "hazard", "emergency"], mentions);
        // A 责任单位 cell names who acts: no theme at all, not even a mention.
        Assert.Empty(Tagger.Tag("市住建局牵头，市消防救援支队、市交通运输局配合"));
    }

    [Fact]
    public void A_grab_bag_of_sub_points_keeps_at_most_four_subjects()
    {
        const string text = "（一）抓好重点工作。一是整治燃气；二是整治危化品；三是整治矿山；四是整治消防；五是整治交通；六是整治烟花爆竹；七是推进智能化。";
        var (subjects, mentions) = Tag(text);
        Assert.InRange(subjects.Length, 1, SubjectRule.MaxSubjects);
        Assert.Equal(["gas"], subjects); // the first sub-point; no theme leads two of them
        Assert.Equal(6, mentions.Length);
    }

    [Fact]
    public void Every_theme_found_is_a_subject_or_a_mention_never_both_and_keeps_its_evidence()
    {
        const string text = "（四）抓好交通安全。聚焦客车、危化品运输车和校车，严厉打击非法营运。";
        var found = Tagger.Found(text);
        var tagged = Tagger.Tag(text);
        Assert.Equal(found.Select(t => (t.ThemeId, t.Evidence.Count)), tagged.Select(t => (t.ThemeId, t.Evidence.Count)));
        Assert.Equal(tagged.Count, tagged.Select(t => t.ThemeId).Distinct().Count());
    }

    [Fact]
    public void A_clause_that_frames_the_work_commits_to_nothing()
    {
        var (subjects, mentions) = Tag("（一）结合打非治违回头看活动，深化执法年活动。突出重点领域。");
        Assert.Equal(["enforcement"], subjects);
        Assert.Equal(["crackdown"], mentions);
    }

    [Fact]
    public void The_verb_in_a_lists_first_member_is_not_a_member()
    {
        // 打击 governs the whole list 持假证、假培训、走过场的行为; 培训 after the 、 is a member, not a word 打击 modifies.
        var (subjects, _) = Tag("（二）提高培训实效。依法严厉打击持假证、假培训、走过场的行为。");
        Assert.Equal(["crackdown", "education"], subjects);
    }

    [Fact]
    public void Most_of_the_text_is_measured_on_clauses_not_on_long_sentences()
    {
        // The second sentence is most of the body, but 打非治违 takes one short clause of it.
        var (subjects, mentions) = Tag("（一）健全责任体系。制定并落实责任清单。严格遵守管理制度和操作规程标准，持续深化打非治违活动，让每个从业人员做到不伤害自己、不伤害他人、不被他人伤害。");
        Assert.Equal(["responsibility"], subjects);
        Assert.Equal(["crackdown"], mentions);
    }
}
