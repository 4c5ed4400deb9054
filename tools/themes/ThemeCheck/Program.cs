using PlanAtlas.ThemeCheck;

// Every figure issue 20 asks for, leave-one-plan-out on the subject/mention reference (tools/themes/LABELLING.md).
// `dotnet run --project tools/themes/ThemeCheck -c Release [section…]`; no section runs them all.
var sections = new Dictionary<string, Func<IReadOnlyList<LabelledItem>, int>>(StringComparer.Ordinal)
{
    ["reference"] = ReferenceSummary.Run,
    ["tagging"] = TaggingCheck.Run,
    ["clusters"] = ClusterCheck.Run,
    ["supervised"] = SupervisedCheck.Run,
    ["errors"] = ErrorList.Run,
};
var items = SubjectReference.Load();
var chosen = args.Length == 0 ? sections.Keys.Where(k => k != "errors").ToList() : args.ToList();
var failed = 0;
foreach (var name in chosen)
{
    if (!sections.TryGetValue(name, out var run))
    {
        Console.Error.WriteLine($"unknown section '{name}'; sections: {string.Join(", ", sections.Keys)}");
        return 2;
    }
    Console.WriteLine($"## {name}");
    failed += run(items);
    Console.WriteLine();
}
return failed == 0 ? 0 : 1;
