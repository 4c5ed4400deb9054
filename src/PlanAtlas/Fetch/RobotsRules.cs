using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PlanAtlas.Fetch;

/// <summary>
/// A site's robots.txt as RFC 9309 reads it: the groups naming our product token (else those for *), their allow
/// and disallow rules, the longest matching rule deciding and allow winning a tie; <c>*</c> and a final <c>$</c> in
/// patterns; Crawl-delay, which the RFC leaves out, honoured as a slower pace. Hand-written because no package on
/// the registry parses robots.txt; the file is the site's, so patterns are matched without backtracking.
/// </summary>
internal sealed class RobotsRules
{
    private sealed record Rule(bool Allow, string Pattern, Regex? Wildcard);

    private readonly List<Rule> _rules;

    private RobotsRules(List<Rule> rules, TimeSpan? crawlDelay, string? refusal)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
        Refusal = refusal;
    }

    /// <summary>The longest Crawl-delay honoured: a site asking for more is still read, a minute apart.</summary>
    public static readonly TimeSpan MaxCrawlDelay = TimeSpan.FromMinutes(1);

    public static readonly RobotsRules AllowAll = new([], null, null);

    /// <summary>A robots.txt that could not be read (5xx, no answer): RFC 9309 asks crawlers to take the whole site as disallowed.</summary>
    public static RobotsRules Unreachable(string why) => new([], null, why);

    public TimeSpan? CrawlDelay { get; }

    /// <summary>Why the whole site is refused, when it is.</summary>
    public string? Refusal { get; }

    private sealed class Group
    {
        public readonly List<string> Agents = [];
        public readonly List<Rule> Rules = [];
        public TimeSpan? Delay;
    }

    public static RobotsRules Parse(string text, string productToken)
    {
        var groups = new List<Group>();
        Group? current = null;
        var lastWasAgent = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#', 2)[0].Trim();
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                // Consecutive user-agent lines share one group; one after a rule starts the next.
                if (!lastWasAgent || current is null) groups.Add(current = new Group());
                current.Agents.Add(value);
                lastWasAgent = true;
                continue;
            }
            if (current is null) continue;
            if (key is "allow" or "disallow")
            {
                if (value.Length > 0) current.Rules.Add(NewRule(key == "allow", value));
                lastWasAgent = false;
            }
            else if (key == "crawl-delay")
            {
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
                    current.Delay = TimeSpan.FromSeconds(Math.Min(seconds, MaxCrawlDelay.TotalSeconds));
                lastWasAgent = false;
            }
        }
        var ours = groups.Where(g => g.Agents.Any(a => Names(a, productToken))).ToList();
        if (ours.Count == 0) ours = groups.Where(g => g.Agents.Contains("*")).ToList();
        return new RobotsRules(ours.SelectMany(g => g.Rules).ToList(), ours.Max(g => g.Delay), null);
    }

    private static bool Names(string agent, string token) =>
        agent.Equals(token, StringComparison.OrdinalIgnoreCase) || agent.StartsWith(token + "/", StringComparison.OrdinalIgnoreCase);

    /// <param name="pathAndQuery">The URL's path and query as sent (percent-encoded).</param>
    public bool Allows(string pathAndQuery)
    {
        if (Refusal is not null) return pathAndQuery == "/robots.txt";
        Rule? best = null;
        foreach (var rule in _rules)
        {
            var matches = rule.Wildcard?.IsMatch(pathAndQuery) ?? pathAndQuery.StartsWith(rule.Pattern, StringComparison.Ordinal);
            if (!matches) continue;
            if (best is null || rule.Pattern.Length > best.Pattern.Length || (rule.Pattern.Length == best.Pattern.Length && rule.Allow)) best = rule;
        }
        return best?.Allow ?? true;
    }

    private static Rule NewRule(bool allow, string pattern)
    {
        pattern = Encoded(pattern);
        if (!pattern.Contains('*') && !pattern.EndsWith('$')) return new Rule(allow, pattern, null);
        var anchored = pattern.EndsWith('$');
        var body = anchored ? pattern[..^1] : pattern;
        var regex = "^" + string.Join(".*", body.Split('*').Select(Regex.Escape)) + (anchored ? "$" : "");
        return new Rule(allow, pattern, new Regex(regex, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant));
    }

    /// <summary>A pattern as a URL is sent: characters outside ASCII percent-encoded in UTF-8, escapes in upper case.</summary>
    private static string Encoded(string pattern)
    {
        var sb = new StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '%' && i + 2 < pattern.Length && Uri.IsHexDigit(pattern[i + 1]) && Uri.IsHexDigit(pattern[i + 2]))
            {
                sb.Append('%').Append(char.ToUpperInvariant(pattern[i + 1])).Append(char.ToUpperInvariant(pattern[i + 2]));
                i += 2;
            }
            else if (c > 0x7F)
            {
                var width = char.IsHighSurrogate(c) && i + 1 < pattern.Length ? 2 : 1;
                foreach (var b in Encoding.UTF8.GetBytes(pattern.Substring(i, width))) sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                i += width - 1;
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
