using System.Text;
using PlanAtlas.Model;
using PlanAtlas.Read;

namespace PlanAtlas.Tests.Read;

/// <summary>
/// .doc and .wps through LibreOffice (installed by .ci/run), and what happens around it: the forms read without it,
/// a missing, failing or hanging LibreOffice, and the private folder each conversion runs in.
/// </summary>
public class LegacyWordDocumentReaderTests
{
    private static readonly SourceDocument Fixture =
        new LegacyWordDocumentReader().Read(ReadFixtures.Form("liulin-2023.doc"), "liulin-2023.doc");

    /// <summary>A converter that cannot be found: whatever reads without LibreOffice must not ask for it.</summary>
    private static readonly LegacyWordDocumentReader WithoutLibreOffice = new(new LibreOfficeConverter(["planatlas-no-such-soffice"]));

    [Fact]
    public void A_doc_reads_its_paragraphs_and_its_attachment_table_with_merged_cells()
    {
        Assert.Equal("doc", Fixture.Format);
        Assert.Equal(["柳政发〔20232", "柳林县人民政府", "关于做好2023年安全生产工作的通知"], Fixture.Lines.Take(3));
        var table = Assert.Single(Fixture.Blocks.OfType<TableBlock>());
        Assert.Equal(["序号", "任务", "主要内容", "责任单位"], table.Rows[0]);
        // 序号 and 任务 are merged down over task 2's three rows: the rows under the first show them empty.
        Assert.Equal(["2", "强化党政领导责任"], table.Rows[2].Take(2));
        Assert.Equal(["", ""], table.Rows[3].Take(2));
        Assert.Equal("柳林县人民政府", Fixture.ContainerMetadata["dc:creator"]);
        Assert.Equal(TextDocumentReader.ContentHash(ReadFixtures.Form("liulin-2023.doc")), Fixture.ContentHash);
    }

    [Fact]
    public void A_wps_in_words_binary_format_reads_as_the_doc()
    {
        var wps = new LegacyWordDocumentReader().Read(ReadFixtures.Form("liulin-2023.wps"), "liulin-2023.wps");
        Assert.Equal("wps", wps.Format);
        Assert.Equal(Fixture.Lines, wps.Lines);
        Assert.Equal(Fixture.Blocks.OfType<TableBlock>().Single().Rows, wps.Blocks.OfType<TableBlock>().Single().Rows);
    }

    [Fact]
    public void Without_libreoffice_the_error_names_the_tool_and_how_to_install_it()
    {
        var e = Assert.Throws<DocumentReadException>(() => WithoutLibreOffice.Read(ReadFixtures.Form("liulin-2023.doc"), "a.doc"));
        Assert.Equal("PA221", e.Code);
        Assert.Contains("planatlas-no-such-soffice", e.Message);
        Assert.Contains(LibreOfficeConverter.InstallHint, e.Message);
    }

    [Fact]
    public void A_web_page_or_a_docx_under_a_doc_name_is_read_as_what_it_is_without_libreoffice()
    {
        var html = WithoutLibreOffice.Read(Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><p>一、总体要求</p><p>（一）压实责任</p></body></html>"), "word-html.doc");
        Assert.Equal(["一、总体要求", "（一）压实责任"], html.Lines.Select(l => l.Trim()).Where(l => l.Length > 0));
        Assert.Equal("doc", html.Format);

        var docx = WithoutLibreOffice.Read(ReadFixtures.Form("yichun-2023.docx"), "renamed.doc");
        Assert.Equal(new DocxDocumentReader().Read(ReadFixtures.Form("yichun-2023.docx"), "renamed.doc").Lines, docx.Lines);
    }

    [Fact]
    public void A_truncated_doc_is_an_error_from_libreoffice()
    {
        var e = Assert.Throws<DocumentReadException>(() => new LegacyWordDocumentReader().Read(ReadFixtures.BadFile("truncated.doc"), "truncated.doc"));
        Assert.Equal("PA222", e.Code);
    }

    [Fact]
    public void A_conversion_runs_in_its_own_folder_that_is_removed_afterwards()
    {
        using var tool = new FakeSoffice("echo \"$HOME\" > \"$WITNESS\"; exit 1");
        var e = Assert.Throws<DocumentReadException>(() => tool.Reader().Read(ReadFixtures.Form("liulin-2023.doc"), "a.doc"));
        Assert.Equal("PA222", e.Code);
        var home = File.ReadAllText(tool.Witness).Trim();
        Assert.StartsWith(Path.GetTempPath().TrimEnd('/'), home);
        Assert.Contains("planatlas-soffice-", home);
        Assert.False(Directory.Exists(home), "the conversion folder is left behind");
    }

    [Fact]
    public void A_conversion_that_hangs_is_stopped()
    {
        using var tool = new FakeSoffice("sleep 60", TimeSpan.FromSeconds(1));
        var e = Assert.Throws<DocumentReadException>(() => tool.Reader().Read(ReadFixtures.Form("liulin-2023.doc"), "a.doc"));
        Assert.Equal("PA222", e.Code);
        Assert.Contains("did not finish", e.Message);
    }

    /// <summary>A shell script standing in for soffice; $WITNESS names a file it may write for the test to read.</summary>
    private sealed class FakeSoffice : IDisposable
    {
        private readonly string _folder = ReadFixtures.NewTempFolder();
        private readonly string _script;
        private readonly TimeSpan? _timeout;

        public FakeSoffice(string body, TimeSpan? timeout = null)
        {
            _timeout = timeout;
            Witness = Path.Combine(_folder, "witness.txt");
            _script = Path.Combine(_folder, "soffice");
            File.WriteAllText(_script, $"#!/bin/sh\nWITNESS='{Witness}'\n{body}\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        public string Witness { get; }

        public LegacyWordDocumentReader Reader() => new(new LibreOfficeConverter([_script], _timeout));

        public void Dispose() => Directory.Delete(_folder, recursive: true);
    }
}
