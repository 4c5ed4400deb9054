using PlanAtlas.Read;
using PlanAtlas.Analyze.Themes;
using PlanAtlas.Model;

namespace PlanAtlas.Tests.Read;

public sealed class ThemeTaxonomyLoaderTests
{
    private static readonly string[] GlossaryIds =
    [
        "crackdown", "gas", "selfbuilt", "responsibility", "hazchem", "mining", "fire", "traffic", "construction", "fireworks", "specialequip",
        "industry", "hazard", "enforcement", "emergency", "disaster", "education", "occupational", "tech", "grassroots", "campus", "tourism", "reform",
    ];

    [Fact]
    public void The_sample_taxonomy_has_every_glossary_theme_with_names_definitions_and_signals()
    {
        var (taxonomy, diagnostics) = ThemeTaxonomyLoader.Load(RepoPaths.SampleInput);
        Assert.Empty(diagnostics);
        Assert.Equal(GlossaryIds, taxonomy.Themes.Select(t => t.Id));
        Assert.All(taxonomy.Themes, t =>
        {
            Assert.NotEmpty(t.NameZh);
            Assert.NotEmpty(t.NameEn);
            Assert.NotEmpty(t.Definition);
            Assert.NotEmpty(t.Signals);
        });
        Assert.Equal("燃气安全", taxonomy.Find("gas")!.NameZh);
        Assert.Contains("森林火灾", taxonomy.Find("fire")!.Exclusions);
    }

    [Fact]
    public void A_missing_file_gives_an_empty_taxonomy_and_an_info_message()
    {
        using var temp = RepoPaths.NewTemp();
        var (taxonomy, diagnostics) = ThemeTaxonomyLoader.Load(temp.Path);
        Assert.Empty(taxonomy.Themes);
        var d = Assert.Single(diagnostics);
        Assert.Equal((Severity.Info, "PA400", "themes.yml"), (d.Severity, d.Code, d.File));
    }

    [Theory]
    [InlineData("themes:\n  - id: gas\n    zh: [燃气\n", "PA401", 4)]
    [InlineData("themes:\n  - id: gas\n    zh: 燃气\n    colour: red\n", "PA402", 4)]
    [InlineData("themes:\n  - id: gas\n    signals: [燃气]\n  - id: gas\n    signals: [液化气]\n", "PA405", 4)]
    [InlineData("themes:\n  - zh: 燃气\n    signals: [燃气]\n", "PA404", 2)]
    [InlineData("themes:\n  - id: gas\n    signals: 燃气\n", "PA403", 3)]
    [InlineData("topics:\n  - id: gas\n", "PA402", 1)]
    public void Bad_yaml_is_reported_with_its_line(string yaml, string code, int line)
    {
        var (_, diagnostics) = ThemeTaxonomyLoader.Parse(yaml);
        Assert.Contains(diagnostics, d => d.Code == code && d.Line == line && d.File == "themes.yml");
    }

    [Fact]
    public void A_bad_theme_is_skipped_and_the_others_load()
    {
        var (taxonomy, diagnostics) = ThemeTaxonomyLoader.Parse("themes:\n  - id: gas\n    signals: [燃气]\n  - id: 'bad id'\n  - id: fire\n    signals: [消防]\n");
        Assert.Equal(["gas", "fire"], taxonomy.Themes.Select(t => t.Id));
        Assert.Contains(diagnostics, d => d.Code == "PA404" && d.Line == 4);
    }

    [Fact]
    public void Role_and_lead_only_are_read_and_bad_values_are_warnings_naming_the_line()
    {
        var (taxonomy, diagnostics) = ThemeTaxonomyLoader.Parse("""
            themes:
              - id: gas
                signals: [燃气]
                role: sector
              - id: responsibility
                signals: [主体责任, 包保]
                lead_only: [主体责任, 责任状]
              - id: hazard
                signals: [隐患]
                role: adverb
            """);
        Assert.Equal([ThemeRole.Sector, ThemeRole.Topic, ThemeRole.Topic], taxonomy.Themes.Select(t => t.Role));
        Assert.Equal(["主体责任", "责任状"], taxonomy.Find("responsibility")!.LeadOnly);
        Assert.Equal([("PA408", 5), ("PA407", 10)], diagnostics.Select(d => (d.Code, d.Line)));
        Assert.All(diagnostics, d => Assert.Equal(Severity.Warning, d.Severity));
    }

    [Fact]
    public void The_sample_taxonomy_marks_sectors_the_verb_theme_and_instruments()
    {
        var taxonomy = ThemeTaxonomyLoader.Load(RepoPaths.SampleInput).Taxonomy;
        Assert.Equal(ThemeRole.Verb, taxonomy.Find("hazard")!.Role);
        Assert.Equal(ThemeRole.Sector, taxonomy.Find("gas")!.Role);
        Assert.Equal(ThemeRole.Instrument, taxonomy.Find("tech")!.Role);
        Assert.Contains("主体责任", taxonomy.Find("responsibility")!.LeadOnly);
    }
}
