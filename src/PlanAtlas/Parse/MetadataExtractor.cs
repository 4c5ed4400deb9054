using System.Globalization;
using System.Text.RegularExpressions;
using PlanAtlas.Model;
using PlanAtlas.Parse.Regions;
using PlanAtlas.Parse.Details;
using PlanAtlas.Parse.Header;

namespace PlanAtlas.Parse;

/// <summary>
/// Metadata from the document alone, each value with where it was found: the 公文 header and closing first,
/// then the portal block, then inference from the body (year mentions, regions named).
/// </summary>
public static partial class MetadataExtractor
{
    [GeneratedRegex(@"(?<![0-9])(?:19|20)[0-9]{2}(?=年)")]
    private static partial Regex YearMention();

    internal static PlanMetadata Extract(DocumentFrame frame, string bodyText, Gazetteer gazetteer)
    {
        var portal = frame.Portal.Count == 0 ? null : PortalBlockReader.ToBlock(frame.Portal);
        var banner = frame.Banner is { } b ? DocumentParts.OrganisationName(TextScan.TrimAll(b.Text)) : null;

        // The document's own title: the portal's title field, else the title the page gives it (a notice's title
        // with its banner, or a plan's), else the title of the plan it carries; never a file name or chrome.
        Sourced<string>? titleValue = null;
        if (PortalValue(portal, TitleKeys) is { } portalTitle) titleValue = new(portalTitle, Provenance.PortalMetadata);
        else if (frame.Chosen is { } chosen)
            titleValue = new(chosen.Text, Provenance.DocumentHeader, chosen.Banner ? new SourceNote(SourceNoteKind.BannerJoined) : null);
        else if (frame.EnclosedTitle is { } carried)
            titleValue = new(carried.Text, Provenance.DocumentHeader, new SourceNote(SourceNoteKind.CarriedTitle));

        var issuer = Issuer(frame, banner, titleValue?.Value, portal);
        var docNumber = frame.DocNumber is { } dn ? new Sourced<string>(dn.Result.Value, Provenance.DocumentHeader, NoteOf(dn.Result))
            : PortalValue(portal, "发文字号", "文号", "文件编号", "发布文号") is { } pn ? new Sourced<string>(DocNumbers.Parse(pn)?.Value ?? pn, Provenance.PortalMetadata, DocNumbers.Parse(pn) is { } pr ? NoteOf(pr) : null) : null;

        Sourced<DateOnly>? issuedOn = null;
        if ((frame.ClosingDate ?? frame.HeaderDate) is { } d) issuedOn = new(d.Result.Date, Provenance.DocumentHeader, NoteOf(d.Result));
        else if (PortalValue(portal, "成文日期", "成文时间", "发文日期", "颁布日期") is { } pd && DocumentDates.Parse(pd) is { } pdate) issuedOn = new(pdate.Date, Provenance.PortalMetadata, NoteOf(pdate));

        var kindSource = (titleValue?.Value ?? "") + (frame.Subtitle is { } kindSub ? " " + kindSub.Text : "");
        var kind = titleValue is null ? new Sourced<PlanKind>(PlanKind.Other, Provenance.Body, new SourceNote(SourceNoteKind.NoTitle))
            : new Sourced<PlanKind>(KindOf(kindSource), titleValue.Source);
        var enclosed = frame.EnclosedTitle is { } et ? new Sourced<string>(TextScan.TrimAll(et.Text), Provenance.DocumentHeader)
            : EnclosedInTitle(titleValue?.Value) is { } named ? new Sourced<string>(named, Provenance.DocumentHeader, new SourceNote(SourceNoteKind.NamedInTitle)) : null;

        Sourced<int>? year = null;
        if (titleValue is not null && YearMention().Match(titleValue.Value) is { Success: true } ty)
            year = new(int.Parse(ty.Value, CultureInfo.InvariantCulture), titleValue.Source);
        else if (frame.Subtitle is { } sub && YearMention().Match(sub.Text) is { Success: true } sy)
            year = new(int.Parse(sy.Value, CultureInfo.InvariantCulture), Provenance.DocumentHeader, new SourceNote(SourceNoteKind.YearInSubtitle));
        else if (issuedOn is not null) year = new(issuedOn.Value.Year, issuedOn.Source, new SourceNote(SourceNoteKind.YearOfIssueDate));
        else if (YearMention().Matches(bodyText).GroupBy(m => m.Value).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key, StringComparer.Ordinal).FirstOrDefault() is { } common)
            year = new(int.Parse(common.Key, CultureInfo.InvariantCulture), Provenance.Body, new SourceNote(SourceNoteKind.YearMostMentioned));

        Sourced<Region>? region = null;
        if (titleValue is not null && gazetteer.FindIn(titleValue.Value) is { } tr) region = new(tr, titleValue.Source);
        else if (issuer is not null && gazetteer.FindIn(issuer.Value) is { } ir) region = new(ir, issuer.Source, new SourceNote(SourceNoteKind.RegionOfIssuer));
        else if (frame.Subtitle is { } s2 && gazetteer.FindIn(s2.Text) is { } sr) region = new(sr, Provenance.DocumentHeader, new SourceNote(SourceNoteKind.RegionInSubtitle));
        else if (enclosed is not null && gazetteer.FindIn(enclosed.Value) is { } er) region = new(er, Provenance.DocumentHeader, new SourceNote(SourceNoteKind.RegionInCarriedTitle));
        else if (gazetteer.InferFromBody(bodyText) is { } br) region = new(br, Provenance.Body, new SourceNote(SourceNoteKind.RegionOfText));

        return new PlanMetadata
        {
            Title = titleValue,
            Subtitle = frame.Subtitle is { } st ? new(TextScan.TrimAll(st.Text), Provenance.DocumentHeader) : null,
            EnclosedTitle = enclosed,
            Issuer = issuer,
            DocNumber = docNumber,
            IssuedOn = issuedOn,
            Kind = kind,
            Year = year,
            Region = region,
            Addressees = frame.Addressees is { } a ? new(TextScan.TrimAll(a.Text).TrimEnd('：', ':'), Provenance.DocumentHeader) : null,
            Signature = frame.Signature is { } sg ? new(TextScan.TrimAll(sg.Text), Provenance.DocumentHeader) : null,
            Note = frame.Note is { } n ? new(TextScan.TrimAll(n.Text), Provenance.DocumentHeader) : null,
            Attachments = frame.Attachments.ToList(),
            Portal = portal,
        };
    }

    private static Sourced<string>? Issuer(DocumentFrame frame, string? banner, string? title, PortalBlock? portal)
    {
        if (frame.Signature is { } s) return new(TextScan.TrimAll(s.Text), Provenance.DocumentHeader, new SourceNote(SourceNoteKind.Signature));
        if (banner is not null) return new(banner, Provenance.DocumentHeader, new SourceNote(SourceNoteKind.IssuerBanner));
        if (title is not null && Hanzi.Simplified.Of(title).IndexOf("关于", StringComparison.Ordinal) is > 1 and var k && DocumentParts.IsOrganisation(title[..k]))
            return new(title[..k], Provenance.DocumentHeader, new SourceNote(SourceNoteKind.NamedInTitle));
        if (PortalValue(portal, "发文单位", "发文机关", "颁布机构", "颁布部门", "发布单位", "发布机构") is { } p) return new(p, Provenance.PortalMetadata);
        return null;
    }

    private static SourceNote? NoteOf(DocNumbers.Result r) =>
        r.Note is null ? null : new(r.Repaired ? SourceNoteKind.Repaired : r.Complete ? SourceNoteKind.Normalised : SourceNoteKind.NoSerial, r.Raw);

    private static SourceNote? NoteOf(DocumentDates.Result r) =>
        r.Repaired ? new(SourceNoteKind.DateRepaired, r.Raw, $"{r.Date.Year}年{r.Date.Month}月{r.Date.Day}日") : null;

    /// <summary>关于印发《宜春市2023年安全生产工作要点》的通知 → 宜春市2023年安全生产工作要点; 关于印发X的通知 → X.</summary>
    private static string? EnclosedInTitle(string? title)
    {
        if (title is null || !title.Contains("印发", StringComparison.Ordinal) && !title.Contains("转发", StringComparison.Ordinal)) return null;
        var citations = Quotations.Citations(title);
        return citations.Count == 1 ? citations[0] : citations.Count == 0 ? DocumentParts.NamedPlan(title) : null;
    }

    /// <summary>Where a portal gives the document's title: its 标题 field, or the ArticleTitle meta tag of the page.</summary>
    private static readonly string[] TitleKeys = ["标题", "名称", "文件名称", "ArticleTitle"];

    private static string? PortalValue(PortalBlock? portal, params ReadOnlySpan<string> keys)
    {
        if (portal is null) return null;
        foreach (var k in keys)
            if (portal[k] is { } v && !string.IsNullOrWhiteSpace(v)) return v;
        return null;
    }

    /// <summary>
    /// The kind from the title: a notice that transmits 工作要点 (关于印发…工作要点的通知) is 工作要点; a review or a
    /// news report of last year's work is a summary.
    /// </summary>
    public static PlanKind KindOf(string title) => KindOfSimplified(Hanzi.Simplified.Of(title));

    // 工作意见 of a year is the same annual plan under the name 上海's districts give it (静安区2023年安全生产工作意见).
    [GeneratedRegex(@"(?:19|20)[0-9]{2}年度?[^，。]*工作意见")]
    private static partial Regex YearWorkOpinion();

    private static PlanKind KindOfSimplified(string title) =>
        title.Contains("要点") || YearWorkOpinion().IsMatch(title) ? PlanKind.WorkPoints
        : title.Contains("总结") || title.Contains("回顾") || title.Contains("综述") ? PlanKind.Summary
        : title.Contains("通知") ? PlanKind.Notice
        : title.Contains("去年") || title.Contains("年来") ? PlanKind.Summary
        : PlanKind.Other;
}
