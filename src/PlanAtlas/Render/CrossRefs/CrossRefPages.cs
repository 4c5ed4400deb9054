using System.Globalization;
using PlanAtlas.Model;
using PlanAtlas.Render.Charts;
using PlanAtlas.Render.Compare;
using PlanAtlas.Render.Data;
using PlanAtlas.Render.Views;

namespace PlanAtlas.Render.CrossRefs;

/// <summary>
/// The cross-reference indexes and their data files: citations/ (and a page per cited document), slogans/,
/// units/ and reuse/ (passages shared by several plans, first appearance and spread), plus data/reuse.csv,
/// data/citations.csv, data/slogans.csv and data/units.csv (UTF-8 with BOM, deterministic order). Index pages list the
/// most widespread entries and the first appearances of each (<see cref="IndexRows"/>, <see cref="IndexSteps"/>); the CSVs hold all.
/// </summary>
/// <param name="inputs">The input fingerprints of the cited documents' pages, when an incremental build may keep unchanged pages.</param>
public sealed class CrossRefPages(SiteRenderer site, ItemLinks links, PlanPageInputs? inputs = null)
{
    public static readonly IReadOnlyList<string> Sections = ["citations", "slogans", "units", "reuse"];

    /// <summary>Entries an index page lists (the most widespread first); the CSV has every one.</summary>
    public const int IndexRows = 200;
    /// <summary>Appearances a timeline shows on an index page; a cited document's own page shows up to <see cref="DetailSteps"/>.</summary>
    public const int IndexSteps = 10, DetailSteps = 200;
    /// <summary>Plans listed under "repeats its own text" on the reuse page (most links first).</summary>
    public const int WithinPlanShown = 100;

    public void Render(IReadOnlyList<Plan> plans, PeerAnalysis analysis, OutputFolder output)
    {
        var t = site.Strings;

        // Every cited document keeps its own page (a permalink), with a timeline as long as DetailSteps.
        var ids = new Slugs.UniqueIds();
        var citationPaths = analysis.Citations.Select(c => SiteUrls.CitationPath(ids.Claim(Slugs.ForPath(c.Key.Trim('《', '》'))))).ToList();
        Index("citations", analysis.Citations.Zip(citationPaths).Take(IndexRows).Select(x => Row(x.First, x.Second, IndexSteps)).ToList(), analysis.Citations.Count, "data/citations.csv", [], 0, output);
        Parallel.ForEach(analysis.Citations.Zip(citationPaths), x =>
        {
            var fingerprint = inputs?.CitationPage(x.First, x.Second, DetailSteps);
            if (fingerprint is not null && output.TryKeep(x.Second, fingerprint)) return;
            var row = Row(x.First, x.Second, DetailSteps);
            var page = new PageInfo(row.Key, row.Url, string.Format(CultureInfo.InvariantCulture, t["citations.detail"], row.Plans, row.FirstYear), "citations")
            { Breadcrumbs = [new PageCrumb(t["nav.citations"], SiteUrls.Citations)] };
            site.Templates.WritePage(output, "crossref", page, new CrossRefDetailModel("citations", Linked(row), site.Urls.Url(SiteUrls.Citations)), fingerprint, []);
        });

        Index("slogans", analysis.Slogans.Take(IndexRows).Select(s => Row(s, "", IndexSteps)).ToList(), analysis.Slogans.Count, "data/slogans.csv", [], 0, output);
        Index("units", analysis.Units.Take(IndexRows).Select(u => Row(u, "", IndexSteps)).ToList(), analysis.Units.Count, "data/units.csv", [], 0, output);

        var titles = plans.ToDictionary(p => p.Id, p => p.Title, StringComparer.Ordinal);
        var withinPlan = analysis.Links.Where(l => l.WithinPlan && titles.ContainsKey(l.A.PlanId)).GroupBy(l => l.A.PlanId)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new LinkCount(titles[g.Key], site.Urls.Url(SiteUrls.PlanPath(g.Key)), g.Count())).ToList();
        Index("reuse", analysis.Passages.Take(IndexRows).Select(p => Row(p, "", IndexSteps)).ToList(), analysis.Passages.Count, "data/reuse.csv",
            withinPlan.Take(WithinPlanShown).ToList(), withinPlan.Count, output);
    }

    private void Index(string kind, List<CrossRefRow> rows, int total, string csv, IReadOnlyList<LinkCount> withinPlan, int withinPlanTotal, OutputFolder output)
    {
        var t = site.Strings;
        var page = new PageInfo(t[$"nav.{kind}"], kind + "/", t[$"{kind}.intro"], kind);
        var model = new CrossRefIndexModel(kind, t[$"nav.{kind}"], t[$"{kind}.intro"], rows.Select(Linked).ToList(), csv.Length > 0 ? site.Urls.Url(csv) : "", withinPlan)
        { Total = total, WithinPlanTotal = withinPlanTotal };
        site.Templates.WritePage(output, page.SitePath, "crossrefs", page, model);
    }

    private CrossRefRow Linked(CrossRefRow row) => row.Url.Length == 0 || row.Url.StartsWith('/') ? row : row with { Url = site.Urls.Url(row.Url) };

    /// <param name="steps">Appearances the timeline shows, earliest first; the row still counts them all.</param>
    /// <remarks>
    /// One pass over the mentions, for the timeline, the counts and the variants: a unit named in every plan has a
    /// mention per plan, and four index pages of 200 rows each went over every row's mentions several times.
    /// </remarks>
    private CrossRefRow Row(CrossReference reference, string sitePath, int steps)
    {
        var timeline = new List<MentionView>(Math.Min(steps, reference.Mentions.Count));
        var known = 0;
        // The thread's sets, emptied: a row's sets grow to its mentions (a plan each), for a moment.
        var plans = t_plans ??= new HashSet<string>(StringComparer.Ordinal);
        var variants = t_variants ??= new HashSet<string>(StringComparer.Ordinal);
        plans.Clear();
        variants.Clear();
        int? firstYear = null;
        foreach (var m in reference.Mentions)
        {
            plans.Add(m.Item.PlanId);
            variants.Add(m.AsWritten.Trim());
            if (m.Year is { } year && (firstYear is null || year < firstYear)) firstYear = year;
            if (!links.Contains(m.Item)) continue;
            if (known++ < steps) timeline.Add(new MentionView(m.Year?.ToString(CultureInfo.InvariantCulture) ?? "", links.View(m.Item), m.AsWritten));
        }
        return new CrossRefRow(reference.Key, sitePath, plans.Count, reference.Mentions.Count,
            firstYear?.ToString(CultureInfo.InvariantCulture) ?? "", timeline.FirstOrDefault()?.Item.PlanTitle ?? "",
            timeline, variants.Order(StringComparer.Ordinal).Take(20).ToList())
        { MoreSteps = known - timeline.Count };
    }

    [ThreadStatic] private static HashSet<string>? t_plans, t_variants;

    private static string Year(int? y) => y?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static readonly string[] MentionsHeader = ["plans", "first_year", "plan_id", "item_id", "year", "as_written"];
    private static readonly string[] ReuseHeader = ["plan_a", "item_a", "plan_b", "item_b", "score", "shared_chars", "within_plan"];

    /// <summary>
    /// One row per mention. A reference's plan count and first year are computed once, not per mention: a unit named in
    /// every plan has a mention per plan. Rows are written field by field, as reuse.csv's are.
    /// </summary>
    internal static void MentionsCsv(Stream stream, string keyColumn, IReadOnlyList<CrossReference> references)
    {
        using var writer = CsvText.Writer(stream);
        CsvText.Record(writer, [keyColumn, .. MentionsHeader], CsvText.Quoting.Default);
        MentionRows(writer, references, 0, references.Count);
    }

    private static void MentionRows(TextWriter writer, IReadOnlyList<CrossReference> references, int start, int count)
    {
        const CsvText.Quoting quoting = CsvText.Quoting.Default;
        for (var i = start; i < start + count; i++)
        {
            var r = references[i];
            var (plans, firstYear) = (r.PlanIds.Count.ToString(CultureInfo.InvariantCulture), Year(r.FirstYear));
            foreach (var m in r.Mentions)
            {
                CsvText.Field(writer, r.Key, quoting);
                writer.Write(',');
                CsvText.Field(writer, plans, quoting);
                writer.Write(',');
                CsvText.Field(writer, firstYear, quoting);
                writer.Write(',');
                CsvText.Field(writer, m.Item.PlanId, quoting);
                writer.Write(',');
                CsvText.Field(writer, m.Item.ItemId, quoting);
                writer.Write(',');
                if (m.Year is { } year) Number(writer, year);
                writer.Write(',');
                CsvText.Field(writer, m.AsWritten, quoting);
                writer.Write("\r\n");
            }
        }
    }

    /// <summary>
    /// reuse.csv, a row per link, written field by field: a row as a string array with its numbers as strings is
    /// garbage on every row, and young collections over the analysis's heap are slow (figures: bench/README.md).
    /// </summary>
    internal static void ReuseCsv(Stream stream, IReadOnlyList<ReuseLink> links)
    {
        using var writer = CsvText.Writer(stream);
        CsvText.Record(writer, ReuseHeader, CsvText.Quoting.Default);
        ReuseRows(writer, links, 0, links.Count);
    }

    private static void ReuseRows(TextWriter writer, IReadOnlyList<ReuseLink> links, int start, int count)
    {
        const CsvText.Quoting quoting = CsvText.Quoting.Default;
        Span<char> score = stackalloc char[64];
        for (var i = start; i < start + count; i++)
        {
            var l = links[i];
            CsvText.Field(writer, l.A.PlanId, quoting);
            writer.Write(',');
            CsvText.Field(writer, l.A.ItemId, quoting);
            writer.Write(',');
            CsvText.Field(writer, l.B.PlanId, quoting);
            writer.Write(',');
            CsvText.Field(writer, l.B.ItemId, quoting);
            writer.Write(',');
            // A number needs no quotes (no comma, quote, line break or space).
            writer.Write(l.Score.TryFormat(score, out var length, "0.####", CultureInfo.InvariantCulture) ? score[..length] : l.Score.ToString("0.####", CultureInfo.InvariantCulture));
            writer.Write(',');
            Number(writer, l.SharedChars);
            writer.Write(l.WithinPlan ? ",1\r\n" : ",0\r\n");
        }
    }

    private static void Number(TextWriter writer, int value)
    {
        Span<char> digits = stackalloc char[16];
        value.TryFormat(digits, out var length, provider: CultureInfo.InvariantCulture);
        writer.Write(digits[..length]);
    }

    /// <summary>
    /// data/reuse.csv, citations.csv, units.csv and slogans.csv; independent of the pages, so the renderer writes them
    /// alongside. In an incremental build each is written in parts (<see cref="OutputFolder.WriteTextParts"/>): reuse.csv
    /// a part per plan's run of links (the links are in plan order), a mentions CSV a part per reference, each keyed by
    /// the digest of its rows' values. An edit changes the links of the plans that share text with the edited one and the
    /// references it mentions: the other parts are copied, and a file none of whose parts changed is kept.
    /// </summary>
    public static void WriteData(PeerAnalysis analysis, OutputFolder output)
    {
        if (output.Reuse is null)
        {
            output.WriteStream("data/reuse.csv", stream => ReuseCsv(stream, analysis.Links));
            output.WriteStream("data/citations.csv", stream => MentionsCsv(stream, "document", analysis.Citations));
            output.WriteStream("data/units.csv", stream => MentionsCsv(stream, "unit", analysis.Units));
            output.WriteStream("data/slogans.csv", stream => MentionsCsv(stream, "slogan", analysis.Slogans));
            return;
        }
        var links = analysis.Links;
        CsvParts.Write(output, "data/reuse.csv", ReuseHeader, CsvParts.Runs(links.Count, (i, j) => links[i].A.PlanId == links[j].A.PlanId),
            (start, count) => LinksDigest(links, start, count), (writer, start, count) => ReuseRows(writer, links, start, count));
        foreach (var (path, column, references) in new[] { ("data/citations.csv", "document", analysis.Citations), ("data/units.csv", "unit", analysis.Units), ("data/slogans.csv", "slogan", analysis.Slogans) })
            CsvParts.Write(output, path, [column, .. MentionsHeader], CsvParts.Runs(references.Count, (_, _) => false),
                (start, count) => MentionsDigest(references, start, count), (writer, start, count) => MentionRows(writer, references, start, count));
    }

    /// <summary>Every value of reuse.csv's rows for links <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> (the score's exact bits: it is printed rounded).</summary>
    internal static byte[] LinksDigest(IReadOnlyList<ReuseLink> links, int start, int count)
    {
        using var inputs = PageInputs.Part();
        inputs.Add("reuse.csv").Add(count);
        for (var i = start; i < start + count; i++)
        {
            var l = links[i];
            inputs.Add(l.A.PlanId).Add(l.A.ItemId).Add(l.B.PlanId).Add(l.B.ItemId).Add(l.Score).Add(l.SharedChars);
        }
        return inputs.Digest();
    }

    /// <summary>Every value a mentions CSV's rows are made from: each reference's key and mentions (its plan count and first year come from them).</summary>
    internal static byte[] MentionsDigest(IReadOnlyList<CrossReference> references, int start, int count)
    {
        using var inputs = PageInputs.Part();
        inputs.Add("mentions.csv").Add(count);
        for (var i = start; i < start + count; i++)
        {
            var r = references[i];
            inputs.Add(r.Key).Add(r.Mentions.Count);
            foreach (var m in r.Mentions) inputs.Add(m.Item.PlanId).Add(m.Item.ItemId).Add(m.Year.HasValue).Add(m.Year ?? 0).Add(m.AsWritten);
        }
        return inputs.Digest();
    }
}
