using FsCheck.Xunit;
using PlanAtlas.Index;

namespace PlanAtlas.Tests.Index;

public sealed class SearchTextTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadLines(Path.Combine(RepoPaths.Fixtures, "search", "separate.tsv")))
        {
            if (line.StartsWith('#') || line.Length == 0) continue;
            var parts = line.Split('\t');
            data.Add(parts[0], parts[1]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_cjk_character_becomes_a_word_of_its_own(string text, string expected) =>
        Assert.Equal(expected.Replace('|', SearchText.WordBreak), SearchText.Separate(text));

    [Property]
    public bool Removing_the_word_breaks_gives_back_the_text(string? text)
    {
        text ??= "";
        return SearchText.Separate(text).Replace(SearchText.WordBreak.ToString(), "") == text.Replace(SearchText.WordBreak.ToString(), "");
    }

    [Property]
    public bool Chinese_text_is_split_between_every_pair_of_characters(char[] picks)
    {
        var text = new string(picks.Select(c => (char)(0x4E00 + c % 0x5000)).ToArray());
        return SearchText.Separate(text).Split(SearchText.WordBreak).All(w => w.Length == 1) || text.Length == 0;
    }
}
