using PlanAtlas.Model;

namespace PlanAtlas.Read;

/// <summary>Turns one file of a given format into the document model the parser takes.</summary>
public interface IDocumentReader
{
    /// <summary>File extensions this reader takes, lower-case with the dot (".txt").</summary>
    IReadOnlyCollection<string> Extensions { get; }

    /// <param name="bytes">
    /// The whole file; readers never read the input folder themselves. One that hands the file to an external tool
    /// (LibreOffice for .doc) writes it only into a temporary folder of its own, deleted afterwards.
    /// </param>
    /// <param name="sourceFile">The name to use in the document and in messages.</param>
    /// <exception cref="DocumentReadException">The file cannot be read as this format; the message says why.</exception>
    SourceDocument Read(byte[] bytes, string sourceFile);
}

/// <summary>A file that cannot be read; <see cref="Line"/> where the problem has one.</summary>
public sealed class DocumentReadException(string code, string message, int? line = null) : Exception(message)
{
    public string Code { get; } = code;
    public int? Line { get; } = line;
}
