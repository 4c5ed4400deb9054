using System.Text.RegularExpressions;
using PlanAtlas.Model;
using PlanAtlas.Parse.Regions;

namespace PlanAtlas.Parse;

/// <summary>Metadata from the document alone: title, kind, year and region, each with where it was found.</summary>
public static partial class MetadataExtractor
{
    [GeneratedRegex(@"(?<!\d)(19|20)\d{2}(?=年)")]
    private static partial Regex YearMention();

    [GeneratedRegex(@"工作要点|通知|意见|方案|总结|要点|安排|计划")]
    private static partial Regex TitleWord();

    public static PlanMetadata Extract(SourceDocument document, IReadOnlyList<ParagraphBlock> body,
        IReadOnlyList<RemovedText> removed, Gazetteer gazetteer)
    {
        var head = body.Where(b => !string.IsNullOrWhiteSpace(b.Text)).Take(12).ToList();
        var titleLine = head.FirstOrDefault(b => b.Text.Trim().Length <= 60 && TitleWord().IsMatch(b.Text)
                                                 && OutlineMarker.Match(b.Text) is null && !b.Text.TrimStart().StartsWith("现将"))
                        ?? head.FirstOrDefault();
        var title = titleLine?.Text.Trim();

        Sourced<int>? year = null;
        if (title is not null && YearMention().Match(title) is { Success: true } ty)
            year = new Sourced<int>(int.Parse(ty.Value), Provenance.DocumentHeader);
        else if (body.SelectMany(b => YearMention().Matches(b.Text)).GroupBy(m => m.Value)
                     .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).FirstOrDefault() is { } common)
            year = new Sourced<int>(int.Parse(common.Key), Provenance.Body, "most mentioned year in the text");

        var headText = string.Join('\n', head.Select(b => b.Text));
        Sourced<Region>? region = null;
        if (title is not null && gazetteer.FindIn(title) is { } tr) region = new(tr, Provenance.DocumentHeader);
        else if (gazetteer.FindIn(headText) is { } hr) region = new(hr, Provenance.Body, "region named near the top of the text");

        return new PlanMetadata
        {
            Title = title is null ? null : new Sourced<string>(title, Provenance.DocumentHeader),
            Kind = KindOf(title ?? "") is var k ? new Sourced<PlanKind>(k, Provenance.DocumentHeader) : null,
            Year = year,
            Region = region,
        };
    }

    public static PlanKind KindOf(string title) =>
        title.Contains("要点") ? PlanKind.WorkPoints
        : title.Contains("通知") ? PlanKind.Notice
        : title.Contains("总结") || title.Contains("回顾") ? PlanKind.Summary
        : PlanKind.Other;
}
