using PlanAtlas.Model;

namespace PlanAtlas.Read;

/// <summary>Plain text and Markdown plans: one paragraph block per line.</summary>
public sealed class TextDocumentReader : IDocumentReader
{
    public IReadOnlyCollection<string> Extensions { get; } = [".txt", ".md"];

    public SourceDocument Read(byte[] bytes, string sourceFile)
    {
        var (text, encoding) = TextDecoding.Decode(bytes, sourceFile);
        return new SourceDocument(
            sourceFile,
            Path.GetExtension(sourceFile).TrimStart('.').ToLowerInvariant(),
            encoding,
            SplitLines(text),
            new Dictionary<string, string>(),
            ContentHash(bytes));
    }

    /// <summary>Lines split on \n, \r\n or \r; the line breaks themselves are the only characters not kept.</summary>
    public static IReadOnlyList<SourceBlock> SplitLines(string text)
    {
        var blocks = new List<SourceBlock>();
        int line = 1, start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\n' or '\r')) continue;
            blocks.Add(new ParagraphBlock(line++, text[start..i]));
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        if (start < text.Length) blocks.Add(new ParagraphBlock(line, text[start..]));
        return blocks;
    }

    public static string ContentHash(byte[] bytes) => Model.ContentHash.Sha256(bytes);
}
