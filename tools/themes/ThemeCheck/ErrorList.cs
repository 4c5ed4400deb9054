using PlanAtlas.Model;

namespace PlanAtlas.ThemeCheck;

/// <summary>
/// The items whose subjects the tagger gets wrong, for the plans named in THEMECHECK_PLANS (file-name prefixes, comma
/// separated). Meant for the development plans only: looking at a held-out plan's errors would tune to it.
/// </summary>
public static class ErrorList
{
    public static int Run(IReadOnlyList<LabelledItem> items)
    {
        var prefixes = (Environment.GetEnvironmentVariable("THEMECHECK_PLANS") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (prefixes.Length == 0)
        {
            Console.WriteLine("set THEMECHECK_PLANS to the development plans' file-name prefixes");
            return 0;
        }
        var tagger = TaggingCheck.SampleTagger();
        foreach (var item in items.Where(i => prefixes.Any(p => i.File.StartsWith(p, StringComparison.Ordinal))))
        {
            var tags = tagger.Tag(item.Text);
            var subjects = tags.SubjectIds().ToHashSet();
            var missing = item.Subjects.Where(s => !subjects.Contains(s)).ToList();
            var extra = subjects.Where(s => !item.Subjects.Contains(s)).ToList();
            if (missing.Count + extra.Count == 0) continue;
            Console.WriteLine($"{item.File[..12]} #{item.Place} missing [{string.Join(",", missing)}] extra [{string.Join(",", extra)}] mentions [{string.Join(",", tags.Where(t => !t.IsSubject).Select(t => t.ThemeId))}]");
            Console.WriteLine($"    {item.Text[..Math.Min(item.Text.Length, 160)]}");
            foreach (var t in tags.Where(t => missing.Contains(t.ThemeId) || extra.Contains(t.ThemeId)))
                Console.WriteLine($"    {t.ThemeId}: {string.Join(" ", t.Evidence.Select(e => $"{e.Term}@{e.Start}"))}");
        }
        return 0;
    }
}
