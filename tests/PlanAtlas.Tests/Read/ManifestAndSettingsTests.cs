using PlanAtlas.Model;
using PlanAtlas.Parse;
using PlanAtlas.Parse.Regions;
using PlanAtlas.Read;

namespace PlanAtlas.Tests.Read;

public sealed class ManifestAndSettingsTests
{
    [Fact]
    public void A_manifest_row_overrides_the_documents_metadata()
    {
        using var temp = RepoPaths.NewTemp();
        File.WriteAllText(temp["plans.csv"], "file,title,region_code,year,issued_on,kind\nx.txt,另一个标题,420700,2019,2019-03-01,notice\n");
        var (manifest, diagnostics) = ManifestLoader.Load(temp["plans.csv"]);
        Assert.Empty(diagnostics);
        var doc = new TextDocumentReader().Read("宜春市2023年安全生产工作要点\n一、总体要求\n"u8.ToArray(), "x.txt");
        var plan = new PlanParser(Gazetteer.Default).Parse(doc, manifest["x.txt"]);
        Assert.Equal("另一个标题", plan.Title);
        Assert.Equal(Provenance.Manifest, plan.Metadata.Title!.Source);
        Assert.Equal("420700", plan.Region!.Code);
        Assert.Equal(2019, plan.Year);
        Assert.Equal(new DateOnly(2019, 3, 1), plan.Metadata.IssuedOn!.Value);
        Assert.Equal(PlanKind.Notice, plan.Metadata.Kind!.Value);
    }

    [Fact]
    public void Bad_manifest_values_are_reported_with_their_row()
    {
        using var temp = RepoPaths.NewTemp();
        File.WriteAllText(temp["plans.csv"], "file,year,region_code\nx.txt,二〇一九,999999\nx.txt,2019,\n");
        var (manifest, diagnostics) = ManifestLoader.Load(temp["plans.csv"]);
        Assert.Contains(diagnostics, d => d.Code == "PA127" && d.Line == 3);
        var doc = new TextDocumentReader().Read("宜春市2023年安全生产工作要点\n"u8.ToArray(), "x.txt");
        var plan = new PlanParser(Gazetteer.Default).Parse(doc, manifest["x.txt"]);
        Assert.Equal(2023, plan.Year);
        Assert.Contains(plan.Diagnostics, d => d.File == "plans.csv" && d.Line == 2 && d.Message.Contains("year"));
        Assert.Contains(plan.Diagnostics, d => d.File == "plans.csv" && d.Line == 2 && d.Message.Contains("region_code"));
    }

    [Fact]
    public void Malformed_site_yml_is_reported_and_the_defaults_used()
    {
        using var temp = RepoPaths.NewTemp();
        File.WriteAllText(temp["site.yml"], "title: [unclosed\n");
        var (settings, diagnostics) = SiteSettingsLoader.Load(temp["site.yml"]);
        Assert.Equal(new SiteSettings().Title, settings.Title);
        Assert.Contains(diagnostics, d => d.Code == "PA110" && d.File == "site.yml");
    }

    [Fact]
    public void A_missing_manifest_is_normal()
    {
        using var temp = RepoPaths.NewTemp();
        var (manifest, diagnostics) = ManifestLoader.Load(temp["plans.csv"]);
        Assert.Empty(manifest);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Plan_ids_get_a_suffix_when_a_region_has_two_plans_in_a_year()
    {
        var parser = new PlanParser(Gazetteer.Default);
        var a = parser.Parse(new TextDocumentReader().Read("鄂州市2018年安全生产工作要点\n"u8.ToArray(), "a.txt"));
        var b = parser.Parse(new TextDocumentReader().Read("鄂州市2018年安全生产工作要点（修订）\n"u8.ToArray(), "b.txt"));
        var ids = PlanIds.Assign([b, a]).ToDictionary(p => p.SourceFile, p => p.Id);
        Assert.Equal("420700-2018", ids["a.txt"]);
        Assert.Equal("420700-2018-2", ids["b.txt"]);
    }

    [Fact]
    public void The_gazetteer_knows_every_province_and_resolves_the_sample_regions()
    {
        var g = Gazetteer.Default;
        Assert.True(g.Count > 3000);
        Assert.Equal("141125", g.FindIn("柳林县人民政府关于做好2023年安全生产工作的通知")!.Code);
        var liulin = g.ByCode("141125")!;
        Assert.Equal(("山西省", "吕梁市", AdminLevel.County), (liulin.ProvinceName, liulin.CityName, liulin.Level));
        Assert.Equal("350128", g.FindIn("平潭综合实验区党工委管委会")!.Code);
        Assert.Equal(AdminLevel.City, g.ByCode("441900")!.Level);
    }
}
