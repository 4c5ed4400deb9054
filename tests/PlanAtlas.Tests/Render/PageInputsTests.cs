using PlanAtlas.Render;

namespace PlanAtlas.Tests.Render;

/// <summary>A fingerprint's values are written with their lengths and as they are: two different sequences never hash alike.</summary>
public sealed class PageInputsTests
{
    private static string Digest(params string?[] texts)
    {
        using var part = PageInputs.Part();
        foreach (var text in texts) part.Add(text);
        return Convert.ToHexString(part.Digest());
    }

    [Fact]
    public void Different_texts_or_splits_give_different_digests()
    {
        string?[][] sequences =
        [
            ["ab", "c"], ["a", "bc"], ["abc"], ["abc", ""], ["abc", null], ["安全", "生产"], ["安全生产"],
            // Lone surrogates: as UTF-8 both would be written as the replacement character, and hash alike.
            ["\uD800"], ["\uDBFF"], ["\uFFFD"],
        ];
        Assert.Equal(sequences.Length, sequences.Select(s => Digest(s)).Distinct().Count());
        Assert.Equal(Digest("安全", "生产"), Digest("安全", "生产"));
    }
}
