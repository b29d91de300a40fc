using GanAugment.Gans.Models;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests.Bagan;

public class ClassRatioTests
{
    [Fact]
    public void Uniform_is_one_over_the_class_count()
    {
        Assert.All(BaganClassRatios.Ratios(ClassSampling.Uniform, [90, 5, 5]), r => Assert.Equal(1f / 3, r, 6));
    }

    [Fact]
    public void Rebalance_is_two_over_c_minus_the_share()
    {
        // Shares 10/21, 10/21, 1/21: 2/3 − share = 4/21, 4/21, 13/21, which already sum to 1.
        var ratios = BaganClassRatios.Ratios(ClassSampling.Rebalance, [10, 10, 1]);
        Assert.Equal(4f / 21, ratios[0], 6);
        Assert.Equal(4f / 21, ratios[1], 6);
        Assert.Equal(13f / 21, ratios[2], 6);
    }

    [Fact]
    public void Rebalance_sets_negative_ratios_to_zero_and_renormalises()
    {
        // Shares 0.9, 0.05, 0.05: 2/3 − 0.9 < 0 → 0; the other two 37/60 each → 1/2 each.
        Assert.Equal([0f, 0.5f, 0.5f], BaganClassRatios.Ratios(ClassSampling.Rebalance, [90, 5, 5]).Select(r => MathF.Round(r, 6)));
    }

    [Fact]
    public void Proportional_is_the_share_of_the_training_set()
    {
        Assert.Equal([0.9f, 0.05f, 0.05f], BaganClassRatios.Ratios(ClassSampling.Proportional, [90, 5, 5]).Select(r => MathF.Round(r, 6)));
    }

    [Fact]
    public void Drawn_labels_follow_the_ratios_and_skip_zero_classes()
    {
        var labels = BaganClassRatios.Draw([0f, 0.25f, 0.75f], 20000, new Rng(3));
        Assert.DoesNotContain(0, labels);
        Assert.InRange(labels.Count(l => l == 1) / 20000.0, 0.235, 0.265);
        Assert.InRange(labels.Count(l => l == 2) / 20000.0, 0.735, 0.765);
    }
}
