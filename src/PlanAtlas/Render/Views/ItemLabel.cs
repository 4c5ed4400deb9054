using PlanAtlas.Model;

namespace PlanAtlas.Render.Views;

/// <summary>
/// How a link names an item of a plan after the plan's title: its number path (一.（二）.3, 附件.12). An item whose path
/// is only its own enumerator (一是, 二是 with no numbered parent above them) would read the same for every such item
/// of the plan, so its first words follow: 一是：落实危险废物贮存和….
/// </summary>
public static class ItemLabel
{
    private const int LeadLength = 12;

    public static string Of(Item item)
    {
        if (item.Kind == ItemKind.Paragraph) return $"第{item.Line}行";
        var marker = item.Marker?.Trim() ?? "";
        var label = item.Path.Length > 0 ? item.Path : marker.Length > 0 ? marker : $"#{item.Line}";
        if (item.Kind != ItemKind.SubItem || item.Path.Contains('.')) return label;
        var text = item.Text.Trim();
        if (marker.Length > 0 && text.StartsWith(marker, StringComparison.Ordinal)) text = text[marker.Length..].TrimStart('：', ':', '，', ',', ' ');
        return text.Length == 0 ? label : $"{label}：{(text.Length > LeadLength ? text[..LeadLength] + "…" : text)}";
    }
}
