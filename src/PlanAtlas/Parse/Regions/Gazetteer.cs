using System.Collections.Frozen;
using PlanAtlas.Model;

namespace PlanAtlas.Parse.Regions;

/// <summary>
/// All GB/T 2260 provinces, prefecture cities and counties (gazetteer.tsv, generated from china-division),
/// plus hand-kept aliases. Loaded once and immutable, so one instance serves every plan and thread.
/// </summary>
public sealed class Gazetteer
{
    private readonly FrozenDictionary<string, Region> _byCode;
    private readonly FrozenDictionary<string, Region[]> _byName;
    private readonly string[] _namesLongestFirst;

    public static Gazetteer Default { get; } = Load();

    private Gazetteer(IEnumerable<(string Code, string Name, string Level, string Parent)> rows,
        IEnumerable<(string Alias, string Code)> aliases)
    {
        var raw = rows.ToDictionary(r => r.Code);
        var regions = new Dictionary<string, Region>();
        foreach (var r in raw.Values)
        {
            var level = r.Level switch { "province" => AdminLevel.Province, "city" => AdminLevel.City, _ => AdminLevel.County };
            var province = raw[r.Code[..2] + "0000"];
            (string Code, string Name, string Level, string Parent)? city = level switch
            {
                AdminLevel.City => r,
                AdminLevel.County when raw.TryGetValue(r.Parent, out var c) => c,
                _ => null,
            };
            regions[r.Code] = new Region(r.Code, r.Name, level, province.Code, province.Name,
                city is { } cc && !IsPlaceholder(cc.Name) ? cc.Code : null,
                city is { } cn && !IsPlaceholder(cn.Name) ? cn.Name : null);
        }
        _byCode = regions.ToFrozenDictionary(StringComparer.Ordinal);

        var byName = regions.Values.Where(r => !IsPlaceholder(r.Name))
            .Select(r => (r.Name, Region: r))
            .Concat(aliases.Where(a => regions.ContainsKey(a.Code)).Select(a => (Name: a.Alias, Region: regions[a.Code])))
            .GroupBy(x => x.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Region).DistinctBy(r => r.Code).OrderBy(r => r.Code, StringComparer.Ordinal).ToArray());
        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        _namesLongestFirst = byName.Keys.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).ToArray();
    }

    public int Count => _byCode.Count;

    public Region? ByCode(string code) => _byCode.GetValueOrDefault(code.Trim());

    /// <summary>All regions of that exact name (县 names repeat across provinces: 鼓楼区 is in four).</summary>
    public IReadOnlyList<Region> ByName(string name) => _byName.GetValueOrDefault(name.Trim()) ?? [];

    /// <summary>
    /// The most specific region named in <paramref name="text"/>: a county beats its city, a city its province.
    /// A name shared by several regions is resolved by a parent named in the same text, else left out.
    /// </summary>
    public Region? FindIn(string text)
    {
        var found = new List<Region>();
        foreach (var name in _namesLongestFirst)
        {
            if (text.Contains(name, StringComparison.Ordinal)) found.AddRange(_byName[name]);
        }
        if (found.Count == 0) return null;
        var codes = found.Select(r => r.Code).ToHashSet();
        // Unique names, plus shared ones that a parent named in the same text resolves.
        var candidates = found
            .DistinctBy(r => r.Code)
            .Where(r => _byName[r.Name].Length == 1 || codes.Contains(r.ProvinceCode) || (r.CityCode is { } c && codes.Contains(c)));
        return candidates
            .OrderByDescending(r => (int)r.Level)
            .ThenBy(r => IndexOf(text, r))
            .ThenBy(r => r.Code, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static int IndexOf(string text, Region r)
    {
        var i = text.IndexOf(r.Name, StringComparison.Ordinal);
        return i < 0 ? int.MaxValue : i;
    }

    private static bool IsPlaceholder(string name) => name is "市辖区" or "县" or "省直辖县级行政区划" or "自治区直辖县级行政区划";

    private static Gazetteer Load()
    {
        var assembly = typeof(Gazetteer).Assembly;
        return new Gazetteer(
            ReadTsv(assembly.GetManifestResourceStream("PlanAtlas.Parse.Regions.gazetteer.tsv")!)
                .Select(c => (c[0], c[1], c[2], c.Length > 3 ? c[3] : "")),
            ReadTsv(assembly.GetManifestResourceStream("PlanAtlas.Parse.Regions.aliases.tsv")!).Select(c => (c[0], c[1])));
    }

    private static IEnumerable<string[]> ReadTsv(Stream stream)
    {
        using var reader = new StreamReader(stream);
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.Length == 0) continue;
            if (header) { header = false; continue; }
            yield return line.Split('\t');
        }
    }
}
