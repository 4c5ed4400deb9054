using PlanAtlas.Analyze.Themes;
using PlanAtlas.Index;
using PlanAtlas.Model;
using PlanAtlas.Parse;
using PlanAtlas.Parse.Regions;
using PlanAtlas.Read;
using PlanAtlas.Render;

namespace PlanAtlas.Tests.Index;

/// <summary>The search index of the sample plans with their themes, plus two other pages, written once into a temp folder.</summary>
public sealed class SampleIndex : IDisposable
{
    private readonly RepoPaths.TempFolder _temp = RepoPaths.NewTemp();

    public SampleIndex()
    {
        Plans = ParseSample(out var input);
        Analysis = new CorpusAnalysis { Themes = ThemeAnalyzer.ForInput(input.Taxonomy, input.Settings, Plans) };
        Site = _temp["site"];
        WritePages(Site);
        Count = Write(Site);
        Reader = new IndexReader(Path.Combine(Site, "search", "index"));
    }

    public static UiStrings Strings { get; } = new(File.ReadAllText(Path.Combine(RepoPaths.Theme, "strings.yml")), "zh-CN");
    public IReadOnlyList<Plan> Plans { get; }
    public CorpusAnalysis Analysis { get; }
    public string Site { get; }
    public int Count { get; }
    public IndexReader Reader { get; }

    public SearchIndexer Indexer => new(Strings) { Analysis = Analysis };

    /// <summary>Writes the index of the sample into <paramref name="site"/>; returns the number of documents.</summary>
    public int Write(string site) => Indexer.Write(Plans, new OutputFolder(site));

    public static void WritePages(string site)
    {
        var output = new OutputFolder(site);
        output.WritePage("regions/140000/", "<html><head><title>山西省</title></head><body><main data-search-body><h1>山西省</h1><p>柳林县 燃气安全</p></main></body></html>");
        output.WritePage("about/", "<html><body><main data-search-body><h1>关于</h1><p>本站收录安全生产工作要点。</p></main></body></html>");
        output.WritePage("compare/141125-2023/", "<html><body><main data-search-body><h1>比较</h1><p>三管三必须</p></main></body></html>");
    }

    public static IReadOnlyList<Plan> ParseSample(out InputSet input)
    {
        input = InputReader.CreateDefault().Read(RepoPaths.SampleInput);
        var parser = new PlanParser(Gazetteer.Default);
        var read = input;
        return PlanIds.Assign(read.Documents.Select(d => parser.Parse(d, read.Manifest.GetValueOrDefault(d.SourceFile))));
    }

    public void Dispose() => _temp.Dispose();
}
