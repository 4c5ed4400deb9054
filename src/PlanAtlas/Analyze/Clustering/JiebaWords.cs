using JiebaNet.Segmenter;

namespace PlanAtlas.Analyze.Clustering;

/// <summary>
/// Chinese word segmentation by jieba.NET (its dictionary and HMM for unknown words), loaded once per process from the
/// files shipped in jieba/ beside the program. jieba's user dictionary is process-wide, so the taxonomy's words are not
/// added to it: <see cref="ChineseTokenizer"/> matches them itself and hands jieba only the stretches between them.
/// </summary>
public static class JiebaWords
{
    private static readonly Lazy<JiebaSegmenter> Segmenter = new(() =>
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "jieba");
        return new JiebaSegmenter();
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The words of a stretch of Chinese text, in order (accurate mode, HMM on).</summary>
    public static IEnumerable<string> Cut(string text) => Segmenter.Value.Cut(text, cutAll: false, hmm: true);
}
