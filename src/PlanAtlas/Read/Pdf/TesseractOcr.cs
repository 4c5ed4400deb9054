using System.Globalization;

namespace PlanAtlas.Read.Pdf;

/// <summary>
/// Text recognition for scanned pages: poppler's pdftoppm renders a page to a grey image, Tesseract (with its
/// simplified-Chinese model, chi_sim) reads it as TSV — every word with its box and confidence — and each of
/// Tesseract's lines becomes one word of the page, in points, for the same layout steps as a text layer.
/// </summary>
internal sealed class TesseractOcr(ExternalTool pdftoppm, ExternalTool tesseract, int dpi)
{
    public const string Language = "chi_sim";
    public const string Engine = "Tesseract";

    public bool IsAvailable => pdftoppm.IsInstalled && tesseract.IsInstalled;

    /// <summary>What to install for it, as one command.</summary>
    public string InstallHint => $"install Tesseract and poppler to read scans: `apt-get install {tesseract.Package} {pdftoppm.Package}`";

    /// <summary>The given pages recognised, each with its words; pages are read in parallel, Tesseract itself on one thread each.</summary>
    /// <exception cref="DocumentReadException">PA208 when a tool fails (the message says which and why).</exception>
    public List<PageText> Recognize(string pdfPath, IReadOnlyList<int> pages, string workFolder, TimeSpan timeout)
    {
        var results = new PageText[pages.Count];
        try
        {
            RecognizeAll(pdfPath, pages, workFolder, timeout, results);
        }
        catch (AggregateException e) when (e.InnerExceptions[0] is DocumentReadException failure)
        {
            throw failure;
        }
        return [.. results];
    }

    private void RecognizeAll(string pdfPath, IReadOnlyList<int> pages, string workFolder, TimeSpan timeout, PageText[] results) =>
        Parallel.For(0, pages.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, i =>
        {
            var n = pages[i];
            var image = Path.Combine(workFolder, $"page-{n}");
            var render = pdftoppm.Run(["-f", $"{n}", "-l", $"{n}", "-singlefile", "-r", $"{dpi}", "-gray", "-png", pdfPath, image], timeout);
            if (render.Error is not null) throw new DocumentReadException("PA208", $"page {n} could not be rendered for text recognition: {render.Error}");
            // One thread per Tesseract: pages already run side by side, and its own threads only contend with them.
            var read = tesseract.Run([image + ".png", "-", "-l", Language, "tsv"], timeout,
                environment: new Dictionary<string, string> { ["OMP_THREAD_LIMIT"] = "1" });
            if (read.Error is not null)
                throw new DocumentReadException("PA208", read.Error.Contains(Language, StringComparison.Ordinal)
                    ? $"Tesseract has no {Language} model: `apt-get install tesseract-ocr-chi-sim`"
                    : $"text recognition failed on page {n}: {read.Error.Split('\n')[0]}");
            results[i] = ParseTsv(read.Output, n, 72.0 / dpi);
            File.Delete(image + ".png");
        });

    /// <summary>
    /// Tesseract's TSV: level 1 is the page (its size in pixels), 4 a line, 5 a word with its confidence (0–100).
    /// A line's words are joined into one word with the line's box and their mean confidence, weighted by length.
    /// </summary>
    internal static PageText ParseTsv(string tsv, int pageNumber, double pointsPerPixel)
    {
        double width = 0, height = 0;
        var words = new List<PageWord>();
        (double L, double T, double R, double B)? line = null;
        var parts = new List<PageWord>();
        void FlushLine()
        {
            if (line is { } box && parts.Count > 0)
            {
                var chars = parts.Sum(p => p.Text.Length);
                var confidence = parts.Sum(p => p.Confidence!.Value * p.Text.Length) / chars;
                words.Add(new PageWord(PdfLines.Join(parts), box.L, box.T, box.R, box.B, confidence));
            }
            parts.Clear();
        }
        foreach (var row in tsv.Split('\n'))
        {
            var f = row.TrimEnd('\r').Split('\t');
            if (f.Length < 12 || !int.TryParse(f[0], out var level)) continue;
            double Px(int i) => double.Parse(f[i], CultureInfo.InvariantCulture) * pointsPerPixel;
            (double, double, double, double) Box() => (Px(6), Px(7), Px(6) + Px(8), Px(7) + Px(9));
            switch (level)
            {
                case 1:
                    (width, height) = (Px(8), Px(9));
                    break;
                case 4:
                    FlushLine();
                    line = Box();
                    break;
                case 5 when !string.IsNullOrWhiteSpace(f[11]) && double.TryParse(f[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var conf) && conf >= 0:
                    var (l, t, r, b) = Box();
                    parts.Add(new PageWord(f[11].Trim(), l, t, r, b, conf));
                    break;
            }
        }
        FlushLine();
        return new PageText(pageNumber, width, height, words, []);
    }
}
