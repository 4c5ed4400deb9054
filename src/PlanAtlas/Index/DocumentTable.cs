using System.Buffers;
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

    /// <summary>
    /// What the search page reads for one result, as JSON: where it links, what it shows, the text it checks the query
    /// against. Written straight to the bytes: there is one such file per document, and building a JSON tree for each
    /// only to serialise it was most of the cost.
    /// </summary>
    public static byte[] DocumentFile(SearchDocument document)
    {
        var bytes = new ArrayBufferWriter<byte>(document.Body.Length * 3 + document.Items.Sum(i => i.Text.Length + i.Heading.Length) * 3 + 256);
        using (var json = new Utf8JsonWriter(bytes, new JsonWriterOptions { Encoder = Json.Encoder }))
        {
            json.WriteStartObject();
            json.WriteString("url", document.Url);
            json.WriteString("title", document.Title);
            foreach (var (name, value) in document.Facts.OrderBy(f => f.Key, StringComparer.Ordinal)) json.WriteString(name, value);
            if (document.Type == SearchDocumentType.Plan)
            {
                json.WriteStartArray("items");
                foreach (var item in document.Items)
                {
                    json.WriteStartArray();
                    json.WriteStringValue(item.Id);
                    json.WriteStringValue(item.Path);
                    json.WriteStringValue(item.Heading);
                    json.WriteStringValue(item.Text);
                    json.WriteEndArray();
                }
                json.WriteEndArray();
            }
            else
            {
                json.WriteString("text", document.Body);
            }
            json.WriteEndObject();
        }
        return bytes.WrittenSpan.ToArray();
    }

    /// <summary>
    /// What <see cref="DocumentFile"/> is made of, as a digest, so that an incremental build keeps an unchanged
    /// document's file without writing its JSON (most of the stage's time after a small edit). <paramref name="textHash"/>
    /// is the hash of <see cref="SearchDocument.Text"/> the index already took: it holds the title and the body or the
    /// items' texts; each item's text length is added, as the joined text alone does not tell where an item ends.
    /// </summary>
    public static string DocumentFingerprint(SearchDocument document, UInt128 textHash)
    {
        using var part = Render.PageInputs.Part();
        Span<byte> hash = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(hash, textHash);
        part.Add("document file").Add(hash).Add(document.Type).Add(document.Url).Add(document.Title).Add(document.Facts.Count);
        foreach (var (name, value) in document.Facts.OrderBy(f => f.Key, StringComparer.Ordinal)) part.Add(name).Add(value);
        if (document.Type == SearchDocumentType.Plan)
        {
            part.Add(document.Items.Count);
            foreach (var item in document.Items) part.Add(item.Id).Add(item.Path).Add(item.Heading).Add(item.Text.Length);
        }
        return Convert.ToHexStringLower(part.Digest());
    }

    public static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
