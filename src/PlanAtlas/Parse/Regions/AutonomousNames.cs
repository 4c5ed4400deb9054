namespace PlanAtlas.Parse.Regions;

/// <summary>Autonomous prefectures and counties are mostly called by their place name alone (楚雄州 for 楚雄彝族自治州).</summary>
internal static class AutonomousNames
{
    private static readonly string[] Peoples =
        ["蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳",
         "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬",
         "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春",
         "赫哲", "门巴", "珞巴", "基诺"];

    /// <summary>
    /// The short name an autonomous prefecture or county goes by, its peoples left out: 楚雄彝族自治州 → 楚雄州,
    /// 黔东南苗族侗族自治州 → 黔东南州, 峨边彝族自治县 → 峨边县. Null for other names.
    /// </summary>
    public static string? Short(string name)
    {
        if (!(name.EndsWith("自治州", StringComparison.Ordinal) || name.EndsWith("自治县", StringComparison.Ordinal) || name.EndsWith("自治旗", StringComparison.Ordinal)))
            return null;
        var core = name[..^3];
        for (var changed = true; changed;)
        {
            changed = false;
            if (core.EndsWith('族')) { core = core[..^1]; changed = true; }
            if (Peoples.Where(p => core.EndsWith(p, StringComparison.Ordinal) && core.Length - p.Length >= 2).MaxBy(p => p.Length) is { } people)
            {
                core = core[..^people.Length];
                changed = true;
            }
        }
        return core.Length >= 2 && core != name[..^3] ? core + name[^1] : null;
    }
}
