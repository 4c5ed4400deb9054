namespace PlanAtlas.Analyze.Reuse;

/// <summary>
/// Cuts an item's text into sentence-sized passages for the LSH index. A table row that repeats one sentence
/// of a long body item shares little with the item as a whole (low Jaccard) but nearly all of one passage.
/// Pieces too short to carry wording are joined to the next.
/// </summary>
public static class PassageSplitter
{
    private static readonly System.Buffers.SearchValues<char> Stops = System.Buffers.SearchValues.Create("。；;！!？?\n");

    /// <returns>Normalized passages (letters and digits only), each at least <paramref name="minLength"/> long unless the whole text is shorter.</returns>
    public static List<string> Split(string text, int minLength)
    {
        var passages = new List<string>();
        var pending = "";
        var rest = text.AsSpan();
        while (rest.Length > 0)
        {
            var stop = rest.IndexOfAny(Stops);
            var piece = stop < 0 ? rest : rest[..(stop + 1)];
            rest = stop < 0 ? [] : rest[(stop + 1)..];
            pending += TextNormalizer.Normalize(piece.ToString());
            if (pending.Length >= minLength) { passages.Add(pending); pending = ""; }
        }
        if (pending.Length > 0)
        {
            if (passages.Count > 0) passages[^1] += pending;
            else passages.Add(pending);
        }
        return passages;
    }
}
