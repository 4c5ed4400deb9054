using System.Text.Json;
using PlanAtlas.Analyze.Clustering;

namespace PlanAtlas.Build.Cache;

/// <summary>
/// The clustering model of the last build that trained one, so an incremental build assigns new and edited items to
/// the existing clusters instead of training again (the analyze stage decides whether the corpus moved too far).
/// </summary>
public sealed class ClusterModelCache(CacheFolder cache, bool ignorePrevious)
{
    private readonly string _path = Path.Combine(cache.Root, "cluster-model.json");

    public ClusterModel? Load()
    {
        if (ignorePrevious || !File.Exists(_path)) return null;
        try { return CacheJson.Read<ClusterModel>(_path); }
        // A damaged model is no model: the stage trains a new one.
        catch (JsonException) { return null; }
        catch (NotSupportedException) { return null; }
    }

    public void Save(ClusterModel model) =>
        CacheFolder.WriteAtomically(_path, JsonSerializer.SerializeToUtf8Bytes(model, CacheJson.Options));
}
