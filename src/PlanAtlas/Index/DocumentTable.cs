using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlanAtlas.Index;

/// <summary>
/// The one file the search page loads before its first query (search/index/docs.bin): the number of documents
/// and shards, each document's rough length (for ranking) and the plans' filter values. A filter that gives each
/// plan one value is a column of small numbers into the filter's list of values (0: none); plans are in id order
/// (region code, year), so neighbouring rows share their province and city and the column compresses to almost
/// nothing. A filter whose plans hold several values each (themes) would be the largest part of the table, so
/// each of its values is a file of its own (f/NAME-N.bin, a posting list as in the shards), fetched only when
/// that value is chosen.
/// </summary>
public static class DocumentTable
{
    public const int Version = 1;

    /// <summary>The table and the files of the filters whose plans hold several values, by path under search/index/.</summary>
    public static (JsonObject Table, IReadOnlyList<(string Path, byte[] Bytes)> SetFiles) Build(
        IReadOnlyList<SearchDocument> documents, int plans, int shards, IReadOnlyList<int> lengths)
    {
        var facets = new JsonObject();
        var files = new List<(string, byte[])>();
        foreach (var name in PlanDocuments.FilterNames)
        {
            var of = documents.Take(plans).Select(d => d.Facets.GetValueOrDefault(name) ?? []).ToList();
            var values = of.SelectMany(v => v).Distinct().Order(StringComparer.Ordinal).ToList();
            if (values.Count == 0) continue;
            var number = values.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i + 1, StringComparer.Ordinal);
            var facet = new JsonObject { ["values"] = Array(values) };
            if (of.Any(v => v.Distinct().Count() > 1))
            {
                facet["sets"] = true;
                foreach (var value in values)
                {
                    var members = Enumerable.Range(0, plans).Where(d => of[d].Contains(value)).ToList();
                    files.Add(($"f/{name}-{number[value]}.bin", PostingFile(members, documents.Count)));
                }
            }
            else
            {
                facet["of"] = Array(of.Select(v => v.Count == 0 ? 0 : number[v[0]]));
            }
            facets[name] = facet;
        }
        var table = new JsonObject
        {
            ["version"] = Version,
            ["documents"] = documents.Count,
            ["plans"] = plans,
            ["shards"] = shards,
            ["levels"] = Array(PostingEncoding.Levels),
            ["lengths"] = Array(lengths.Select(LengthLevel)),
            ["facets"] = facets,
        };
        return (table, files);
    }

    /// <summary>A length as 4·log2(characters), rounded: ranking needs only its rough size, and a few distinct values compress well.</summary>
    public static int LengthLevel(int characters) => (int)Math.Round(4 * Math.Log2(Math.Max(1, characters)));

    private static byte[] PostingFile(IReadOnlyList<int> members, int documentTotal)
    {
        using var bytes = new MemoryStream();
        PostingEncoding.Write(bytes, 0, members.ToArray(), new byte[members.Count], documentTotal);
        return bytes.ToArray();
    }

    private static JsonArray Array<T>(IEnumerable<T> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());

    /// <summary>What the search page reads for one result: where it links, what it shows, the text it checks the query against.</summary>
    public static JsonObject DocumentFile(SearchDocument document)
    {
        var file = new JsonObject { ["url"] = document.Url, ["title"] = document.Title };
        foreach (var (name, value) in document.Facts.OrderBy(f => f.Key, StringComparer.Ordinal)) file[name] = value;
        if (document.Type == SearchDocumentType.Plan)
            file["items"] = new JsonArray(document.Items.Select(i => (JsonNode)new JsonArray(i.Id, i.Path, i.Heading, i.Text)).ToArray());
        else
            file["text"] = document.Body;
        return file;
    }

    public static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
