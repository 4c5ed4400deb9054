using PlanAtlas.Build;
using PlanAtlas.Model;
using PlanAtlas.Render;

namespace PlanAtlas.Tests.Render;

public sealed class ThemeAndStringsTests
{
    [Fact]
    public void A_file_in_input_theme_overrides_the_same_named_theme_file()
    {
        using var temp = RepoPaths.NewTemp();
        Directory.CreateDirectory(temp["in/theme"]);
        File.WriteAllText(temp["in/theme/strings.yml"], "zh-CN:\n  nav.home: 回到首页\n");
        var result = new SiteBuilder(IBuildProgress.None).Build(new BuildOptions(temp["in"], temp["out"], ThemeDirectory: RepoPaths.Theme));
        Assert.Equal(BuildOutcome.Built, result.Outcome);
        Assert.Contains(">回到首页</a>", File.ReadAllText(Path.Combine(temp["out"], "index.html")));
    }

    [Fact]
    public void English_strings_are_used_when_the_site_asks_and_missing_keys_fall_back_to_chinese()
    {
        var strings = new UiStrings("zh-CN:\n  a: 甲\n  b: 乙\nen:\n  a: A\n", "en");
        Assert.Equal("A", strings["a"]);
        Assert.Equal("乙", strings["b"]);
        Assert.Equal("missing.key", strings["missing.key"]);
    }

    [Fact]
    public void Every_string_of_the_default_theme_exists_in_both_languages()
    {
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Theme, "strings.yml"));
        var all = new YamlDotNet.Serialization.Deserializer().Deserialize<Dictionary<string, Dictionary<string, string>>>(yaml);
        Assert.Equal(all["zh-CN"].Keys.Order(), all["en"].Keys.Order());
    }

    [Theory]
    [InlineData("/planatlas", "/planatlas/plans/x/")]
    [InlineData("planatlas/", "/planatlas/plans/x/")]
    [InlineData("", "/plans/x/")]
    public void Links_keep_the_base_path(string basePath, string expected)
    {
        var urls = new SiteUrls(PlanAtlas.Read.SiteSettingsLoader.NormalizeBasePath(basePath));
        Assert.Equal(expected, urls.Url("/plans/x/"));
    }

    [Theory]
    [InlineData("工作要求", "工作要求")]
    [InlineData("一、总体 要求！", "一总体-要求")]
    [InlineData("Hello World", "hello-world")]
    public void Heading_ids_keep_chinese(string heading, string id) => Assert.Equal(id, Slugs.ForHeading(heading));

    [Fact]
    public void Heading_ids_are_unique_in_a_page()
    {
        var html = new MarkdownPages(new SiteUrls("/")).ToHtml("## 方法\n\n## 方法\n\n[链接](/about/)\n");
        Assert.Contains("id=\"方法\"", html);
        Assert.Contains("id=\"方法-1\"", html);
        Assert.Contains("href=\"/about/\"", html);
    }

    [Fact]
    public void Output_folder_refuses_paths_outside_it()
    {
        using var temp = RepoPaths.NewTemp();
        var output = new OutputFolder(temp["out"]);
        Assert.Throws<InvalidOperationException>(() => output.WriteText("../escape.txt", "x"));
        Assert.Throws<InvalidOperationException>(() => output.WriteText("/../../escape.txt", "x"));
        Assert.False(File.Exists(temp["escape.txt"]));
    }

    [Theory]
    [InlineData("../../etc", "etc")]
    [InlineData("关于 我们", "关于-我们")]
    [InlineData("..", "page")]
    public void Slugs_are_single_safe_segments(string text, string slug) => Assert.Equal(slug, Slugs.ForPath(text));
}
