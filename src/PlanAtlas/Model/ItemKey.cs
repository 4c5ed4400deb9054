namespace PlanAtlas.Model;

/// <summary>
/// One item of one plan (item ids are unique only within their plan): the address a theme tag, a cluster
/// member, a reuse link or a "see also" points at. Ordered by plan id, then item id.
/// </summary>
public readonly record struct ItemKey(string PlanId, string ItemId) : IComparable<ItemKey>
{
    public int CompareTo(ItemKey other)
    {
        var byPlan = string.CompareOrdinal(PlanId, other.PlanId);
        return byPlan != 0 ? byPlan : string.CompareOrdinal(ItemId, other.ItemId);
    }

    public override string ToString() => $"{PlanId}#{ItemId}";
}
