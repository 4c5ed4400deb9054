using PlanAtlas.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PlanAtlas.Read;

/// <summary>Reads input/site.yml; a missing file gives the defaults, a malformed one a diagnostic with its line.</summary>
public static class SiteSettingsLoader
{
    private sealed class SettingsYaml
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? BasePath { get; set; }
        public string? Language { get; set; }
        public string? BaseUrl { get; set; }
        public int? Clusters { get; set; }
        public int? MinGroupSize { get; set; }
    }

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <summary>site.yml (the defaults where it is missing), and what is wrong with it.</summary>
    public static (SiteSettings Settings, IReadOnlyList<Diagnostic> Diagnostics) Load(string path)
    {
        if (!File.Exists(path)) return (new SiteSettings(), []);
        SettingsYaml? raw;
        try
        {
            raw = Yaml.Deserialize<SettingsYaml>(File.ReadAllText(path));
        }
        catch (YamlException e)
        {
            return (new SiteSettings(), [new Diagnostic(Severity.Error, "PA110", InputReader.SettingsFile, (int)e.Start.Line,
                $"site.yml is not valid YAML: {e.Message}; using the defaults")]);
        }
        if (raw is null) return (new SiteSettings(), []);
        var defaults = new SiteSettings();
        return (new SiteSettings
        {
            Title = raw.Title ?? defaults.Title,
            Description = raw.Description ?? defaults.Description,
            BasePath = NormalizeBasePath(raw.BasePath),
            Language = raw.Language ?? defaults.Language,
            BaseUrl = raw.BaseUrl?.TrimEnd('/'),
            Clusters = raw.Clusters,
            MinGroupSize = Math.Max(1, raw.MinGroupSize ?? defaults.MinGroupSize),
        }, []);
    }

    /// <summary>"planatlas", "/planatlas" and "/planatlas/" all mean "/planatlas/"; empty means "/".</summary>
    public static string NormalizeBasePath(string? basePath)
    {
        var trimmed = (basePath ?? "").Trim().Trim('/');
        return trimmed.Length == 0 ? "/" : "/" + trimmed + "/";
    }
}
