using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using PlanAtlas.Model;
using PlanAtlas.Read;
using Property = FsCheck.Xunit.PropertyAttribute;
using PlanAtlas.Read.Pdf;

namespace PlanAtlas.Tests.Read;

/// <summary>
/// Random and mutated documents for every reader: a reader either returns a document or throws a
/// DocumentReadException with a documented PA2xx code; any other exception, or a hang, fails.
/// FsCheck supplies the seeds; the bytes are derived from them so a failing seed reproduces.
/// </summary>
public class ReaderFuzzTests
{
    /// <summary>The in-process readers; the .doc/.wps reader, which starts LibreOffice for each file, has its own few cases below.</summary>
    private static readonly IDocumentReader[] Readers =
        [new TextDocumentReader(), new HtmlDocumentReader(), new DocxDocumentReader(), new PdfDocumentReader(),
         new SpreadsheetDocumentReader(), new OfdDocumentReader()];

    private static readonly Dictionary<string, byte[]> Seeds = new()
    {
        [".txt"] = ReadFixtures.Form("yichun-2023.gbk.txt"),
        [".html"] = ReadFixtures.Form("yichun-2023.html"),
        [".docx"] = ReadFixtures.Form("yichun-2023.docx"),
        [".pdf"] = ReadFixtures.Form("yichun-2023.pdf"),
        [".xlsx"] = ReadFixtures.Form("liulin-2023.xlsx"),
        [".xls"] = ReadFixtures.Form("liulin-2023.xls"),
        [".ofd"] = ReadFixtures.Form("yichun-2023.ofd"),
        [".doc"] = ReadFixtures.Form("liulin-2023.doc"),
    };

    private static readonly HashSet<string> DocumentedCodes = DocumentedReadCodes();

    [Property(MaxTest = 200)]
    public void Random_bytes_never_crash_a_reader(int seed, byte lengthByte)
    {
        var random = new Random(seed);
        var bytes = new byte[lengthByte * 8];
        random.NextBytes(bytes);
        foreach (var reader in Readers) ReadSafely(reader, bytes, seed);
    }

    [Property(MaxTest = 100)]
    public void Random_text_and_markup_never_crash_the_text_and_html_readers(int seed)
    {
        var random = new Random(seed);
        string[] pieces = ["<p>", "</p>", "<table><tr><td>", "</td></tr></table>", "<br>", "<script>", "索引号：", "发文字号:",
            "一、", "（一）", "&nbsp;", "&#0;", "\u3000", "\r\n", "<!--", "]]>", "<meta charset=gb2312>", "\uFFFD", "\0", "𠀀", "\uD800"];
        var sb = new StringBuilder();
        for (int i = random.Next(60); i >= 0; i--) sb.Append(pieces[random.Next(pieces.Length)]);
        foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode })
        {
            var bytes = encoding.GetBytes(sb.ToString());
            ReadSafely(Readers[0], bytes, seed);
            ReadSafely(Readers[1], bytes, seed);
        }
    }

    [Property(MaxTest = 40)]
    public void Mutated_fixtures_never_crash_their_reader(int seed)
    {
        foreach (var reader in Readers)
            ReadSafely(reader, Mutate(Seeds[reader.Extensions.First()], new Random(seed)), seed);
        ReadSafely(new SpreadsheetDocumentReader(), Mutate(Seeds[".xls"], new Random(seed)), seed, ".xls");
    }

    /// <summary>Few cases: each one is a LibreOffice run of a second or two.</summary>
    [Property(MaxTest = 4)]
    public void Mutated_doc_files_never_crash_the_legacy_word_reader(int seed)
    {
        var reader = new LegacyWordDocumentReader();
        var random = new Random(seed);
        ReadSafely(reader, Mutate(Seeds[".doc"], random), seed);
        var junk = new byte[random.Next(16, 4096)];
        random.NextBytes(junk);
        ReadSafely(reader, junk, seed);
    }

    [Property(MaxTest = 40)]
    public void An_ofd_with_damaged_xml_inside_never_crashes(int seed)
    {
        var random = new Random(seed);
        var names = new[] { "OFD.xml", "Doc_0/Document.xml", "Doc_0/Pages/Page_0/Content.xml", "Doc_0/Pages/Page_1/Content.xml" };
        ReadSafely(new OfdDocumentReader(), ReplaceEntry(Seeds[".ofd"], names[random.Next(names.Length)], xml => Mutate(xml, random)), seed);
    }

    [Property(MaxTest = 40)]
    public void A_docx_with_damaged_xml_inside_never_crashes(int seed)
    {
        var random = new Random(seed);
        ReadSafely(new DocxDocumentReader(), ReplaceEntry(Seeds[".docx"], "word/document.xml", xml => Mutate(xml, random)), seed);
    }

    /// <summary>The archive with one entry's bytes changed.</summary>
    private static byte[] ReplaceEntry(byte[] archive, string name, Func<byte[], byte[]> change)
    {
        using var stream = new MemoryStream();
        stream.Write(archive);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(name)!;
            byte[] xml;
            using (var s = entry.Open()) { using var m = new MemoryStream(); s.CopyTo(m); xml = m.ToArray(); }
            entry.Delete();
            using var w = zip.CreateEntry(name).Open();
            w.Write(change(xml));
        }
        return stream.ToArray();
    }

    [Property(MaxTest = 100)]
    public void Random_manifests_and_settings_give_diagnostics_never_exceptions(int seed)
    {
        var random = new Random(seed);
        string[] pieces = ["file", "title", "year", ",", "\"", "\"\"", "\n", "\r\n", "a.txt", "../x.txt", "宜春", "2023", " ",
            ":", "- ", "  ", "{", "}", "[", "]", "&a", "*a", "!!binary", "clusters: ", "base_path: ", "title: ", "#", "|", ">", "\t", "%YAML", "---", "\0"];
        var sb = new StringBuilder();
        for (int i = random.Next(40); i >= 0; i--) sb.Append(pieces[random.Next(pieces.Length)]);
        var folder = ReadFixtures.NewTempFolder();
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, InputReader.PlansFolder));
            File.WriteAllText(Path.Combine(folder, InputReader.PlansFolder, "a.txt"), "一、总体要求\n");
            File.WriteAllText(Path.Combine(folder, InputReader.ManifestFile), sb.ToString());
            File.WriteAllText(Path.Combine(folder, InputReader.SettingsFile), sb.ToString());
            var set = InputReader.CreateDefault().Read(folder);
            Assert.Single(set.Documents);
            Assert.All(set.Diagnostics, d => Assert.True(d.Code.StartsWith("PA1", StringComparison.Ordinal) || d.Code is "PA201" or "PA400", d.ToString()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>One to eight changes: overwrite, delete, insert or duplicate a run of bytes, or cut the file short.</summary>
    internal static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        for (int n = random.Next(1, 9); n > 0 && bytes.Count > 0; n--)
        {
            var at = random.Next(bytes.Count);
            var length = Math.Min(random.Next(1, 64), bytes.Count - at);
            switch (random.Next(5))
            {
                case 0:
                    for (int i = at; i < at + length; i++) bytes[i] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.RemoveRange(at, length);
                    break;
                case 2:
                    var junk = new byte[length];
                    random.NextBytes(junk);
                    bytes.InsertRange(at, junk);
                    break;
                case 3:
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }
        return [.. bytes];
    }

    private static void ReadSafely(IDocumentReader reader, byte[] bytes, int seed, string? extension = null)
    {
        var name = "fuzz" + (extension ?? reader.Extensions.First());
        // A hang guard, not a speed goal: a reader must not loop forever on damaged input.
        var task = Task.Run(() =>
        {
            try
            {
                var document = reader.Read(bytes, name);
                Assert.NotNull(document.Blocks);
                Assert.All(document.Blocks, b => Assert.NotNull(b));
            }
            catch (DocumentReadException e)
            {
                Assert.True(DocumentedCodes.Contains(e.Code), $"{e.Code} is not in docs/diagnostics.md");
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
            }
        });
        Assert.True(task.Wait(TimeSpan.FromSeconds(60)), $"{reader.GetType().Name} did not finish on seed {seed}");
    }

    private static HashSet<string> DocumentedReadCodes()
    {
        var doc = File.ReadAllText(Path.Combine(ReadFixtures.RepoRoot, "docs", "diagnostics.md"));
        return Regex.Matches(doc, @"\bPA2\d\d\b").Select(m => m.Value).ToHashSet();
    }
}
