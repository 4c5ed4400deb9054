using System.Text.Json.Serialization;

namespace PlanAtlas.Render;

/// <summary>
/// The page models <see cref="TemplateEngine.Fingerprint"/> hashes as JSON, with their serialisers generated at compile
/// time: System.Text.Json's reflection made its property accessors with Reflection.Emit, and the JIT compiled hundreds
/// of them in every build (the precompiled image cannot hold them). A model not listed here is still hashed, by reflection.
/// </summary>
[JsonSourceGenerationOptions(IncludeFields = true, MaxDepth = 256)]
[JsonSerializable(typeof(PageInfo))]
[JsonSerializable(typeof(Views.ListPageModel))]
[JsonSerializable(typeof(Views.HomePageModel))]
[JsonSerializable(typeof(Views.ContentPageModel))]
[JsonSerializable(typeof(Themes.ThemesIndexModel))]
[JsonSerializable(typeof(Themes.ThemePageModel))]
[JsonSerializable(typeof(Themes.ClustersIndexModel))]
[JsonSerializable(typeof(Themes.ClusterPageModel))]
[JsonSerializable(typeof(CrossRefs.CrossRefIndexModel))]
[JsonSerializable(typeof(Publish.NotFoundPageModel))]
internal sealed partial class FingerprintJsonContext : JsonSerializerContext;
