using System.Reflection;
using System.Text;
using PlanAtlas.Parse.Regions;

namespace PlanAtlas.Analyze.CrossRefs;

/// <summary>
/// Responsible units normalised across regions: 鄂州市应急管理局, 县应急管理局 and 应急 are all the 应急管理局
/// kind. Region names (from the gazetteer) and level prefixes (市/县/区 …) are stripped, then unit-kinds.tsv
/// maps short and historical names to one kind. Built once; thread-safe.
/// </summary>
public sealed class UnitKinds
{
    private static readonly string[] LevelPrefixes = ["省直", "市直", "县直", "区直", "省", "市", "州", "县", "区", "乡", "镇", "旗"];
    private static readonly string[] DutySuffixes = ["牵头", "负责", "配合", "落实", "等部门", "等单位", "分工负责"];
    /// <summary>Words that begin with a level character that is not a prefix: 市场监管局 is not a 市 unit of 场监管局.</summary>
    private static readonly string[] NotPrefixed = ["市场", "区域", "县域", "镇域"];
    private readonly IReadOnlyDictionary<string, string> _kinds;
    private readonly HashSet<string> _known;
    private readonly Gazetteer _gazetteer;

    public UnitKinds(IReadOnlyDictionary<string, string> kinds, Gazetteer gazetteer)
    {
        _kinds = kinds;
        _known = [.. kinds.Keys, .. kinds.Values];
        _gazetteer = gazetteer;
    }

    public static UnitKinds Default { get; } = new(LoadTable(), Gazetteer.Default);

    /// <summary>The kind of department a unit as written belongs to; empty when nothing is left (各有关部门).</summary>
    public string KindOf(string unit)
    {
        var name = unit.Normalize(NormalizationForm.FormKC).Trim().TrimStart('各').Trim();
        foreach (var suffix in DutySuffixes)
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length) name = name[..^suffix.Length];
        name = StripRegions(name);
        if (!_known.Contains(name) && !NotPrefixed.Any(w => name.StartsWith(w, StringComparison.Ordinal)))
            foreach (var prefix in LevelPrefixes)
                if (name.StartsWith(prefix, StringComparison.Ordinal) && name.Length - prefix.Length >= 2) { name = name[prefix.Length..]; break; }
        return _kinds.GetValueOrDefault(name, name);
    }

    /// <summary>Removes leading region names, longest first, as often as they repeat (宜春市袁州区应急管理局).</summary>
    private string StripRegions(string name)
    {
        for (var changed = true; changed;)
        {
            changed = false;
            for (var length = Math.Min(12, name.Length - 2); length >= 2; length--)
            {
                if (_gazetteer.ByName(name[..length]).Count == 0) continue;
                name = name[length..];
                changed = true;
                break;
            }
        }
        return name;
    }

    public static IReadOnlyDictionary<string, string> LoadTable()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PlanAtlas.Analyze.CrossRefs.unit-kinds.tsv")
            ?? throw new InvalidOperationException("unit-kinds.tsv is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    }

    public static IReadOnlyDictionary<string, string> Parse(string tsv)
    {
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in tsv.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("variant\t", StringComparison.Ordinal)) continue;
            var cells = line.Split('\t');
            if (cells.Length < 3 || cells[2].Trim().Length == 0)
                throw new InvalidOperationException($"unit-kinds.tsv: '{line}' needs variant, kind and a reason");
            kinds[cells[0].Trim()] = cells[1].Trim();
        }
        return kinds;
    }
}
