using System.Globalization;
using PlanAtlas.Model;
using PlanAtlas.Render.Publish;
using PlanAtlas.Render.Charts;
using PlanAtlas.Render.Themes;
using PlanAtlas.Render.Views;

namespace PlanAtlas.Render;

/// <summary>
/// The render stage: every page of the site from the parsed plans, through the theme's templates.
/// Pages are independent, so plan pages render in parallel; each writes its own file.
/// </summary>
public sealed class SiteRenderer
{
    private readonly SiteSettings _settings;
    private readonly ThemeFiles _theme;
    private readonly SiteUrls _urls;
    private readonly UiStrings _t;
    private readonly TemplateEngine _templates;
    private readonly PublicUrls _public;

    public SiteRenderer(SiteSettings settings, ThemeFiles theme, IReadOnlyList<ContentPage> pages)
    {
        _settings = settings;
        _theme = theme;
        _urls = new SiteUrls(settings.BasePath);
        _t = new UiStrings(theme.ReadText("strings.yml"), settings.Language);
        Pages = pages;
        var nav = pages.Where(p => !SiteUrls.ReservedSlugs.Contains(p.Slug)).Select(p => new LinkCount(p.Title, _urls.Url(p.Slug + "/"), 0)).ToList();
        _public = PublicUrls.From(settings);
        _templates = new TemplateEngine(theme, _urls, _t, new { settings.Title, settings.Description, BasePath = settings.BasePath, Pages = nav, _public.BaseUrl });
    }

    public IReadOnlyList<ContentPage> Pages { get; }
    public SiteUrls Urls => _urls;
    public UiStrings Strings => _t;
    public TemplateEngine Templates => _templates;

    public void Render(IReadOnlyList<Plan> plans, OutputFolder output, List<Diagnostic> diagnostics, CorpusAnalysis? analysis = null)
    {
        var peers = analysis?.Peers ?? PeerAnalysis.Empty;
        var itemLinks = new Compare.ItemLinks(plans, _urls);
        var themePages = analysis?.Themes is { } themes ? new ThemePages(themes, plans, _templates, _urls, _t, _settings.MinGroupSize) : null;
        var rows = plans.Select(p => PlanRow.From(p, _urls, _t))
            .OrderBy(r => r.Year, StringComparer.Ordinal).ThenBy(r => r.RegionCode, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        // Plan ids are unique after parsing; the first row wins should two plans ever share one.
        var rowsById = rows.DistinctBy(r => r.Id).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var inputs = output.Reuse is null ? null : new PlanPageInputs(_templates, itemLinks, rowsById, peers, analysis?.Themes?.Taxonomy);
        CopyAssets(output);
        // The data files depend on no page: written alongside the pages, their long single-threaded CSV writes
        // overlap page rendering instead of following it.
        var dataFiles = new[]
        {
            Task.Run(() => RenderData(plans, rows, output, analysis)),
            Task.Run(() => CrossRefs.CrossRefPages.WriteData(peers, output)),
        };
        // The theme and cluster pages too: their indexes and charts are mostly one thread's work, which the plan and
        // compare pages' parallel loops now share the cores with. The home page waits for the dashboard.
        var themeRendering = themePages is null ? Task.FromResult<DashboardModel?>(null) : Task.Run(() => themePages.Render(output));
        try
        {
            if (themePages is not null && !ChartWriter.CopyPlotly(output, _theme.ThemeDirectory))
                diagnostics.Add(new Diagnostic(Severity.Warning, "PA420", "package.json", null,
                    $"charts will not draw: {ChartWriter.PlotlyPackage} is not installed (run `npm ci` in the PlanAtlas checkout)"));
            Parallel.ForEach(plans, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                plan => RenderPlan(plan, output, peers, itemLinks, themePages, inputs));
            var taxonomy = analysis?.Themes?.Taxonomy;
            new Compare.ComparePages(this, itemLinks, rowsById, inputs, id => taxonomy?.Find(id) is { } theme ? theme.Name(_t.Language) : id).Render(plans, peers, output);
            RenderHome(rows, plans, output, themeRendering.GetAwaiter().GetResult());
            new CrossRefs.CrossRefPages(this, itemLinks, inputs).Render(plans, peers, output);
            RenderRegions(plans, rows, output);
            RenderYears(rows, output);
            RenderContentPages(output, diagnostics);
            RenderSearch(output);
        }
        catch
        {
            // Never leave a writer running into a folder the failed build is about to discard.
            Task.WaitAll(dataFiles.Append(themeRendering).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)).ToArray());
            throw;
        }
        Task.WaitAll(dataFiles);
        // Last: the sitemap lists every page written above.
        new SitePublisher(_settings, _public, _t, _templates).Publish(plans, output, diagnostics);
    }

    private void RenderSearch(OutputFolder output)
    {
        var page = new PageInfo(_t["search.title"], SiteUrls.Search, _t["search.description"], "search") { Scripts = [SiteUrls.Assets + "js/search-terms.js", SiteUrls.Assets + "js/search.js"] };
        _templates.WritePage(output, page.SitePath, "search", page, new { BaseUrl = _urls.Url("") });
    }

    private void CopyAssets(OutputFolder output)
    {
        foreach (var file in _theme.List("assets"))
            output.CopyFile(_theme.Resolve(file), file);
    }

    /// <summary>Plans the home page table lists: all of a small corpus, the newest of a large one (the rest by region, year, CSV and search).</summary>
    public const int HomeRows = 100;

    private void RenderHome(List<PlanRow> rows, IReadOnlyList<Plan> plans, OutputFolder output, DashboardModel? dashboard)
    {
        var shown = rows.Count <= HomeRows ? rows
            : rows.OrderByDescending(r => r.Year, StringComparer.Ordinal).ThenBy(r => r.RegionCode, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).Take(HomeRows).ToList();
        var model = new HomePageModel(shown,
            shown.Select(r => r.Year).Where(y => y.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList(),
            shown.Select(r => r.Province).Where(p => p.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList(),
            shown.GroupBy(r => r.Level).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new LinkCount(g.First().LevelLabel, g.Key, g.Count())).ToList(),
            rows.Sum(r => r.ItemCount)) { Dashboard = dashboard, Total = rows.Count };
        var page = new PageInfo(_settings.Title, "", _settings.Description, "home")
        { Scripts = dashboard is { Charts.Count: > 0 } ? [PlanTableScript, .. ChartWriter.Scripts] : [PlanTableScript] };
        _templates.WritePage(output, "", "home", page, model);
    }

    private void RenderPlan(Plan plan, OutputFolder output, PeerAnalysis peers, Compare.ItemLinks itemLinks, ThemePages? themePages, PlanPageInputs? inputs)
    {
        var profile = themePages?.Profile(plan);
        var fingerprint = inputs?.PlanPage(plan, profile);
        if (fingerprint is not null && output.TryKeep(SiteUrls.PlanPath(plan.Id), fingerprint)) return;
        var row = PlanRow.From(plan, _urls, _t);
        var items = plan.Items.Select(ItemView.From).ToList();
        var model = new PlanPageModel(row, MetadataFields(plan), items,
            // A task table's header row (序号 任务 主要内容 责任单位, path 表头) is a section of the record, not a heading to go to.
            items.Where(i => (i.Kind is "section" && !i.Path.EndsWith(TableHeaderPath, StringComparison.Ordinal)) || (i.Kind == "item" && i.Level <= 2)).ToList(),
            plan.Removed.Select(r => r with { Reason = _t.Find($"removed.{r.Reason}") ?? r.Reason }).ToList(),
            plan.Diagnostics.Select(DiagnosticText).ToList(),
            plan.Source?.Lines.ToList() ?? [],
            plan.Metadata.SourceUrl?.Value)
        {
            SeeAlso = itemLinks.SeeAlso(plan, peers),
            CompareUrl = _urls.Url(SiteUrls.ComparePath(plan.Id)),
            ThemeProfile = profile,
            RecognitionNote = plan.Metadata.Recognition is { } ocr
                ? string.Format(CultureInfo.InvariantCulture, _t["plan.ocr"], ocr.MeanConfidence) : null,
        };
        var crumbs = new List<PageCrumb>();
        if (plan.Region is { } r)
        {
            crumbs.Add(new PageCrumb(r.ProvinceName, SiteUrls.RegionPath(r.ProvinceCode)));
            if (r.CityCode is { } cc && r.Level == AdminLevel.County) crumbs.Add(new PageCrumb(r.CityName!, SiteUrls.RegionPath(cc)));
        }
        var description = string.Join(" · ", new[] { row.Region, row.Year, row.Issuer }.Where(s => s.Length > 0));
        var page = new PageInfo(plan.Title, SiteUrls.PlanPath(plan.Id), description, "plans") { Breadcrumbs = crumbs };
        _templates.WritePage(output, "plan", page, model, fingerprint, []);
    }

    private const string TableHeaderPath = "表头";
    private const string PlanTableScript = SiteUrls.Assets + "js/plan-table.js";

    /// <summary>A parser message on the plan page, in the page's language where strings.yml words its code (diag.PA310), else as the build printed it.</summary>
    private string DiagnosticText(Diagnostic d) => _t.Find($"diag.{d.Code}") is { } text
        ? string.Format(CultureInfo.InvariantCulture, _t[d.Line is null ? "plan.diagnostic" : "plan.diagnostic.line"], _t[$"severity.{d.Severity.ToString().ToLowerInvariant()}"], d.Code, text, d.Line)
        : d.ToString();

    /// <summary>A provenance note in the page's language: note.&lt;kind&gt; of strings.yml, {0} the text as written, {1} how it was read.</summary>
    private string? NoteText(SourceNote? note) => note is null ? null
        : string.Format(CultureInfo.InvariantCulture, _t[$"note.{note.Kind.ToString().ToLowerInvariant()}"], note.Raw, note.Reading);

    private IReadOnlyList<MetadataField> MetadataFields(Plan plan)
    {
        var m = plan.Metadata;
        var fields = new List<MetadataField>();
        void Add<T>(string key, Sourced<T>? value, Func<T, string> format)
        {
            if (value is null) return;
            fields.Add(new MetadataField(_t[$"meta.{key}"], format(value.Value), _t[$"provenance.{value.Source.ToString().ToLowerInvariant()}"], NoteText(value.Note)));
        }
        Add("title", m.Title, v => v);
        Add("issuer", m.Issuer, v => v);
        Add("doc_number", m.DocNumber, v => v);
        Add("issued_on", m.IssuedOn, v => v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("kind", m.Kind, v => _t[$"kind.{v.ToString().ToLowerInvariant()}"]);
        Add("year", m.Year, v => v.ToString(CultureInfo.InvariantCulture));
        Add("region", m.Region, v => string.Join(" / ", new[] { v.ProvinceName, v.CityName, v.CountyName }.Where(s => s is not null).Distinct()) + $"（{v.Code}）");
        Add("source_url", m.SourceUrl, v => v);
        if (m.Recognition is { } ocr)
            fields.Add(new MetadataField(_t["meta.text_source"], string.Format(CultureInfo.InvariantCulture, _t["meta.text_source.ocr"], ocr.Engine, ocr.MeanConfidence), "", null));
        fields.Add(new MetadataField(_t["meta.source_file"], plan.SourceFile, "", null));
        return fields;
    }

    private void RenderRegions(IReadOnlyList<Plan> plans, List<PlanRow> rows, OutputFolder output)
    {
        var byId = rows.ToDictionary(r => r.Id);
        var located = plans.Where(p => p.Region is not null).ToList();
        // Plans under each region code (its own and its descendants'), built in one pass: linear in plans.
        var under = located.SelectMany(p => Ancestry(p.Region!).Select(a => (a.Code, Plan: p)))
            .GroupBy(x => x.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Plan).ToList(), StringComparer.Ordinal);
        // A region page for every region that has plans at or below it: province → city → county.
        var regions = located.SelectMany(p => Ancestry(p.Region!)).DistinctBy(r => r.Code).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        var children = regions.Where(r => Parent(r) is not null).GroupBy(r => Parent(r)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        Parallel.ForEach(regions, region =>
        {
            var inside = under[region.Code].Select(p => byId[p.Id]).OrderBy(r => r.Year, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
            var links = children.GetValueOrDefault(region.Code, [])
                .Select(c => new LinkCount(c.Name, _urls.Url(SiteUrls.RegionPath(c.Code)), under[c.Code].Count))
                .ToList();
            var crumbs = Ancestry(region).Where(a => a.Code != region.Code).Select(a => new PageCrumb(a.Name, SiteUrls.RegionPath(a.Code))).ToList();
            var description = string.Format(CultureInfo.InvariantCulture, _t["region.description"], region.Name, inside.Count);
            WriteList(output, SiteUrls.RegionPath(region.Code), region.Name, description, "regions", crumbs,
                $"{_t[$"level.{region.Level.ToString().ToLowerInvariant()}"]} · {region.Code}", inside, links);
        });
        var provinces = regions.Where(r => r.Level == AdminLevel.Province)
            .Select(p => new LinkCount(p.Name, _urls.Url(SiteUrls.RegionPath(p.Code)), under[p.Code].Count)).ToList();
        var unlocated = rows.Where(r => r.RegionCode.Length == 0).ToList();
        WriteList(output, SiteUrls.Regions, _t["nav.regions"], _t["regions.intro"], "regions", [], _t["regions.intro"], unlocated, provinces);
    }

    /// <summary>A list of plans with its links to narrower lists, split into pages of <see cref="Paging.RowsPerPage"/>; the links head page 1.</summary>
    private void WriteList(OutputFolder output, string listPath, string title, string description, string section, IReadOnlyList<PageCrumb> crumbs,
        string? intro, IReadOnlyList<PlanRow> rows, IReadOnlyList<LinkCount> children)
    {
        foreach (var part in Paging.Split(rows, listPath, _urls))
        {
            var pageTitle = part.Number == 1 ? title : string.Format(CultureInfo.InvariantCulture, _t["pager.title"], title, part.Number);
            var page = new PageInfo(pageTitle, part.SitePath, description, section)
            { Breadcrumbs = part.Number == 1 ? crumbs : [.. crumbs, new PageCrumb(title, listPath)] };
            var model = new ListPageModel(pageTitle, intro, part.Rows, part.Number == 1 ? children : []) { Total = rows.Count, Pager = part.Pager };
            _templates.WritePage(output, page.SitePath, "list", page, model);
        }
    }

    /// <summary>The region and its parents, province first; built from the codes the region carries.</summary>
    private static IEnumerable<Region> Ancestry(Region r)
    {
        if (r.Level != AdminLevel.Province)
            yield return new Region(r.ProvinceCode, r.ProvinceName, AdminLevel.Province, r.ProvinceCode, r.ProvinceName, null, null);
        if (r.Level == AdminLevel.County && r.CityCode is { } cc)
            yield return new Region(cc, r.CityName!, AdminLevel.City, r.ProvinceCode, r.ProvinceName, cc, r.CityName);
        yield return r;
    }

    private static string? Parent(Region r) => r.Level switch
    {
        AdminLevel.Province => null,
        AdminLevel.City => r.ProvinceCode,
        _ => r.CityCode ?? r.ProvinceCode,
    };

    private void RenderYears(List<PlanRow> rows, OutputFolder output)
    {
        var years = rows.Where(r => r.Year.Length > 0).GroupBy(r => r.Year).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        foreach (var year in years)
        {
            var title = string.Format(CultureInfo.InvariantCulture, _t["year.title"], year.Key);
            WriteList(output, SiteUrls.YearPath(year.Key), title, title, "years", [new PageCrumb(_t["nav.years"], SiteUrls.Years)], null, year.ToList(), []);
        }
        var links = years.Select(y => new LinkCount(string.Format(CultureInfo.InvariantCulture, _t["year.title"], y.Key), _urls.Url(SiteUrls.YearPath(y.Key)), y.Count())).ToList();
        WriteList(output, SiteUrls.Years, _t["nav.years"], _t["years.intro"], "years", [], _t["years.intro"], rows.Where(r => r.Year.Length == 0).ToList(), links);
    }

    /// <summary>The CSV and JSON downloads, and the data/ page that explains and links them.</summary>
    private void RenderData(IReadOnlyList<Plan> plans, List<PlanRow> rows, OutputFolder output, CorpusAnalysis? analysis)
    {
        var options = analysis?.Themes is { } themes
            ? new PlanAtlas.Render.Data.DataExportOptions { ExtraItemColumns = new ThemeData(themes, _t.Language).ItemColumns() }
            : PlanAtlas.Render.Data.DataExportOptions.Default;
        PlanAtlas.Render.Data.DataExport.Write(plans, output, options);
        var files = new List<LinkCount>
        {
            new(SiteUrls.DataFile("plans.csv"), _urls.Url(SiteUrls.DataFile("plans.csv")), plans.Count),
            new(SiteUrls.DataFile("items.csv"), _urls.Url(SiteUrls.DataFile("items.csv")), plans.Sum(p => p.Items.Count)),
        };
        var page = new PageInfo(_t["nav.data"], SiteUrls.Data, _t["data.intro"], "data");
        _templates.WritePage(output, page.SitePath, "data", page, new ListPageModel(_t["nav.data"], _t["data.intro"],
            rows.OrderBy(r => r.Id, StringComparer.Ordinal).Take(HomeRows).ToList(), files) { Total = rows.Count });
    }

    private void RenderContentPages(OutputFolder output, List<Diagnostic> diagnostics)
    {
        var markdown = new MarkdownPages(_urls);
        foreach (var p in Pages)
        {
            if (SiteUrls.ReservedSlugs.Contains(p.Slug))
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, "PA131", p.SourceFile, null,
                    $"page slug '{p.Slug}' is taken by the site itself; the page is skipped (set another slug in its front matter)"));
                continue;
            }
            var page = new PageInfo(p.Title, p.Slug + "/", p.Description, "pages");
            _templates.WritePage(output, page.SitePath, "page", page, new ContentPageModel(markdown.ToHtml(p.Markdown)));
        }
    }
}
