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
    int Line = 0)
{
    public string Name(string language) => language.StartsWith("en", StringComparison.OrdinalIgnoreCase) && NameEn.Length > 0 ? NameEn : NameZh;
}

/// <summary>The themes in the order the user listed them; may be empty (no themes.yml).</summary>
public sealed record ThemeTaxonomy(IReadOnlyList<Theme> Themes)
{
    public static readonly ThemeTaxonomy Empty = new([]);

    public Theme? Find(string id) => Themes.FirstOrDefault(t => t.Id == id);
}

/// <summary>A signal found in an item's text: the term and where it sits (UTF-16 offsets into <see cref="Item.Text"/>).</summary>
public sealed record ThemeEvidence(string Term, int Start, int Length);

/// <summary>An item tagged with a theme, with the evidence that shows a researcher why.</summary>
public sealed record ThemeTag(string ThemeId, IReadOnlyList<ThemeEvidence> Evidence);
