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
    private readonly FrozenDictionary<char, string[]> _namesByFirstChar;
    private readonly FrozenSet<string> _aliases;

    public static Gazetteer Default { get; } = Load();

    private Gazetteer(IEnumerable<(string Code, string Name, string Level, string Parent)> rows,
        IEnumerable<(string Alias, string Code)> aliases)
    {
        // A code listed twice (a city without counties, listed again as its own county) keeps its first, higher-level row.
        var raw = rows.GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.First());
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
            .Concat(regions.Values.Select(r => (Name: AutonomousNames.Short(r.Name)!, Region: r)).Where(x => x.Name is not null && !raw.Values.Any(o => o.Name == x.Name)))
            .Concat(aliases.Where(a => regions.ContainsKey(a.Code)).Select(a => (Name: a.Alias, Region: regions[a.Code])))
            .GroupBy(x => x.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Region).DistinctBy(r => r.Code).OrderBy(r => r.Code, StringComparer.Ordinal).ToArray());
        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        _aliases = aliases.Where(a => regions.ContainsKey(a.Code)).Select(a => a.Alias).ToFrozenSet(StringComparer.Ordinal);
        // Two-character names (和县, 新县, 城区, 南县) are ordinary words in running text: only aliases of that length
        // (province short names) are looked for in free text; ByName still finds them all.
        _namesByFirstChar = byName.Keys
            .Where(n => n.Length > 2 || _aliases.Contains(n))
            .GroupBy(n => n[0])
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).ToArray());
    }

    public int Count => _byCode.Count;

    public Region? ByCode(string code) => _byCode.GetValueOrDefault(code.Trim());

    /// <summary>All regions of that exact name (县 names repeat across provinces: 鼓楼区 is in four).</summary>
    public IReadOnlyList<Region> ByName(string name) => _byName.GetValueOrDefault(name.Trim()) ?? [];

    /// <summary>
    /// Region names in <paramref name="text"/>, leftmost-longest, one pass over the text (no per-name search).
    /// Traditional characters are read as simplified (黑龍江省 is 黑龙江省). A two-character name (攸县, 和县) is
    /// an ordinary word in running text, so it counts only where it opens a name (<paramref name="atStart"/>: a
    /// title or an issuer's name, 攸县网岭镇2016年度…).
    /// </summary>
    public IEnumerable<(string Name, int Index)> Mentions(string text, bool atStart = false)
    {
        text = Hanzi.Simplified.Of(text);
        if (atStart && text.Length > 2 && _byName.ContainsKey(text[..2]) && !_aliases.Contains(text[..2])
            && !(_namesByFirstChar.TryGetValue(text[0], out var longer) && longer.Any(n => text.StartsWith(n, StringComparison.Ordinal))))
        {
            yield return (text[..2], 0);
            text = new string(' ', 2) + text[2..];
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (!_namesByFirstChar.TryGetValue(text[i], out var names)) continue;
            foreach (var name in names)
            {
                if (!text.AsSpan(i).StartsWith(name, StringComparison.Ordinal)) continue;
                yield return (name, i);
                i += name.Length - 1;
                break;
            }
        }
    }

    /// <summary>The city- or county-level name that starts <paramref name="text"/> at <paramref name="index"/>, if any (杭州市加大了… → 杭州市).</summary>
    public string? MentionAt(string text, int index)
    {
        text = Hanzi.Simplified.Of(text);
        if (index >= text.Length || !_namesByFirstChar.TryGetValue(text[index], out var names)) return null;
        foreach (var name in names)
            if (text.AsSpan(index).StartsWith(name, StringComparison.Ordinal))
                return _byName[name].Any(r => r.Level is AdminLevel.City or AdminLevel.County) ? name : null;
        return null;
    }

    /// <summary>
    /// The most specific region named in <paramref name="text"/>: a county beats its city, a city its province.
    /// A name shared by several regions is resolved by a parent named in the same text, else left out.
    /// </summary>
    public Region? FindIn(string text)
    {
        var resolved = Resolve(Mentions(text, atStart: true).ToList());
        return resolved
            .OrderByDescending(r => (int)r.Region.Level)
            .ThenBy(r => r.FirstIndex)
            .ThenBy(r => r.Region.Code, StringComparer.Ordinal)
            .Select(r => r.Region)
            .FirstOrDefault();
    }

    /// <summary>
    /// The region a body of text is about: the most mentioned of the most specific regions named (a county plan
    /// names its province and city too), or, when several regions are named about equally (a province's review
    /// going city by city), the smallest region containing them all.
    /// </summary>
    public Region? InferFromBody(string text)
    {
        var resolved = Resolve(Mentions(text).ToList());
        if (resolved.Count == 0) return null;
        var codes = resolved.Select(r => r.Region.Code).ToHashSet(StringComparer.Ordinal);
        // Leaves: regions none of whose descendants is also named.
        var leaves = resolved.Where(r => !resolved.Any(o => o.Region.Code != r.Region.Code && IsWithin(o.Region, r.Region))).ToList();
        var byCount = leaves.OrderByDescending(l => l.Count).ThenBy(l => l.FirstIndex).ToList();
        if (byCount.Count == 1 || byCount[0].Count >= 2 * byCount[1].Count) return byCount[0].Region;
        // Several leaves about equally named: their smallest common ancestor within the dominant province.
        var province = byCount.GroupBy(l => l.Region.ProvinceCode).OrderByDescending(g => g.Sum(l => l.Count)).First().ToList();
        if (province.Select(l => l.Region.CityCode).Distinct().Count() == 1 && province[0].Region.CityCode is { } city && _byCode.TryGetValue(city, out var c))
            return province.Count == 1 ? province[0].Region : c;
        return _byCode.GetValueOrDefault(province[0].Region.ProvinceCode);
    }

    private static bool IsWithin(Region inner, Region outer) => outer.Level switch
    {
        AdminLevel.Province => inner.ProvinceCode == outer.Code && inner.Code != outer.Code,
        AdminLevel.City => inner.CityCode == outer.Code && inner.Code != outer.Code,
        _ => false,
    };

    private sealed record Resolved(Region Region, int Count, int FirstIndex);

    private List<Resolved> Resolve(List<(string Name, int Index)> mentions)
    {
        var found = mentions.SelectMany(m => _byName[m.Name].Select(r => (Region: r, m.Name, m.Index))).ToList();
        var codes = found.Select(f => f.Region.Code).ToHashSet(StringComparer.Ordinal);
        return found
            .Where(f => _byName[f.Name].Length == 1 || codes.Contains(f.Region.ProvinceCode) || (f.Region.CityCode is { } c && codes.Contains(c)))
            .GroupBy(f => f.Region.Code, StringComparer.Ordinal)
            .Select(g => new Resolved(g.First().Region, g.Count(), g.Min(x => x.Index)))
            .ToList();
    }

    private static bool IsPlaceholder(string name) => name is "市辖区" or "县" or "省直辖县级行政区划" or "自治区直辖县级行政区划";

    private static Gazetteer Load()
    {
        var assembly = typeof(Gazetteer).Assembly;
        return new Gazetteer(
            ReadTsv(assembly.GetManifestResourceStream("PlanAtlas.Parse.Regions.gazetteer.tsv")!)
                .Select(c => (c[0], c[1], c[2], c.Length > 3 ? c[3] : "")).ToList(),
            ReadTsv(assembly.GetManifestResourceStream("PlanAtlas.Parse.Regions.aliases.tsv")!).Select(c => (c[0], c[1])).ToList());
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
