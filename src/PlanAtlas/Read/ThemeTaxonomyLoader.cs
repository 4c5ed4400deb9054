using PlanAtlas.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PlanAtlas.Read;

/// <summary>
/// Reads input/themes.yml for the read stage (<see cref="InputSet.Taxonomy"/>). Walks the YAML node tree (not a deserializer) so that every problem can name its
/// line: malformed YAML, unknown fields, missing ids, duplicate ids. A bad theme is skipped, the rest load.
/// </summary>
public static class ThemeTaxonomyLoader
{
    public const string FileName = "themes.yml";

    private static readonly HashSet<string> Fields = new(["id", "zh", "en", "definition", "signals", "exclude", "role", "lead_only"], StringComparer.Ordinal);

    /// <summary>themes.yml of <paramref name="inputDirectory"/>, and what is wrong with it (each message names its line).</summary>
    public static (ThemeTaxonomy Taxonomy, IReadOnlyList<Diagnostic> Diagnostics) Load(string inputDirectory)
    {
        var reading = new Reading();
        return (reading.Load(inputDirectory), reading.Diagnostics);
    }

    /// <summary>A themes.yml text, and what is wrong with it.</summary>
    public static (ThemeTaxonomy Taxonomy, IReadOnlyList<Diagnostic> Diagnostics) Parse(string yaml)
    {
        var reading = new Reading();
        return (reading.Parse(yaml), reading.Diagnostics);
    }

    /// <summary>One reading of one file: the messages gather here as the nodes are walked.</summary>
    private sealed class Reading
    {
        public List<Diagnostic> Diagnostics { get; } = [];

        public ThemeTaxonomy Load(string inputDirectory)
        {
            var path = Path.Combine(inputDirectory, FileName);
            if (!File.Exists(path))
            {
                Diagnostics.Add(new Diagnostic(Severity.Info, "PA400", FileName, null, "no themes.yml: items are not tagged with themes (clusters are still computed)"));
                return ThemeTaxonomy.Empty;
            }
            return Parse(File.ReadAllText(path));
        }

        public ThemeTaxonomy Parse(string yaml)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(yaml));
            }
            catch (YamlException e)
            {
                Diagnostics.Add(Error("PA401", (int)e.Start.Line, $"themes.yml is not valid YAML: {e.Message}; no themes are used"));
                return ThemeTaxonomy.Empty;
            }
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
                return Fail(stream.Documents.Count == 0 ? 1 : Line(stream.Documents[0].RootNode), "themes.yml must be a mapping with a 'themes:' list");
            YamlSequenceNode? list = null;
            foreach (var (key, value) in root.Children)
            {
                if (Scalar(key) == "themes" && value is YamlSequenceNode seq) list = seq;
                else Diagnostics.Add(Warning("PA402", Line(key), $"unknown top-level field '{Scalar(key)}' (expected 'themes'); ignored"));
            }
            if (list is null) return Fail(Line(root), "themes.yml has no 'themes:' list");

            var themes = new List<Theme>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var node in list.Children)
            {
                if (ReadTheme(node) is not { } theme) continue;
                if (!ids.Add(theme.Id))
                {
                    Diagnostics.Add(Error("PA405", theme.Line, $"theme id '{theme.Id}' is used twice; the second is skipped"));
                    continue;
                }
                themes.Add(theme);
            }
            return new ThemeTaxonomy(themes);
        }

        private Theme? ReadTheme(YamlNode node)
        {
            var line = Line(node);
            if (node is not YamlMappingNode map)
            {
                Diagnostics.Add(Error("PA403", line, "each theme must be a mapping (id, zh, en, definition, signals, exclude); skipped"));
                return null;
            }
            string? id = null, zh = null, en = null, definition = null;
            List<string> signals = [], exclude = [], leadOnly = [];
            var role = ThemeRole.Topic;
            foreach (var (keyNode, value) in map.Children)
            {
                var key = Scalar(keyNode);
                switch (key)
                {
                    case "id": id = Scalar(value); break;
                    case "zh": zh = Scalar(value); break;
                    case "en": en = Scalar(value); break;
                    case "definition": definition = Scalar(value); break;
                    case "signals": signals = Terms(value, key); break;
                    case "exclude": exclude = Terms(value, key); break;
                    case "lead_only": leadOnly = Terms(value, key); break;
                    case "role":
                        if (!Enum.TryParse(Scalar(value), ignoreCase: true, out role) || !Enum.IsDefined(role))
                        {
                            Diagnostics.Add(Warning("PA407", Line(value), $"role '{Scalar(value)}' is not one of topic, sector, verb, instrument; topic is used"));
                            role = ThemeRole.Topic;
                        }
                        break;
                    default:
                        Diagnostics.Add(Warning("PA402", Line(keyNode), $"unknown field '{key}' in a theme (expected one of {string.Join(", ", Fields.Order(StringComparer.Ordinal))}); ignored"));
                        break;
                }
            }
            if (string.IsNullOrWhiteSpace(id) || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                Diagnostics.Add(Error("PA404", line, $"a theme needs an id of ASCII letters, digits, '-' or '_' (got '{id}'); skipped"));
                return null;
            }
            if (signals.Count == 0)
                Diagnostics.Add(Warning("PA406", line, $"theme '{id}' has no signals: no item will be tagged with it"));
            foreach (var term in leadOnly.Where(t => !signals.Contains(t)))
                Diagnostics.Add(Warning("PA408", line, $"lead_only term '{term}' of theme '{id}' is not one of its signals; it has no effect"));
            return new Theme(id, zh ?? id, en ?? "", definition ?? "", signals, exclude, line, role) { LeadOnly = leadOnly };
        }

        private List<string> Terms(YamlNode node, string field)
        {
            if (node is YamlSequenceNode seq)
                return seq.Children.Select(Scalar).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            if (node is YamlScalarNode { Value: null or "" }) return [];
            Diagnostics.Add(Error("PA403", Line(node), $"'{field}' must be a list such as [燃气, 液化石油气]; ignored"));
            return [];
        }

        private static string Scalar(YamlNode node) => node is YamlScalarNode s ? (s.Value ?? "").Trim() : "";
        private static int Line(YamlNode node) => (int)node.Start.Line;

        private ThemeTaxonomy Fail(int line, string message)
        {
            Diagnostics.Add(Error("PA401", line, message + "; no themes are used"));
            return ThemeTaxonomy.Empty;
        }

        private static Diagnostic Error(string code, int line, string message) => new(Severity.Error, code, FileName, line, message);
        private static Diagnostic Warning(string code, int line, string message) => new(Severity.Warning, code, FileName, line, message);
    }
}
