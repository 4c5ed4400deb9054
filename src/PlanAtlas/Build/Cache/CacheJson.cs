using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using PlanAtlas.Model;

namespace PlanAtlas.Build.Cache;

/// <summary>
/// How cached records are written: System.Text.Json over the model records as they are, with the one
/// polymorphic type (<see cref="SourceBlock"/>) told its subtypes here, so the model carries no serializer attributes.
/// The records' serializers are generated at compile time (<see cref="CacheJsonContext"/>): an incremental build
/// loads a thousand parsed plans at start-up, and reflection-based serializers are made and compiled then, in the
/// middle of a build that should take seconds. Other types fall back to reflection.
/// </summary>
internal static class CacheJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(CacheJsonContext.Default, new DefaultJsonTypeInfoResolver()).WithAddedModifier(DeclareSourceBlocks).WithAddedModifier(LeaveOutDerived),
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Cache files are never embedded in a page: Chinese text stays as UTF-8, half the size of \u escapes.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// A record read back, through a pooled buffer rather than a new array: a rebuild reads every plan's record, and in a rebuild without collections every new array is fresh memory the system has to map.
    /// </summary>
    public static T? Read<T>(string path)
    {
        using var file = File.OpenHandle(path);
        var length = RandomAccess.GetLength(file);
        if (length > Array.MaxLength) throw new IOException($"{path}: too large for a cache record");
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            var read = 0;
            for (int n; read < length && (n = RandomAccess.Read(file, buffer.AsSpan(read, (int)length - read), read)) > 0;) read += n;
            return JsonSerializer.Deserialize<T>(buffer.AsSpan(0, read), Options);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// A property made from others (<see cref="SourceDocument.Lines"/>, <see cref="Plan.Title"/>, <see cref="SourceSpan.End"/>)
    /// is left out: it can never be read back (no setter, no constructor parameter), and Lines alone doubled a source's record.
    /// </summary>
    private static void LeaveOutDerived(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        for (var i = info.Properties.Count - 1; i >= 0; i--)
            if (info.Properties[i] is { Set: null, AssociatedParameter: null }) info.Properties.RemoveAt(i);
    }

    private static void DeclareSourceBlocks(JsonTypeInfo info)
    {
        if (info.Type != typeof(SourceBlock)) return;
        info.PolymorphismOptions = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "$block",
            DerivedTypes = { new JsonDerivedType(typeof(ParagraphBlock), "p"), new JsonDerivedType(typeof(TableBlock), "table") },
        };
    }
}

[JsonSerializable(typeof(ParsedPlanCache.Entry))]
[JsonSerializable(typeof(Dictionary<string, ParsedPlanCache.Record>), TypeInfoPropertyName = "PlanIndex")]
[JsonSerializable(typeof(ManifestEntry))]
[JsonSerializable(typeof(PageCache.Record), TypeInfoPropertyName = "PageRecord")]
[JsonSerializable(typeof(PlanAtlas.Analyze.Clustering.ClusterModel))]
[JsonSerializable(typeof(SourceDocument))]
[JsonSerializable(typeof(ParagraphBlock))]
[JsonSerializable(typeof(TableBlock))]
internal sealed partial class CacheJsonContext : JsonSerializerContext;
