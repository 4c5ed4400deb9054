using PlanAtlas.Model;

namespace PlanAtlas.Parse.Header;

internal enum TitleKind
{
    /// <summary>A notice's title: 关于…的通知, 市安委会关于印发…, 关于转发《…》的通知.</summary>
    Notice,
    /// <summary>A plan's title: 2023年全市安全生产工作要点.</summary>
    Plan,
    /// <summary>One or two short lines without a document type: a news headline, or a line of page chrome.</summary>
    Headline,
}

/// <param name="Text">The lines joined, white space between characters removed (通    知 → 通知), banner joined to a title that starts with 关于.</param>
/// <param name="Banner">The issuer banner above was joined to it.</param>
internal sealed record TitleCandidate(string Text, TitleKind Kind, IReadOnlyList<SourceSpan> Lines, int Line, bool Banner)
{
    /// <summary>A headline's second line.</summary>
    public DocumentFrame.Part? Second { get; init; }
}

/// <summary>
/// Which of a page's title-like lines is the document's own title. A notice's title beats a plan name above it
/// (a portal headline naming the plan the notice carries, 3号 2017年安全生产工作要点); a plan name beats a short
/// line of no document type. A headline of no document type is a title only on a page that is not a 公文 (no
/// addressees, signature, 文号 or date): a news report, whose headline may have a kicker (引题) over its main line
/// (主题) — the main line is the one that says who or when (我省, 去年, a place, a year); the other is the subtitle.
/// A 公文 without a title line is titled by the plan it carries (MetadataExtractor), never by chrome.
/// </summary>
internal static class TitleChoice
{
    private static readonly string[] SubjectWords = ["我省", "我市", "我区", "我县", "全省", "全市", "全区", "全县", "去年", "今年", "年来"];

    public static void Choose(DocumentFrame frame, bool isDocument)
    {
        var chosen = frame.Titles.FirstOrDefault(c => c.Kind == TitleKind.Notice) ?? frame.Titles.FirstOrDefault(c => c.Kind == TitleKind.Plan);
        if (chosen is null && !isDocument && frame.Titles.FirstOrDefault() is { Kind: TitleKind.Headline } headline)
        {
            chosen = headline;
            if (headline.Second is { } second)
            {
                var secondText = TextScan.TrimAll(second.Text);
                var firstPart = new DocumentFrame.Part(headline.Line, headline.Text);
                if (NamesSubject(secondText) && !NamesSubject(headline.Text))
                {
                    chosen = headline with { Text = secondText };
                    frame.Subtitle = firstPart;
                }
                else frame.Subtitle = second;
                frame.Titles[frame.Titles.IndexOf(headline)] = chosen;
            }
        }
        frame.Chosen = chosen;
    }

    private static bool NamesSubject(string line) =>
        SubjectWords.Any(w => line.Contains(w, StringComparison.Ordinal)) || line.Contains('年') && line.AsSpan().IndexOfAnyInRange('0', '9') >= 0;
}
