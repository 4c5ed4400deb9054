namespace PlanAtlas.ThemeCheck;

/// <summary>What the reference holds: items and positives per plan and per theme, so every later figure has its n.</summary>
public static class ReferenceSummary
{
    public static int Run(IReadOnlyList<LabelledItem> items)
    {
        Console.WriteLine($"{items.Count} items in {SubjectReference.Plans(items).Count} plans");
        foreach (var plan in SubjectReference.Plans(items))
            Console.WriteLine($"  {plan}: {items.Count(i => i.File == plan)} items");
        Console.WriteLine("| theme | subject positives | mention positives |");
        Console.WriteLine("|---|---|---|");
        foreach (var theme in items.SelectMany(i => i.Subjects.Concat(i.Mentions)).Distinct().Order(StringComparer.Ordinal))
            Console.WriteLine($"| {theme} | {items.Count(i => i.Subjects.Contains(theme))} | {items.Count(i => i.Mentions.Contains(theme))} |");
        return 0;
    }
}
