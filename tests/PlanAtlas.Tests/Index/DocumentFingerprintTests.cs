using PlanAtlas.Index;

namespace PlanAtlas.Tests.Index;

/// <summary>
/// A document's file (t/N.bin) is kept by an incremental build when its fingerprint is unchanged, and the fingerprint
/// is made from the document's fields, not from the file: every change that changes the file must change it.
/// </summary>
public sealed class DocumentFingerprintTests
{
    private static readonly SearchDocument Plan = new("/plans/141125-2023/", "柳林县2023年安全生产工作要点", SearchDocumentType.Plan,
        [new SearchItem("s1", "一", "总体要求", "一、总体要求"), new SearchItem("s1-1", "一.（一）", "", "（一）深入开展打非治违\n专项行动。")],
        "", new Dictionary<string, string> { ["region"] = "山西省 吕梁市 柳林县", ["year"] = "2023" },
        new Dictionary<string, IReadOnlyList<string>>());

    private static readonly SearchDocument Page = new("/themes/gas/", "燃气", "page", [], "燃气安全专项整治", new Dictionary<string, string>(),
        new Dictionary<string, IReadOnlyList<string>>());

    private static string Fingerprint(SearchDocument document) => DocumentTable.DocumentFingerprint(document, TermSnapshot.HashOf(document.Text));

    public static TheoryData<string> Changes() => ["url", "title", "fact value", "fact name", "extra fact", "item id", "item path",
        "item heading", "item text", "item boundary", "extra item", "page url", "page title", "page body"];

    private static (SearchDocument Before, SearchDocument After) Changed(string change)
    {
        var items = Plan.Items.ToList();
        SearchDocument Items(params SearchItem[] changed) => Plan with { Items = changed };
        return change switch
        {
            "url" => (Plan, Plan with { Url = "/plans/141125-2024/" }),
            "title" => (Plan, Plan with { Title = "柳林县2024年安全生产工作要点" }),
            "fact value" => (Plan, Plan with { Facts = new Dictionary<string, string>(Plan.Facts) { ["year"] = "2024" } }),
            "fact name" => (Plan, Plan with { Facts = new Dictionary<string, string> { ["region"] = "山西省 吕梁市 柳林县", ["years"] = "2023" } }),
            "extra fact" => (Plan, Plan with { Facts = new Dictionary<string, string>(Plan.Facts) { ["kind"] = "工作要点" } }),
            "item id" => (Plan, Items(items[0] with { Id = "s2" }, items[1])),
            "item path" => (Plan, Items(items[0] with { Path = "二" }, items[1])),
            "item heading" => (Plan, Items(items[0] with { Heading = "工作目标" }, items[1])),
            "item text" => (Plan, Items(items[0], items[1] with { Text = "（一）深入开展打非治违专项行动。" })),
            // The same joined text, cut between the items elsewhere.
            "item boundary" => (Plan, Items(items[0] with { Text = "一、总体要求\n（一）深入开展打非治违" }, items[1] with { Text = "专项行动。" })),
            "extra item" => (Plan, Items([.. items, new SearchItem("s1-2", "一.（二）", "", "（二）")])),
            "page url" => (Page, Page with { Url = "/themes/gas-2/" }),
            "page title" => (Page, Page with { Title = "燃气安全" }),
            "page body" => (Page, Page with { Body = "燃气安全专项整治行动" }),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_change_of_the_documents_file_changes_its_fingerprint(string change)
    {
        var (before, after) = Changed(change);
        Assert.NotEqual(DocumentTable.DocumentFile(before), DocumentTable.DocumentFile(after));
        Assert.NotEqual(Fingerprint(before), Fingerprint(after));
    }

    [Fact]
    public void The_same_fields_give_the_same_fingerprint()
    {
        var copy = Plan with { Items = Plan.Items.Select(i => i with { }).ToList(), Facts = new Dictionary<string, string>(Plan.Facts.Reverse()) };
        Assert.Equal(DocumentTable.DocumentFile(Plan), DocumentTable.DocumentFile(copy));
        Assert.Equal(Fingerprint(Plan), Fingerprint(copy));
    }

    [Fact]
    public void A_documents_text_hash_is_the_hash_of_its_text_whether_a_plan_or_a_page()
    {
        Assert.Equal(TermSnapshot.HashOf(Plan.Text), TermSnapshot.HashOf(Plan));
        Assert.Equal(TermSnapshot.HashOf(Page.Text), TermSnapshot.HashOf(Page));
        var empty = Plan with { Items = [] };
        Assert.Equal(TermSnapshot.HashOf(empty.Text), TermSnapshot.HashOf(empty));
        Assert.NotEqual(TermSnapshot.HashOf(Plan), TermSnapshot.HashOf(Changed("item text").After));
    }
}
