using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using PlanAtlas.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace PlanAtlas.Read;

/// <summary>Reads input/pages/*.md: YAML front matter (title, description, order, slug) and the Markdown body.</summary>
public static class ContentPageLoader
{
    private sealed class FrontMatter
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public int Order { get; set; }
        public string? Slug { get; set; }
    }

    private static readonly MarkdownPipeline FrontMatterOnly = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(YamlDotNet.Serialization.NamingConventions.CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties().Build();

    /// <summary>Every page of <paramref name="pagesDirectory"/> in menu order, and the messages about the ones skipped.</summary>
    public static (IReadOnlyList<ContentPage> Pages, IReadOnlyList<Diagnostic> Diagnostics) LoadAll(string pagesDirectory)
    {
        if (!Directory.Exists(pagesDirectory)) return ([], []);
        var pages = new List<ContentPage>();
        var diagnostics = new List<Diagnostic>();
        foreach (var path in Directory.EnumerateFiles(pagesDirectory, "*.md").Order(StringComparer.Ordinal))
        {
            var file = InputReader.PagesFolder + "/" + Path.GetFileName(path);
            var (page, problem) = Load(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path), file);
            if (page is not null) pages.Add(page);
            if (problem is not null) diagnostics.Add(problem);
        }
        return (pages.OrderBy(p => p.Order).ThenBy(p => p.Slug, StringComparer.Ordinal).ToList(), diagnostics);
    }

    /// <summary>One page, or null and the reason it is skipped.</summary>
    public static (ContentPage? Page, Diagnostic? Problem) Load(string text, string fileStem, string file)
    {
        var document = Markdown.Parse(text, FrontMatterOnly);
        var block = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        var front = new FrontMatter();
        var body = text;
        if (block is not null)
        {
            var yaml = string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(l => l.ToString()));
            try
            {
                front = Yaml.Deserialize<FrontMatter>(yaml) ?? front;
            }
            catch (YamlException e)
            {
                return (null, new Diagnostic(Severity.Error, "PA130", file, (int)e.Start.Line + 1,
                    $"front matter is not valid YAML: {e.Message}; the page is skipped"));
            }
            body = text[(block.Span.End + 1)..];
        }
        var slug = Slugs.ForPath(front.Slug ?? fileStem);
        var title = front.Title ?? fileStem;
        return (new ContentPage(slug, title, front.Description, front.Order, body.TrimStart('\r', '\n'), file), null);
    }
}
