using YamlDotNet.Serialization;

namespace PlanAtlas.Render;

/// <summary>
/// The UI text of the site, from theme/strings.yml: one map per language (zh-CN first, en). A key missing
/// in the chosen language falls back to zh-CN, then to the key itself, so a partial translation still renders.
/// </summary>
public sealed class UiStrings
{
    public const string DefaultLanguage = "zh-CN";

    /// <summary>The theme file the strings come from.</summary>
    public const string FileName = "strings.yml";
    private readonly IReadOnlyDictionary<string, string> _chosen;
    private readonly IReadOnlyDictionary<string, string> _fallback;

    public UiStrings(string yaml, string language)
    {
        Dictionary<string, Dictionary<string, string>> all;
        try
        {
            all = new DeserializerBuilder().Build().Deserialize<Dictionary<string, Dictionary<string, string>>>(yaml) ?? [];
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new Read.BuildInputException($"{FileName}:{e.Start.Line}: {e.InnerException?.Message ?? e.Message}", e);
        }
        _fallback = all.GetValueOrDefault(DefaultLanguage) ?? [];
        _chosen = all.GetValueOrDefault(language) ?? _fallback;
        Language = all.ContainsKey(language) ? language : DefaultLanguage;
    }

    public string Language { get; }

    public string this[string key] => _chosen.GetValueOrDefault(key) ?? _fallback.GetValueOrDefault(key) ?? key;

    /// <summary>
    /// The string for <paramref name="key"/> in the site's own language, or null: for text that otherwise keeps its
    /// own (English) wording, such as a parser message, rather than falling back to another language.
    /// </summary>
    public string? Find(string key) => _chosen.GetValueOrDefault(key);

    public IReadOnlyDictionary<string, string> All =>
        _fallback.Keys.Union(_chosen.Keys).Order(StringComparer.Ordinal).ToDictionary(k => k, k => this[k]);
}
