namespace PlanAtlas.Read.Pdf;

/// <summary>
/// One word (a run of text without a gap) on a page, in points from the page's top-left corner, as poppler or
/// Tesseract gives it. <see cref="Confidence"/> is the recogniser's 0–100 score for OCR words, null for a text layer.
/// </summary>
internal sealed record PageWord(string Text, double Left, double Top, double Right, double Bottom, double? Confidence = null)
{
    public double CenterX => (Left + Right) / 2;
    public double CenterY => (Top + Bottom) / 2;
}

/// <summary>A ruling line drawn on a page (a table border), in the same coordinates; horizontal when <see cref="Top"/> equals <see cref="Bottom"/>.</summary>
internal sealed record PageRule(double Left, double Top, double Right, double Bottom)
{
    public bool IsHorizontal => Right - Left >= Bottom - Top;
}

/// <summary>What a page holds for the layout steps: its size, its words and its ruling lines.</summary>
internal sealed record PageText(int Number, double Width, double Height, IReadOnlyList<PageWord> Words, IReadOnlyList<PageRule> Rules);
