using PlanAtlas.Render;

namespace PlanAtlas.Tests.Render;

/// <summary>
/// Pages are written straight into their files, the body put between the two halves of the layout; the fingerprint
/// hashes the JSON of the page and model as it is written. Both must give what rendering the whole page as one
/// string gives, and the fingerprint must still change with everything the page shows.
/// </summary>
public sealed class TemplateEngineTests
{
    private static TemplateEngine Engine(string? overrides = null) =>
        new(new ThemeFiles(RepoPaths.Theme, overrides), new SiteUrls("/"), new UiStrings("zh-CN:\n  a: 甲\n", "zh-CN"), new { Title = "t" });

    private sealed record Model(string Html);

    private static string Written(TemplateEngine engine, string name, PageInfo page, object model)
    {
        using var temp = RepoPaths.NewTemp();
        var output = new OutputFolder(temp["out"]);
        engine.WritePage(output, page.SitePath, name, page, model);
        return File.ReadAllText(output.FullPath(page.SitePath));
    }

    [Fact]
    public void A_written_page_is_the_rendered_page_with_the_body_inside_the_layout()
    {
        var engine = Engine();
        var page = new PageInfo("标题 <&>", "about/", "说明");
        // Long enough to span several StringBuilder chunks and writer buffers, with characters outside the BMP.
        var body = string.Concat(Enumerable.Range(0, 20000).Select(i => $"<p>第{i}段 𠀀 {{ }}</p>"));
        var written = Written(engine, "page", page, new Model(body));
        Assert.Equal(engine.RenderPage("page", page, new Model(body)), written);
        Assert.Contains(body, written);
        Assert.True(written.IndexOf("<main", StringComparison.Ordinal) < written.IndexOf(body, StringComparison.Ordinal));
        Assert.DoesNotContain("\uE000", written);
    }

    [Theory]
    [InlineData("{{ content }}", true)]
    [InlineData("<main>{{- content -}}</main>", true)]
    [InlineData("<meta name=\"x\" content=\"y\">{{ content }}", true)]
    [InlineData("{{ content | string.upcase }}", false)]
    [InlineData("{{ content }}{{ content }}", false)]
    [InlineData("{{ content.size }}", false)]
    [InlineData("{{ if content != \"\" }}{{ content }}{{ end }}", false)]
    [InlineData("no content at all", false)]
    public void Only_a_layout_that_writes_the_content_once_as_it_is_is_split(string layout, bool split) =>
        Assert.Equal(split, TemplateEngine.WritesContentAsIs(layout));

    [Fact]
    public void A_layout_that_transforms_the_content_gets_the_real_body()
    {
        using var theme = RepoPaths.NewTemp();
        Directory.CreateDirectory(theme["layouts"]);
        File.WriteAllText(theme["layouts/base.sbn"], "<main>{{ content | string.upcase }}</main>{{ content.size }}");
        var page = new PageInfo("标题", "about/");
        var written = Written(Engine(theme.Path), "page", page, new Model("<p>abc</p>"));
        Assert.StartsWith("<main><ARTICLE CLASS=\"PROSE\">", written);
        Assert.Contains("<P>ABC</P>", written);
        Assert.DoesNotContain("\uE000", written);
    }

    [Fact]
    public void The_fingerprint_changes_with_the_template_the_page_and_the_model()
    {
        var engine = Engine();
        var page = new PageInfo("标题", "about/", "说明");
        var model = new Model(new string('甲', 100_000));
        var one = engine.Fingerprint("page", page, model);
        Assert.Equal(one, engine.Fingerprint("page", page with { }, new Model(new string('甲', 100_000))));
        Assert.NotEqual(one, engine.Fingerprint("list", page, model));
        Assert.NotEqual(one, engine.Fingerprint("page", page with { Title = "标题2" }, model));
        Assert.NotEqual(one, engine.Fingerprint("page", page with { Scripts = ["assets/js/x.js"] }, model));
        Assert.NotEqual(one, engine.Fingerprint("page", page with { Breadcrumbs = [new PageCrumb("a", "b/")] }, model));
        Assert.NotEqual(one, engine.Fingerprint("page", page, new Model(new string('甲', 99_999) + "乙")));
    }

    [Fact]
    public void The_fingerprint_is_the_hash_of_the_json_the_page_cache_has_always_hashed()
    {
        // Streaming the JSON into the hash must not change a fingerprint: it is the hash of the JSON written out whole.
        var engine = Engine();
        var page = new PageInfo("标题", "about/");
        var model = new Model("<p>正文</p>");
        var options = new System.Text.Json.JsonSerializerOptions { IncludeFields = true, MaxDepth = 256 };
        byte[] whole = [.. FingerprintBase(engine), .. System.Text.Encoding.UTF8.GetBytes("page"),
            .. System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(page, options), .. System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(model, options)];
        Assert.Equal(PlanAtlas.Model.ContentHash.HexOf(whole), engine.Fingerprint("page", page, model));
    }

    private sealed record Links(IReadOnlyList<PlanAtlas.Render.Compare.ItemLinkView> First, IReadOnlyList<PlanAtlas.Render.Compare.ItemLinkView> Second);

    private static PlanAtlas.Render.Compare.ItemLinkView Link(string id, string text) => new("p", "标题", "2023", "一、", $"/plans/p/#{id}", text, text);

    [Fact]
    public void A_repeated_item_link_is_fingerprinted_by_its_values_and_still_changes_the_fingerprint()
    {
        var engine = Engine();
        var page = new PageInfo("对比", "compare/p/");
        var shared = Link("i1", "加强燃气安全管理");
        var one = engine.Fingerprint("compare", page, new Links([shared, Link("i2", "乙")], [shared]));
        // The same values in distinct objects: the same fingerprint (a plan read from the cache shares nothing).
        Assert.Equal(one, engine.Fingerprint("compare", page, new Links([Link("i1", "加强燃气安全管理"), Link("i2", "乙")], [Link("i1", "加强燃气安全管理")])));
        // A change in any appearance, the first or a repeat, or in the order, changes it.
        Assert.NotEqual(one, engine.Fingerprint("compare", page, new Links([shared, Link("i2", "乙")], [Link("i1", "加强燃气安全监管")])));
        Assert.NotEqual(one, engine.Fingerprint("compare", page, new Links([Link("i1", "加强燃气安全监管"), Link("i2", "乙")], [shared])));
        Assert.NotEqual(one, engine.Fingerprint("compare", page, new Links([Link("i2", "乙"), shared], [shared])));
        Assert.NotEqual(one, engine.Fingerprint("compare", page, new Links([shared, Link("i2", "乙")], [Link("i2", "乙")])));
        Assert.NotEqual(one, engine.Fingerprint("compare", page, new Links([shared, Link("i2", "乙")], [shared, shared])));
    }

    private static byte[] FingerprintBase(TemplateEngine engine) =>
        (byte[])typeof(TemplateEngine).GetField("_fingerprintBase", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(engine)!;
}
