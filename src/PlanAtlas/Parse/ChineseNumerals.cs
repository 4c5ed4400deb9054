namespace PlanAtlas.Parse;

/// <summary>Chinese numerals as used in outline markers: 一 … 九十九 (十一, 二十, 二十三), and 〇/零.</summary>
public static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";

    public static bool TryParse(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty) return false;
        int tens = -1, ones = 0;
        foreach (var c in text)
        {
            if (c == '十')
            {
                if (tens >= 0) return false;
                tens = ones == 0 ? 1 : ones;
                ones = 0;
                continue;
            }
            var d = c == '〇' ? 0 : Digits.IndexOf(c);
            if (d < 0) return false;
            ones = ones * 10 + d;
        }
        value = (tens < 0 ? 0 : tens * 10) + ones;
        return value > 0;
    }

    public static string Format(int value) => value switch
    {
        <= 0 => value.ToString(),
        < 10 => Digits[value].ToString(),
        < 20 => "十" + (value % 10 == 0 ? "" : Digits[value % 10].ToString()),
        < 100 => Digits[value / 10] + "十" + (value % 10 == 0 ? "" : Digits[value % 10].ToString()),
        _ => value.ToString(),
    };
}
