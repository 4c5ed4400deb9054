#:project ../../src/PlanAtlas/PlanAtlas.csproj
// Prints a plan's parsed record, one item per line, for hand-labelling and checking:
//   dotnet run tools/parse/dump.cs -- input/plans/<file>.txt [--meta-only] [--details]
using PlanAtlas.Parse;
using PlanAtlas.Parse.Regions;
using PlanAtlas.Read;

var path = args[0];
var doc = new TextDocumentReader().Read(File.ReadAllBytes(path), Path.GetFileName(path));
var plan = new PlanParser(Gazetteer.Default).Parse(doc, null);
var m = plan.Metadata;
Console.WriteLine($"title: {m.Title}\nsubtitle: {m.Subtitle}\nenclosed: {m.EnclosedTitle}\nissuer: {m.Issuer}\ndoc: {m.DocNumber}\nissued: {m.IssuedOn}\nkind: {m.Kind}\nyear: {m.Year}\nregion: {m.Region}\naddressees: {m.Addressees}\nsignature: {m.Signature}\nnote: {m.Note}\nattachments: {string.Join(" | ", m.Attachments)}");
foreach (var s in plan.MetadataSpans) Console.WriteLine($"  meta {s.Span.Line}:{s.Span.Start}+{s.Span.Length} {s.Field}");
foreach (var r in plan.Removed) Console.WriteLine($"  removed {r.Line} {r.Reason}: {r.Text[..Math.Min(30, r.Text.Length)]}");
foreach (var d in plan.Diagnostics) Console.WriteLine($"  diag {d}");
foreach (var p in SpanAccounting.Check(plan, doc)) Console.WriteLine($"  LOSSLESS {p}");
if (args.Contains("--meta-only")) return;
foreach (var i in plan.Items)
{
    var t = i.Text.Replace("\n", "⏎");
    Console.WriteLine($"{i.Line,4} {i.Kind,-9} {i.Id,-10} {i.Path,-16} [{i.Heading}] {t[..Math.Min(24, t.Length)]}");
    if (args.Contains("--details"))
        Console.WriteLine($"       units={string.Join(";", i.ResponsibleUnits)} dl={string.Join(";", i.Deadlines.Select(x => x.Text + "=" + x.Date))} tg={string.Join(" | ", i.Targets)} cit={string.Join(";", i.Citations)} sl={i.Slogans.Count}");
}
