using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using PlanAtlas.Model;

namespace PlanAtlas.Build.Cache;

/// <summary>
/// How cached records are written: System.Text.Json over the model records as they are, with the one
/// polymorphic type (<see cref="SourceBlock"/>) told its subtypes here, so the model carries no serializer attributes.
/// </summary>
internal static class CacheJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DeclareSourceBlocks } },
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Cache files are never embedded in a page: Chinese text stays as UTF-8, half the size of \u escapes.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

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
