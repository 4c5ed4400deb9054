namespace PlanAtlas.Render.Data;

/// <summary>
/// A CSV of many rows written in parts (<see cref="OutputFolder.WriteTextParts"/>): the header, then a part per run of
/// rows, each keyed by the digest of everything its rows are made from. An incremental build copies the unchanged parts
/// from the previous file and writes only the others (data/reuse.csv, the mentions CSVs, the cluster map's CSV).
/// </summary>
public static class CsvParts
{
    /// <summary>Runs of consecutive rows that <paramref name="together"/> says belong together (row i and the run's first), as (start, count).</summary>
    public static List<(int Start, int Count)> Runs(int rows, Func<int, int, bool> together)
    {
        var runs = new List<(int, int)>();
        for (var start = 0; start < rows;)
        {
            var end = start + 1;
            while (end < rows && together(end, start)) end++;
            runs.Add((start, end - start));
            start = end;
        }
        return runs;
    }

    /// <summary>
    /// Writes the CSV: <paramref name="digest"/> of a run is its part's key, <paramref name="rows"/> writes a run's
    /// records. The bytes are those of <see cref="CsvText.Bytes"/> with <see cref="CsvText.Quoting.Default"/>.
    /// </summary>
    public static void Write(OutputFolder output, string sitePath, IReadOnlyList<string> header, List<(int Start, int Count)> runs,
        Func<int, int, byte[]> digest, Action<TextWriter, int, int> rows)
    {
        var keys = new string?[runs.Count + 1];
        // A full build copies nothing: no keys (every part is written).
        if (output.Reuse is not null)
        {
            using (var part = PageInputs.Part())
            {
                part.Add(sitePath).Add("header").Add(header.Count);
                foreach (var column in header) part.Add(column);
                keys[0] = Convert.ToHexStringLower(part.Digest());
            }
            Parallel.For(0, runs.Count, i => keys[i + 1] = Convert.ToHexStringLower(digest(runs[i].Start, runs[i].Count)));
        }
        output.WriteTextParts(sitePath, keys, (index, writer) =>
        {
            if (index > 0)
            {
                rows(writer, runs[index - 1].Start, runs[index - 1].Count);
                return;
            }
            // The byte order mark (Excel reads Chinese), written as the first character of the header part.
            writer.Write('\uFEFF');
            CsvText.Record(writer, header, CsvText.Quoting.Default);
        });
    }
}
