namespace PlanAtlas.Model;

/// <summary>
/// One theme of the user's taxonomy (input/themes.yml). <see cref="Signals"/> are the words and phrases that
/// tag an item; an <see cref="Exclusions"/> phrase that overlaps a signal in the text cancels that signal
/// (火灾 inside 森林火灾 is not fire safety).
/// </summary>
/// <param name="Line">1-based line of the theme's entry in themes.yml, for messages.</param>
public sealed record Theme(
    string Id,
    string NameZh,
    string NameEn,
    string Definition,
    IReadOnlyList<string> Signals,
    IReadOnlyList<string> Exclusions,
    int Line = 0,
    ThemeRole Role = ThemeRole.Topic)
{
    /// <summary>
    /// Signals that make the theme a subject only in an item's heading or first clause (themes.yml `lead_only:`): duty
    /// phrases such as 主体责任 are said of every sector's work, and elsewhere in an item they are a mention.
    /// </summary>
    public IReadOnlyList<string> LeadOnly { get; init; } = [];

    public string Name(string language) => language.StartsWith("en", StringComparison.OrdinalIgnoreCase) && NameEn.Length > 0 ? NameEn : NameZh;
}

/// <summary>
/// How a theme's words behave in a sentence (themes.yml `role:`): a <see cref="Sector"/> is a field of work
/// (燃气, 矿山); a <see cref="Verb"/> theme's words also name the work done in any sector (排查、管控、风险), so after a
/// sector's words in the same clause they are that sector's, not a commitment of their own; an
/// <see cref="Instrument"/> (technology, training, standardisation) is applied in sectors, and an item led by it names
/// the sectors where it is applied in passing.
/// </summary>
public enum ThemeRole { Topic, Sector, Verb, Instrument }

/// <summary>The themes in the order the user listed them; may be empty (no themes.yml).</summary>
public sealed record ThemeTaxonomy(IReadOnlyList<Theme> Themes)
{
    public static readonly ThemeTaxonomy Empty = new([]);

    public Theme? Find(string id) => Themes.FirstOrDefault(t => t.Id == id);
}

/// <summary>A signal found in an item's text: the term and where it sits (UTF-16 offsets into <see cref="Item.Text"/>).</summary>
public sealed record ThemeEvidence(string Term, int Start, int Length);

/// <summary>
/// How an item carries a theme (tools/themes/LABELLING.md): a <see cref="Subject"/> is what it commits to doing (its
/// heading, first sentence, sub-point leads, or most of its text); a <see cref="Mention"/> is named in passing (in a
/// list of sectors, a later sentence, a responsibility clause). Counts, shares, trends and peers use subjects.
/// </summary>
public enum ThemeStrength { Subject, Mention }

/// <summary>An item tagged with a theme, with the evidence that shows a researcher why.</summary>
public sealed record ThemeTag(string ThemeId, IReadOnlyList<ThemeEvidence> Evidence, ThemeStrength Strength = ThemeStrength.Subject)
{
    public bool IsSubject => Strength == ThemeStrength.Subject;
}

public static class ThemeTags
{
    /// <summary>The ids of the tags that are subjects, in the tags' order.</summary>
    public static IEnumerable<string> SubjectIds(this IEnumerable<ThemeTag> tags) => tags.Where(t => t.IsSubject).Select(t => t.ThemeId);
}
