using PlanAtlas.Analyze.Peers;
using PlanAtlas.Tests.Analyze.Reuse;

namespace PlanAtlas.Tests.Analyze.Peers;

public sealed class ProfileCosinesTests
{
    /// <summary>Peer groups round cosines to 4 places and rank by them: the numbered terms must give the very same doubles.</summary>
    [Fact]
    public void Cosines_over_numbered_terms_equal_those_over_the_term_strings_to_the_last_bit()
    {
        var plans = SamplePlans.All.Concat(new SyntheticCorpus(plans: 40, itemsPerPlan: 20).Plans).ToList();
        var profiles = TextProfiles.Build(plans, 200);
        var cosines = new ProfileCosines(profiles);
        var compared = 0;
        for (var x = 0; x < profiles.Count; x++)
            for (var y = 0; y < profiles.Count; y++)
            {
                var expected = SparseVectors.Cosine(profiles[x], profiles[y]);
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(cosines.Cosine(x, y)));
                if (expected > 0) compared++;
            }
        Assert.True(compared > profiles.Count * 10, $"{compared} pairs share terms");
    }
}
