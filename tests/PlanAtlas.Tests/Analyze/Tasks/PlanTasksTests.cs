using PlanAtlas.Analyze.Tasks;
using PlanAtlas.Model;
using PlanAtlas.Parse;
using PlanAtlas.Tests.Parse;

namespace PlanAtlas.Tests.Analyze.Tasks;

/// <summary>What a task is, on the sample plans: one task however many places carry it.</summary>
public sealed class PlanTasksTests
{
    private static readonly Lazy<IReadOnlyList<Plan>> Samples = new(() =>
        PlanIds.Assign(TestFiles.SampleFiles().Select(f => TestFiles.Parser.Parse(TestFiles.Read(f), null))));

    private static Plan Sample(string id) => Samples.Value.Single(p => p.Id == id);

    [Fact]
    public void A_body_item_and_the_attachment_row_that_restates_it_are_one_task()
    {
        var liulin = PlanTasks.Of(Sample("141125-2023"));
        // （一）…（三十七） in the body, rows 1–37 of the 任务分工 attachment: 37 tasks, not 74 (nor 122 rows).
        Assert.Equal(37, liulin.Count);
        var gas = liulin.Tasks.Single(t => t.Id == "i3-19");
        Assert.Equal(["t19"], gas.Restatements);
        Assert.Equal("i3-19", liulin.TaskOf("t19"));
        // Continuation rows of a merged cell and the labelled paragraphs under （二十三） are places of their task.
        Assert.Equal("i4-23", liulin.TaskOf("p65"));
        Assert.Equal("i4-23", liulin.TaskOf("t23-5"));
        Assert.Equal("i1-2", liulin.TaskOf("t2-3"));
        // Headings and the preamble are no task.
        Assert.Null(liulin.TaskOf("i1"));
        Assert.Null(liulin.TaskOf("p9"));
    }

    [Fact]
    public void Clauses_count_with_their_item_and_alone_when_no_item_holds_them()
    {
        var pingtan = PlanTasks.Of(Sample("350128-2023"));
        Assert.Equal("i4", pingtan.TaskOf("i4-s2"));
        Assert.Equal("o10-s2", pingtan.TaskOf("o10-s2"));
        Assert.Null(pingtan.TaskOf("p36"));
    }

    [Fact]
    public void A_label_heading_with_its_paragraphs_is_a_headed_task()
    {
        var zhejiang = PlanTasks.Of(Sample("330000-2015"));
        Assert.Equal("p22", zhejiang.TaskOf("p23"));
        Assert.Equal(["p22", "p23"], zhejiang.Tasks.Single(t => t.Id == "p22").Places);
    }

    [Fact]
    public void Sample_counts()
    {
        var counts = Samples.Value.ToDictionary(p => p.Id, p => PlanTasks.Of(p).Count);
        Assert.Equal(new Dictionary<string, int>
        {
            ["141125-2023"] = 37, ["350128-2023"] = 42, ["330000-2015"] = 9, ["360900-2023"] = 36, ["420700-2018"] = 21,
        }, counts);
    }
}
