using System.Globalization;
using CsvHelper;

namespace PlanAtlas.Tests.Site;

/// <summary>The data downloads of the built sample site: the column contracts scripts rely on, with analysis columns filled.</summary>
public sealed class DataDownloadsTests(SampleSite site) : IClassFixture<SampleSite>
{
    private List<Dictionary<string, string>> Read(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(site.Root, "data", file));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        using var csv = new CsvReader(new StringReader(System.Text.Encoding.UTF8.GetString(bytes[3..])), CultureInfo.InvariantCulture);
        return csv.GetRecords<dynamic>().Select(r => ((IDictionary<string, object>)r).ToDictionary(kv => kv.Key, kv => (string)kv.Value)).ToList();
    }

    [Theory]
    [InlineData("plans.csv", "plan_id,title,province,city,county,region_code,level,year,issuer,doc_number,issued_on,kind,source_file,item_count")]
    [InlineData("items.csv", "plan_id,item_id,path,heading,text,responsible_units,deadlines,citations,slogans,themes,cluster")]
    [InlineData("themes.csv", "plan_id,theme_id,items,share_items,share_chars")]
    [InlineData("clusters.csv", "cluster,label,size,top_terms")]
    [InlineData("reuse.csv", "plan_a,item_a,plan_b,item_b,score")]
    public void Every_download_has_its_contracted_columns(string file, string columns)
    {
        var rows = Read(file);
        Assert.NotEmpty(rows);
        foreach (var column in columns.Split(',')) Assert.True(rows[0].ContainsKey(column), $"{file} lacks {column}");
    }

    [Fact]
    public void Items_carry_their_themes_and_clusters()
    {
        var items = Read("items.csv");
        Assert.Contains(items, r => r["themes"].Split(';').Contains("gas") && r["text"].Contains("燃气"));
        Assert.Contains(items, r => r["themes"].Split(';').Contains("crackdown") && r["text"].Contains("打非治违"));
        Assert.True(items.Count(r => r["cluster"].Length > 0) > 100);
    }

    [Fact]
    public void The_data_page_links_every_download()
    {
        var page = site.Page("data/");
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToHashSet();
        Assert.Contains("/data/plans.csv", links);
        Assert.Contains("/data/items.csv", links);
        foreach (var id in Directory.GetDirectories(Path.Combine(site.Root, "plans")).Select(Path.GetFileName))
            Assert.Contains($"/data/plans/{id}.json", links);
    }
}
