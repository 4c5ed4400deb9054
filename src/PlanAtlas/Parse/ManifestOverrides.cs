using System.Globalization;
using PlanAtlas.Model;
using PlanAtlas.Parse.Regions;

namespace PlanAtlas.Parse;

/// <summary>Applies a manifest row over what the document said; a value that does not parse is reported by row and ignored.</summary>
public static class ManifestOverrides
{
    public static PlanMetadata Apply(PlanMetadata m, ManifestEntry row, string sourceFile, Gazetteer gazetteer, List<Diagnostic> diagnostics)
    {
        void Bad(string column, string value, string why) => diagnostics.Add(new Diagnostic(Severity.Warning, "PA140",
            "plans.csv", row.Row, $"{column} '{value}' for {sourceFile} {why}; the document's value is kept"));

        if (row.Title is { } title) m = m with { Title = new(title, Provenance.Manifest) };
        if (row.Issuer is { } issuer) m = m with { Issuer = new(issuer, Provenance.Manifest) };
        if (row.DocNumber is { } doc) m = m with { DocNumber = new(doc, Provenance.Manifest) };
        if (row.SourceUrl is { } url)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https") m = m with { SourceUrl = new(url, Provenance.Manifest) };
            else Bad("source_url", url, "is not an http(s) address");
        }
        if (row.Year is { } y)
        {
            if (int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1949 and <= 2100)
                m = m with { Year = new(year, Provenance.Manifest) };
            else Bad("year", y, "is not a year");
        }
        if (row.IssuedOn is { } d)
        {
            if (DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                m = m with { IssuedOn = new(date, Provenance.Manifest) };
            else Bad("issued_on", d, "is not a date in the form 2023-02-27");
        }
        if (row.Kind is { } k)
        {
            if (Enum.TryParse<PlanKind>(k, ignoreCase: true, out var kind)) m = m with { Kind = new(kind, Provenance.Manifest) };
            else Bad("kind", k, $"is not one of {string.Join(", ", Enum.GetNames<PlanKind>())}");
        }
        if (row.RegionCode is { } code)
        {
            if (gazetteer.ByCode(code) is { } r)
            {
                if (row.Region is { } name && name != r.Name && gazetteer.ByName(name).All(x => x.Code != r.Code))
                    Bad("region", name, $"contradicts region_code {code} ({r.Name})");
                m = m with { Region = new(r, Provenance.Manifest) };
            }
            else Bad("region_code", code, "is not a GB/T 2260 code");
        }
        else if (row.Region is { } name)
        {
            var matches = gazetteer.ByName(name);
            if (matches.Count == 1) m = m with { Region = new(matches[0], Provenance.Manifest) };
            else Bad("region", name, matches.Count == 0 ? "is not a known region" : "names several regions: give region_code too");
        }
        return m;
    }
}
