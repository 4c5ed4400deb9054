using System.Globalization;
using System.Text;
using PlanAtlas.Model;
using PlanAtlas.Parse;
using PlanAtlas.Parse.Regions;
using PlanAtlas.Read;

namespace PlanAtlas.Bench;

/// <summary>
/// A deterministic synthetic corpus for benchmarks: N plans recombining and mutating the items of the
/// sample plans, across real GB/T 2260 regions and the years 2014–2025. Every file says it is synthetic
/// in its first line, and the folder's site.yml says so too; it is never written into input/.
/// </summary>
public sealed class CorpusGenerator
{
    public const string SyntheticMarker = "【合成语料：PlanAtlas 基准测试自动生成，非真实政府文件】";
    private static readonly string[] SampleRegionNames = ["鄂州市", "宜春市", "柳林县", "平潭", "浙江省", "鄂州", "宜春", "柳林", "我市", "我县", "全市", "全县"];

    private readonly IReadOnlyList<string> _sections;
    private readonly IReadOnlyList<string> _items;
    private readonly IReadOnlyList<(string Code, string Name)> _regions;

    private readonly string _sampleInputDirectory;

    public CorpusGenerator(string sampleInputDirectory)
    {
        _sampleInputDirectory = sampleInputDirectory;
        var input = InputReader.CreateDefault().Read(sampleInputDirectory);
        var parser = new PlanParser(Gazetteer.Default);
        var plans = input.Documents.OrderBy(d => d.SourceFile, StringComparer.Ordinal).Select(d => parser.Parse(d)).ToList();
        _sections = plans.SelectMany(p => p.Items).Where(i => i.Kind == ItemKind.Section && i.Level == 1)
            .Select(i => i.Heading).Where(h => h.Length is > 4 and < 40).Distinct().ToList();
        _items = plans.SelectMany(p => p.Items)
            .Where(i => i.Kind is ItemKind.Item or ItemKind.SubItem or ItemKind.TableRow && i.Text.Length > 30)
            .Select(i => StripMarker(i)).Distinct().ToList();
        if (_sections.Count == 0 || _items.Count == 0)
            throw new InvalidOperationException($"no sections or items found in {sampleInputDirectory}");
        _regions = ReadRegions();
    }

    public int SourceItems => _items.Count;

    /// <summary>Writes plans/*.txt and site.yml for <paramref name="count"/> plans into <paramref name="outputDirectory"/>.</summary>
    public void Generate(int count, string outputDirectory, int seed = 20260101)
    {
        var plansDirectory = Path.Combine(outputDirectory, "plans");
        Directory.CreateDirectory(plansDirectory);
        File.WriteAllText(Path.Combine(outputDirectory, "site.yml"),
            $"# Synthetic benchmark corpus ({count} plans, seed {seed}) made by bench/PlanAtlas.Bench; not real documents.\n" +
            "title: 合成基准语料（非真实文件）\ndescription: PlanAtlas 性能测试用的合成语料。\nlanguage: zh-CN\n");
        // The sample's theme taxonomy, so the analyze stage tags themes as it does for a real site.
        var themes = Path.Combine(_sampleInputDirectory, "themes.yml");
        if (File.Exists(themes)) File.Copy(themes, Path.Combine(outputDirectory, "themes.yml"), overwrite: true);
        // Each plan gets its own Random from (seed, index), so plan i is the same whatever N is and the
        // plans can be written in parallel without changing a byte.
        Parallel.For(0, count, i =>
        {
            var random = new Random(PlanSeed(seed, i));
            var (code, name) = _regions[random.Next(_regions.Count)];
            var year = 2014 + random.Next(12);
            var text = PlanText(random, name, year);
            File.WriteAllText(Path.Combine(plansDirectory, $"{code}-{year}-{i.ToString("D5", CultureInfo.InvariantCulture)}.txt"), text, new UTF8Encoding(false));
        });
    }

    /// <summary>
    /// The benchmark's "researcher edits one plan": the plan in the middle of the folder (by name) gets its first
    /// item reworded and one item added, deterministically. Returns the edited file's name.
    /// </summary>
    public string EditOne(string inputDirectory)
    {
        var plansDirectory = Path.Combine(inputDirectory, "plans");
        var files = Directory.GetFiles(plansDirectory, "*.txt").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new InvalidOperationException($"no plans in {plansDirectory}");
        var file = files[files.Count / 2];
        var lines = File.ReadAllLines(file).ToList();
        var first = lines.FindIndex(l => l.StartsWith("（一）", StringComparison.Ordinal));
        var last = lines.FindLastIndex(l => l.StartsWith('（'));
        if (first < 0 || last < 0) throw new InvalidOperationException($"{file} has no numbered items to edit");
        lines[first] = "（一）" + "根据年度考核反馈意见，" + lines[first][3..];
        lines.Insert(last + 1, $"（{ChineseNumerals.Format(lines.Count(l => l.StartsWith('（')) + 1)}）{_items[_items.Count / 2]}");
        File.WriteAllText(file, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        return Path.GetFileName(file);
    }

    /// <summary>A fixed mix of seed and index (HashCode.Combine is randomised per process, so it cannot be used).</summary>
    internal static int PlanSeed(int seed, int index)
    {
        var x = (ulong)(uint)seed << 32 | (uint)index;
        x ^= x >> 33; x *= 0xff51afd7ed558ccdUL; x ^= x >> 33; x *= 0xc4ceb9fe1a85ec53UL; x ^= x >> 33;
        return (int)(x & int.MaxValue);
    }

    private string PlanText(Random random, string regionName, int year)
    {
        var sb = new StringBuilder();
        sb.AppendLine(SyntheticMarker);
        sb.AppendLine($"{regionName}{year}年安全生产工作要点");
        sb.AppendLine();
        sb.AppendLine($"{year}年全{(regionName.EndsWith('县') ? "县" : "市")}安全生产工作要以习近平新时代中国特色社会主义思想为指导，坚持人民至上、生命至上，统筹发展和安全。");
        var sections = 4 + random.Next(4);
        var itemNumber = 0;
        for (var s = 1; s <= sections; s++)
        {
            sb.AppendLine($"{ChineseNumerals.Format(s)}、{_sections[random.Next(_sections.Count)]}");
            var items = 3 + random.Next(6);
            for (var k = 0; k < items; k++)
            {
                itemNumber++;
                sb.AppendLine($"（{ChineseNumerals.Format(itemNumber)}）{Mutate(random, _items[random.Next(_items.Count)], regionName)}");
            }
        }
        sb.AppendLine();
        sb.AppendLine($"{regionName}安全生产委员会办公室");
        sb.AppendLine($"{year}年{1 + random.Next(4)}月{1 + random.Next(28)}日");
        return sb.ToString();
    }

    /// <summary>Swaps the sample's region names for the plan's own and makes a few character edits, as copied text drifts.</summary>
    private static string Mutate(Random random, string text, string regionName)
    {
        foreach (var name in SampleRegionNames) text = text.Replace(name, regionName, StringComparison.Ordinal);
        var chars = new StringBuilder(text);
        var edits = random.Next(4);
        for (var e = 0; e < edits && chars.Length > 10; e++)
        {
            var at = random.Next(chars.Length - 1);
            if (random.Next(2) == 0) chars.Remove(at, 1);
            else chars.Insert(at, chars[random.Next(chars.Length)]);
        }
        return chars.ToString();
    }

    private static string StripMarker(Item item)
    {
        var text = item.Text.Trim();
        return item.Marker is { Length: > 0 } m && text.StartsWith(m.Trim(), StringComparison.Ordinal) ? text[m.Trim().Length..] : text;
    }

    private static IReadOnlyList<(string, string)> ReadRegions()
    {
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream("PlanAtlas.Parse.Regions.gazetteer.tsv")!;
        using var reader = new StreamReader(stream);
        var regions = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            var cells = line.Split('\t');
            if (cells.Length < 3 || line.StartsWith('#') || cells[0] == "code" || cells[1] is "市辖区" or "县" || cells[1].Contains("直辖")) continue;
            regions.Add((cells[0], cells[1]));
        }
        return regions;
    }
}
