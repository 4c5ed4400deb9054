namespace PlanAtlas.Model;

/// <summary>Where a metadata value came from, shown beside it on the plan page.</summary>
public enum Provenance
{
    /// <summary>A row of input/plans.csv: overrides everything else.</summary>
    Manifest,
    /// <summary>The 公文 header: banner, 发文字号, title, signature, 成文日期.</summary>
    DocumentHeader,
    /// <summary>A portal's metadata block (索引号 / 发文字号 / 发文日期 / 发文单位 …).</summary>
    PortalMetadata,
    /// <summary>Inferred from the body text (mentions of a year, a region).</summary>
    Body,
    /// <summary>Inferred from the file name.</summary>
    FileName,
}

/// <summary>A metadata value with its provenance; <see cref="Note"/> says what was repaired or why it is uncertain.</summary>
public sealed record Sourced<T>(T Value, Provenance Source, SourceNote? Note = null);

/// <summary>
/// How a value was found or repaired, as a code the pages put in their own language (theme/strings.yml,
/// <c>note.&lt;kind&gt;</c>); <see cref="Raw"/> is the text as written where it was repaired, <see cref="Reading"/>
/// how it was read. <see cref="ToString"/> is the English description the data downloads and messages use.
/// </summary>
public sealed record SourceNote(SourceNoteKind Kind, string? Raw = null, string? Reading = null)
{
    public override string ToString() => Kind switch
    {
        SourceNoteKind.Normalised => $"normalised from '{Raw}'",
        SourceNoteKind.Repaired => $"repaired from '{Raw}'",
        SourceNoteKind.NoSerial => $"'{Raw}' has no serial number",
        SourceNoteKind.DateRepaired => $"repaired from '{Raw}' read as {Reading}",
        SourceNoteKind.BannerJoined => "issuer banner joined to a title that starts with 关于",
        SourceNoteKind.CarriedTitle => "the title of the plan the document carries (no title line of its own)",
        SourceNoteKind.NoTitle => "no title",
        SourceNoteKind.NamedInTitle => "named in the title",
        SourceNoteKind.YearInSubtitle => "year in the subtitle",
        SourceNoteKind.YearOfIssueDate => "year of the issue date",
        SourceNoteKind.YearMostMentioned => "the year the text mentions most",
        SourceNoteKind.RegionOfIssuer => "region of the issuer",
        SourceNoteKind.RegionInSubtitle => "region in the subtitle",
        SourceNoteKind.RegionInCarriedTitle => "region in the title of the plan the document carries",
        SourceNoteKind.RegionOfText => "the region the text is about",
        SourceNoteKind.Signature => "signature",
        SourceNoteKind.IssuerBanner => "issuer banner",
        _ => Kind.ToString(),
    };
}

public enum SourceNoteKind
{
    Normalised, Repaired, NoSerial, DateRepaired, BannerJoined, CarriedTitle, NoTitle, NamedInTitle,
    YearInSubtitle, YearOfIssueDate, YearMostMentioned, RegionOfIssuer, RegionInSubtitle, RegionInCarriedTitle, RegionOfText,
    Signature, IssuerBanner,
}

public enum PlanKind { Other = 0, WorkPoints, Notice, Summary }

public sealed record PlanMetadata
{
    public Sourced<string>? Title { get; init; }
    public Sourced<string>? Issuer { get; init; }
    /// <summary>发文字号 as normalised (〔〕 brackets); the raw form is kept in the note when repaired.</summary>
    public Sourced<string>? DocNumber { get; init; }
    public Sourced<DateOnly>? IssuedOn { get; init; }
    public Sourced<PlanKind>? Kind { get; init; }
    public Sourced<int>? Year { get; init; }
    public Sourced<Region>? Region { get; init; }
    public Sourced<string>? SourceUrl { get; init; }

    /// <summary>A news headline's second line, or a title's subtitle.</summary>
    public Sourced<string>? Subtitle { get; init; }
    /// <summary>The title of the plan a notice transmits (关于印发《X》的通知 → X), where the body restates it.</summary>
    public Sourced<string>? EnclosedTitle { get; init; }
    /// <summary>主送机关: the addressee line without its closing colon.</summary>
    public Sourced<string>? Addressees { get; init; }
    /// <summary>发文机关署名 as signed at the end of the document.</summary>
    public Sourced<string>? Signature { get; init; }
    /// <summary>附注 such as （此件公开发布）.</summary>
    public Sourced<string>? Note { get; init; }
    /// <summary>Attachment names from the 附件说明 (附件：…).</summary>
    public IReadOnlyList<string> Attachments { get; init; } = [];
    /// <summary>The portal metadata block as the page gave it, where there was one.</summary>
    public PortalBlock? Portal { get; init; }
    /// <summary>Set when the text (and so every item) was recognised from page images (OCR) rather than read.</summary>
    public TextRecognition? Recognition { get; init; }
}
