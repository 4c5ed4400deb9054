using System.Text.Json;
using PlanAtlas.Build;
using PlanAtlas.Fetch;

namespace PlanAtlas.Tests.Fetch;

/// <summary>
/// The researcher's workflow end to end: fetch a fake portal into an empty input folder, build it, and find each plan
/// once, titled, numbered, dated and attributed by the portal's metadata.
/// </summary>
public sealed class FetchedInputBuildTests : IClassFixture<FetchedInputBuildTests.Built>
{
    /// <summary>Fetched and built once for the class.</summary>
    public sealed class Built : IAsyncLifetime
    {
        private readonly RepoPaths.TempFolder _temp = RepoPaths.NewTemp();
        private readonly PortalFixture _portal = new();
        public FetchReport Fetched { get; private set; } = null!;
        public BuildResult Result { get; private set; } = null!;
        public string Output => _temp["out"];

        public async Task InitializeAsync()
        {
            await _portal.InitializeAsync();
            Fetched = await _portal.FetchAsync(_temp["input"], "/art/2024/trs-xxgk.html", "/art/2023/wrapper.html", "/art/lines.html");
            Result = new SiteBuilder(IBuildProgress.None).Build(new BuildOptions(_temp["input"], Output, ThemeDirectory: RepoPaths.Theme) { NoCache = true });
        }

        public async Task DisposeAsync()
        {
            await _portal.DisposeAsync();
            _temp.Dispose();
        }
    }

    private readonly FetchReport _fetched;
    private readonly BuildResult _built;
    private readonly string _output;

    public FetchedInputBuildTests(Built built) => (_fetched, _built, _output) = (built.Fetched, built.Result, built.Output);

    private Dictionary<string, JsonElement> Plans() =>
        Directory.GetFiles(Path.Combine(_output, "data", "plans"), "*.json")
            .Select(f => JsonDocument.Parse(File.ReadAllBytes(f)).RootElement)
            .ToDictionary(p => p.GetProperty("source_file").GetString()!);

    [Fact]
    public void The_fetched_folder_builds_with_every_plan_once()
    {
        Assert.False(_fetched.AnyFailed);
        Assert.Equal(BuildOutcome.Built, _built.Outcome);
        var plans = Plans();
        // The page that only wraps the PDF is kept in plans/ but not built; the task table is not built either.
        Assert.Equal(3, plans.Count);
        Assert.Single(plans.Keys, k => k.EndsWith(".pdf"));
        Assert.DoesNotContain(plans.Keys, k => k.EndsWith(".xls"));
        Assert.DoesNotContain(_built.Diagnostics, d => d.Code is "PA121" or "PA125" or "PA215" or "PA212");
    }

    [Theory]
    [InlineData(".pdf", "宜春市安委会关于印发宜春市2023年安全生产工作要点的通知", "宜市安字〔2023〕2号", "宜春市安全生产委员会", "2023-02-27")]
    [InlineData("景德镇市安全生产委员会关于印发景德镇市2024年安全生产工作要点的通知.html", "景德镇市安全生产委员会关于印发景德镇市2024年安全生产工作要点的通知", "景安委字〔2024〕1号", "景德镇市安全生产委员会", "2024-02-26")]
    // The 键：值 lines name no 标题: the title is the parser's to find.
    [InlineData("萍乡市2022年安全生产工作要点.html", null, "萍安委发〔2022〕3号", "萍乡市安全生产委员会", "2022-03-10")]
    public void A_plans_title_number_issuer_and_date_come_from_the_portal(string file, string? title, string docNumber, string issuer, string issuedOn)
    {
        var plan = Plans().Single(p => p.Key.EndsWith(file)).Value.GetProperty("metadata");
        void Check(string field, string value)
        {
            Assert.Equal(value, plan.GetProperty(field).GetProperty("value").GetString());
            Assert.Equal("manifest", plan.GetProperty(field).GetProperty("source").GetString());
        }
        if (title is not null) Check("title", title);
        Check("doc_number", docNumber);
        Check("issuer", issuer);
        Check("issued_on", issuedOn);
        Assert.StartsWith("http://127.0.0.1:", plan.GetProperty("source_url").GetProperty("value").GetString());
    }
}
