using System.Text.Json;
using PlanAtlas.Index;

namespace PlanAtlas.Tests.Index;

/// <summary>
/// Reads a written search/index/ the way theme/assets/js/search.js does (keys of a term, shard by hash, postings,
/// filters), so the tests can query an index without a browser.
/// </summary>
public sealed class IndexReader
{
    private readonly string _root;
    private readonly Dictionary<int, Dictionary<ulong, int[]>> _shards = [];

    public IndexReader(string root)
    {
        _root = root;
        Table = JsonDocument.Parse(IndexFiles.Read(Path.Combine(root, IndexFiles.Table))).RootElement;
    }

    public JsonElement Table { get; }
    public int Documents => Table.GetProperty("documents").GetInt32();
    public int Plans => Table.GetProperty("plans").GetInt32();
    public int Shards => Table.GetProperty("shards").GetInt32();

    /// <summary>The keys search.js looks up for a term: its one character, or each distinct pair of adjacent characters.</summary>
    public static List<ulong> KeysOf(string term)
    {
        var points = SearchText.Normalize(term).EnumerateRunes().Select(r => r.Value).ToList();
        if (points.Count == 1) return [TermKeys.Pack(points[0], 0)];
        return Enumerable.Range(0, Math.Max(0, points.Count - 1)).Select(i => TermKeys.Pack(points[i], points[i + 1])).Distinct().ToList();
    }

    /// <summary>The documents holding every key of every term: a superset of those containing the terms.</summary>
    public IReadOnlySet<int> Candidates(params string[] terms)
    {
        HashSet<int>? found = null;
        foreach (var key in terms.SelectMany(KeysOf))
        {
            var docs = Posting(key);
            if (found is null) found = [.. docs];
            else found.IntersectWith(docs);
        }
        return found ?? [];
    }

    public int[] Posting(ulong key)
    {
        var shard = (int)(TermKeys.Hash(key) % (uint)Shards);
        if (!_shards.TryGetValue(shard, out var entries))
        {
            entries = [];
            var bytes = IndexFiles.Read(Path.Combine(_root, "k", $"{shard}.bin"));
            for (var at = 0; at < bytes.Length;)
            {
                var (k, documents, _) = PostingEncoding.Read(bytes, ref at, Documents);
                entries[k] = documents;
            }
            _shards[shard] = entries;
        }
        return entries.GetValueOrDefault(key) ?? [];
    }

    /// <summary>The plans a filter keeps (a column of value numbers, or a file per value for themes).</summary>
    public IReadOnlySet<int> Filter(string name, string value)
    {
        var facet = Table.GetProperty("facets").GetProperty(name);
        var number = facet.GetProperty("values").EnumerateArray().Select(v => v.GetString()).ToList().IndexOf(value) + 1;
        if (number == 0) return new HashSet<int>();
        if (facet.TryGetProperty("sets", out _))
        {
            var bytes = IndexFiles.Read(Path.Combine(_root, "f", $"{name}-{number}.bin"));
            var at = 0;
            return PostingEncoding.Read(bytes, ref at, Documents).Documents.ToHashSet();
        }
        return facet.GetProperty("of").EnumerateArray().Select((v, d) => (v.GetInt32(), d)).Where(x => x.Item1 == number).Select(x => x.d).ToHashSet();
    }

    /// <summary>Document n's file: url, title, facts, and its items or text.</summary>
    public JsonElement Document(int n) => JsonDocument.Parse(IndexFiles.Read(Path.Combine(_root, "t", $"{n}.bin"))).RootElement;

    /// <summary>The text search.js checks a term against (documentText).</summary>
    public string Text(int n)
    {
        var doc = Document(n);
        return doc.TryGetProperty("items", out var items)
            ? string.Join('\n', items.EnumerateArray().Select(i => i[3].GetString()).Prepend(doc.GetProperty("title").GetString()))
            : doc.GetProperty("text").GetString()!;
    }
}
