using PlanAtlas.Model;
using PlanAtlas.Parse;
using PlanAtlas.Parse.Regions;
using PlanAtlas.Read;
using Property = FsCheck.Xunit.PropertyAttribute;
using PlanAtlas.Read.Pdf;

namespace PlanAtlas.Tests.Read;

/// <summary>
/// What the readers make of damaged files, and documents of random blocks, go on to the parser: it must take
/// whatever a reader can return. Kept apart from the reader fuzzing so a change of the parser's API touches one file.
/// </summary>
public class ReaderToParserFuzzTests
{
    private static readonly PlanParser Parser = new(Gazetteer.Default);

    private static readonly (IDocumentReader Reader, byte[] Bytes)[] Forms =
    [
        (new TextDocumentReader(), ReadFixtures.Form("yichun-2023.gbk.txt")),
        (new HtmlDocumentReader(), ReadFixtures.Form("yichun-2023.html")),
        (new DocxDocumentReader(), ReadFixtures.Form("yichun-2023.docx")),
        (new PdfDocumentReader(), ReadFixtures.Form("yichun-2023.pdf")),
    ];

    [Property(MaxTest = 30)]
    public void Whatever_a_reader_returns_the_parser_takes(int seed)
    {
        foreach (var (reader, bytes) in Forms)
        {
            SourceDocument document;
            try
            {
                document = reader.Read(ReaderFuzzTests.Mutate(bytes, new Random(seed)), "fuzz" + reader.Extensions.First());
            }
            catch (DocumentReadException)
            {
                continue;
            }
            var plan = Parser.Parse(document);
            // Lossless whatever the form: every character the reader produced is in the record exactly once.
            Assert.Empty(SpanAccounting.Check(plan, document));
        }
    }

    [Property(MaxTest = 200)]
    public void Random_blocks_never_crash_the_parser(int seed)
    {
        var random = new Random(seed);
        string[] pieces = ["一、", "（一）", "(二)", "1.", "1、", "（1）", "十二、", "一是", "二是", "。", "；", "（", "）", "(", ")",
            "市应急管理局牵头", "2023年2月27日", "2023227", "宜市安字〔2023〕2号", "〔", "〕", "索引号：", "今天是", "附件", "：", " ", "\u3000", "", "\t", "𠀀"];
        var blocks = new List<SourceBlock>();
        for (int i = random.Next(30); i >= 0; i--)
        {
            if (random.Next(8) == 0)
            {
                blocks.Add(new TableBlock(i + 1, [.. Enumerable.Range(0, random.Next(4)).Select(_ =>
                    (IReadOnlyList<string>)[.. Enumerable.Range(0, random.Next(4)).Select(_ => pieces[random.Next(pieces.Length)])])]));
                continue;
            }
            var text = string.Concat(Enumerable.Range(0, random.Next(8)).Select(_ => pieces[random.Next(pieces.Length)]));
            blocks.Add(new ParagraphBlock(random.Next(2) == 0 ? i + 1 : random.Next(-1, 3), text));
        }
        var document = new SourceDocument("fuzz.txt", "txt", "utf-8", blocks, new Dictionary<string, string>(), "0");
        Assert.NotNull(Parser.Parse(document));
    }
}
