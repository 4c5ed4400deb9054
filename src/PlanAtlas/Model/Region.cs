namespace PlanAtlas.Model;

/// <summary>Administrative level of the issuing region (GB/T 2260 has three; special zones sit at county level or above).</summary>
public enum AdminLevel { Unknown = 0, Province = 1, City = 2, County = 3 }

/// <summary>
/// A region with its GB/T 2260 code: the code is the stable identifier, names are for people.
/// <see cref="ProvinceName"/> and <see cref="CityName"/> are the parents (equal to <see cref="Name"/> at its own level).
/// </summary>
public sealed record Region(
    string Code,
    string Name,
    AdminLevel Level,
    string ProvinceCode,
    string ProvinceName,
    string? CityCode,
    string? CityName)
{
    public string? CountyName => Level == AdminLevel.County ? Name : null;
}
