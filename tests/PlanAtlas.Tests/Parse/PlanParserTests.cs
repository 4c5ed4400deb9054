using PlanAtlas.Model;
using PlanAtlas.Parse;

namespace PlanAtlas.Tests.Parse;

public sealed class PlanParserTests
{
    private static Plan Sample(string stem) => TestFiles.Parser.Parse(TestFiles.Read(Path.Combine(TestFiles.SamplePlans, stem + ".txt")), null);

    [Fact]
    public void A_repaired_document_number_and_date_are_reported_with_file_and_line()
    {
        var plan = Sample("shanxi-liulin-2023-work-safety-notice");
        var number = Assert.Single(plan.Diagnostics, d => d.Code == "PA310");
        Assert.Equal("plans/shanxi-liulin-2023-work-safety-notice.txt", number.File);
        Assert.Equal(1, number.Line);
        Assert.Contains("柳政发〔20232", number.Message);
        var date = Assert.Single(plan.Diagnostics, d => d.Code == "PA312");
        Assert.Equal(113, date.Line);
        Assert.Equal(new SourceNote(SourceNoteKind.Repaired, "柳政发〔20232"), plan.Metadata.DocNumber!.Note);
        Assert.Equal("repaired from '柳政发〔20232'", plan.Metadata.DocNumber!.Note!.ToString());
    }

    [Fact]
    public void Chrome_is_removed_with_its_reason_and_the_portal_block_is_kept_as_metadata()
    {
        var plan = Sample("hubei-ezhou-2018-work-safety-key-points");
        Assert.Equal([1, 2, 12, 74, 75, 76], plan.Removed.Select(r => r.Line));
        Assert.Contains(plan.Removed, r => r.Reason == "repeated page header" && r.Line == 12);
        Assert.Equal("011217651/2018-310089", plan.Metadata.Portal!["索引号"]);
        Assert.Equal(Provenance.PortalMetadata, plan.Metadata.Issuer!.Source);
        Assert.Contains(plan.MetadataSpans, s => s.Field == "portal:发文日期" && s.Span.Line == 6);
    }

    [Fact]
    public void Flattened_task_table_rows_continue_the_task_of_merged_cells()
    {
        var plan = Sample("shanxi-liulin-2023-work-safety-notice");
        var rows = plan.Items.Where(i => i.Kind == ItemKind.TableRow).ToList();
        Assert.Equal(37, rows.Count(r => !r.Table!.ContinuesPrevious));
        var second = rows.Single(r => r.Id == "t2-2");
        Assert.Equal("强化党政领导责任", second.Table!.Task);
        Assert.True(second.Table.ContinuesPrevious);
        Assert.Equal(["县政府", "县安委办"], second.ResponsibleUnits);
        var flood = rows.Single(r => r.Id == "t23-2");
        Assert.Equal("水旱灾害", flood.Table!.Category);
        Assert.StartsWith("实施水库和淤地坝除险加固", flood.Table.Content);
    }

    [Fact]
    public void Headings_that_lost_their_full_stop_are_recovered_from_the_task_table()
    {
        var plan = Sample("shanxi-liulin-2023-work-safety-notice");
        Assert.Equal("切实增强政治意识", plan.Items.Single(i => i.Id == "i1-1").Heading);
        Assert.Equal("强化党政领导责任", plan.Items.Single(i => i.Id == "i1-2").Heading);
    }

    [Fact]
    public void Inline_enumerations_keep_their_parent_and_the_parent_keeps_the_closing_units()
    {
        var plan = Sample("fujian-pingtan-2023-work-safety-key-points-fragment");
        var parent = plan.Items.Single(i => i.Id == "i2");
        var subs = plan.Items.Where(i => i.ParentId == "i2").ToList();
        Assert.Equal(["i2-s1", "i2-s2", "i2-s3"], subs.Select(s => s.Id));
        Assert.Equal(["（二）.一是", "（二）.二是", "（二）.三是"], subs.Select(s => s.Path));
        Assert.Equal(["各处室"], parent.ResponsibleUnits);
        Assert.Equal(["各处室"], subs[0].ResponsibleUnits); // inherited
        Assert.EndsWith("(各处室按职责分工负责)", parent.Text);
        Assert.DoesNotContain("各处室按职责分工负责", subs[2].Text);
        // Units named mid-text count as well as the closing ones.
        Assert.Equal(["农业农村处", "各联合党委", "交通与建设处", "各有关处室"], plan.Items.Single(i => i.Id == "o30-s1").ResponsibleUnits);
        // Orphan 一是 lines, whose heading is missing from the fragment, have no parent.
        Assert.All(plan.Items.Where(i => i.Line is 10 or 11 or 12), i => Assert.Null(i.ParentId));
    }

    [Fact]
    public void Item_ids_are_unique_anchors()
    {
        foreach (var file in TestFiles.SampleFiles())
        {
            var plan = TestFiles.Parser.Parse(TestFiles.Read(file), null);
            Assert.Equal(plan.Items.Count, plan.Items.Select(i => i.Id).Distinct().Count());
            Assert.All(plan.Items, i => Assert.Matches("^[A-Za-z][A-Za-z0-9-]*$", i.Id));
        }
    }

    [Fact]
    public void A_manifest_row_overrides_what_the_document_says()
    {
        var doc = TestFiles.Read(Path.Combine(TestFiles.SamplePlans, "hubei-ezhou-2018-work-safety-key-points.txt"));
        var row = new ManifestEntry(2, doc.SourceFile, "鄂州市安全生产工作要点（2018）", null, "420703", null, "2019", null, "鄂安监〔2018〕5号", "2018-04-20", "notice", null);
        var m = TestFiles.Parser.Parse(doc, row).Metadata;
        Assert.Equal(("鄂州市安全生产工作要点（2018）", Provenance.Manifest), (m.Title!.Value, m.Title.Source));
        Assert.Equal("420703", m.Region!.Value.Code);
        Assert.Equal(2019, m.Year!.Value);
        Assert.Equal("鄂安监〔2018〕5号", m.DocNumber!.Value);
        Assert.Equal(new DateOnly(2018, 4, 20), m.IssuedOn!.Value);
        Assert.Equal(PlanKind.Notice, m.Kind!.Value);
    }

    [Fact]
    public void A_real_table_is_parsed_like_a_flattened_one()
    {
        var blocks = new List<SourceBlock>
        {
            new ParagraphBlock(1, "附件"),
            new ParagraphBlock(2, "2023年度重点任务分工"),
            new TableBlock(3, [
                ["序号", "任务", "主要内容", "责任单位"],
                ["1", "强化党政领导责任", "认真落实安全生产职责清单。", "乡党委、政府，县安委办"],
                ["", "", "县安委会每月至少召开一次会议。", "县政府、县安委办"],
                ["2", "落实部门监管责任", "规范实施安全生产挂牌责任制。", "负有安全监管职责的部门"],
            ]),
        };
        var doc = new SourceDocument("t.html", "html", null, blocks, new Dictionary<string, string>(), "");
        var plan = TestFiles.Parser.Parse(doc, null);
        var rows = plan.Items.Where(i => i.Kind == ItemKind.TableRow).ToList();
        Assert.Equal(["t1", "t1-2", "t2"], rows.Select(r => r.Id));
        Assert.Equal("强化党政领导责任", rows[1].Table!.Task);
        Assert.True(rows[1].Table!.ContinuesPrevious);
        Assert.Equal(["县政府", "县安委办"], rows[1].ResponsibleUnits);
        Assert.Contains(rows[1].Targets, t => t.Contains("每月至少召开一次会议"));
        Assert.Empty(SpanAccounting.Check(plan, doc));
    }

    [Fact]
    public void Signer_beside_the_number_and_the_record_lines_are_metadata_not_items()
    {
        const string text = "宜市安字〔2023〕2号    签发人：张三\n宜春市2023年安全生产工作要点\n一、加强领导\n（一）落实责任。各地要落实责任。\n宜春市安全生产委员会\n2023年2月27日\n抄送：市委办公室，市人大常委会办公室。\n宜春市安委会办公室 2023年2月28日印发";
        var doc = TestFiles.FromText(text);
        var plan = TestFiles.Parser.Parse(doc, null);
        Assert.Equal("宜市安字〔2023〕2号", plan.Metadata.DocNumber!.Value);
        Assert.Equal(["i1", "i1-1"], plan.Items.Select(i => i.Id));
        Assert.Equal(2, plan.MetadataSpans.Count(s => s.Field == "record"));
        Assert.Empty(SpanAccounting.Check(plan, doc));
    }

    [Fact]
    public void Spaced_markers_a_title_naming_its_plan_and_co_operating_units_are_understood()
    {
        const string text = "某县人民政府关于印发《某县2024年安全生产工作要点》的通知\n一 、总体要求\n（ 一 ）落实责任。各地要落实责任。\n附件\n序号\n工作任务\n具体内容\n牵头单位\n配合单位\n完成时限\n1\n落实责任\n制定责任清单。\n县应急管理局\n县住建局、县消防救援大队\n2024年6月底前";
        var plan = TestFiles.Parser.Parse(TestFiles.FromText(text), null);
        Assert.Equal("某县2024年安全生产工作要点", plan.Metadata.EnclosedTitle!.Value);
        Assert.Equal(["i1", "i1-1"], plan.Items.Where(i => i.Marker is not null && i.Kind != ItemKind.TableRow && i.Id.StartsWith('i')).Select(i => i.Id));
        var row = Assert.Single(plan.Items, i => i.Kind == ItemKind.TableRow);
        Assert.Equal(["县应急管理局", "县住建局", "县消防救援大队"], row.ResponsibleUnits);
        Assert.Equal([new DateOnly(2024, 6, 30)], row.Deadlines.Select(d => d.Date!.Value));
    }

    [Fact]
    public void A_document_without_any_outline_is_reported_and_kept_as_paragraphs()
    {
        var plan = TestFiles.Parser.Parse(TestFiles.FromText("一段没有编号的文字，讲安全生产。\n另一段文字。"), null);
        Assert.Contains(plan.Diagnostics, d => d.Code == "PA301" && d.File == "plans/generated.txt");
        Assert.Contains(plan.Diagnostics, d => d.Code == "PA303");
        Assert.Contains(plan.Diagnostics, d => d.Code == "PA304");
        Assert.All(plan.Items, i => Assert.Equal(ItemKind.Paragraph, i.Kind));
    }
}
