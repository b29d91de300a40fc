using GanAugment.Data.TimeSeries;
using GanAugment.Evaluation.Series;

namespace GanAugment.Evaluation.Tests.Series;

public class MaximumMeanDiscrepancyTests
{
    [Fact]
    public void Median_pairwise_distance_by_hand()
    {
        // Rows 0, 1, 3, 4: distances 1, 3, 4, 2, 3, 1 → sorted 1 1 2 3 3 4, median (2 + 3)/2.
        Assert.Equal(2.5, MaximumMeanDiscrepancy.MedianPairwiseDistance([0, 1, 3, 4], 4, 1));
        // (0,0), (3,4), (0,4): distances 5, 4, 3 → median 4.
        Assert.Equal(4.0, MaximumMeanDiscrepancy.MedianPairwiseDistance([0, 0, 3, 4, 0, 4], 3, 2));
    }

    [Fact]
    public void Squared_by_hand()
    {
        // x = {0, 1}, y = {3, 4}, σ = 1, k(d) = e^(−d²/2). Within x and within y the distance is 1;
        // across, 3, 4, 2, 3. Unbiased: e^−½ + e^−½ − 2(2e^−4.5 + e^−8 + e^−2)/4;
        // biased: (2 + 2e^−½)/4 twice, same cross term.
        var cross = (2 * Math.Exp(-4.5) + Math.Exp(-8) + Math.Exp(-2)) / 2;
        Assert.Equal(2 * Math.Exp(-0.5) - cross, MaximumMeanDiscrepancy.Squared([0, 1], 2, [3, 4], 2, 1, bandwidth: 1), 12);
        Assert.Equal(1 + Math.Exp(-0.5) - cross, MaximumMeanDiscrepancy.Squared([0, 1], 2, [3, 4], 2, 1, bandwidth: 1, unbiased: false), 12);
    }

    [Fact]
    public void Biased_estimate_of_identical_sets_is_exactly_zero()
    {
        var waves = Waves.Generate(50, 3);
        Assert.Equal(0.0, MaximumMeanDiscrepancy.Squared(waves.Values, 50, waves.Values, 50, 30, bandwidth: 1.7, unbiased: false));
        Assert.Equal(0.0, MaximumMeanDiscrepancy.Test(waves.Values, 50, waves.Values, 50, 30, permutations: 10).Biased);
    }

    [Fact]
    public void Same_distribution_gives_near_zero_and_a_high_p_value()
    {
        var (a, b) = (Waves.Generate(150, 1), Waves.Generate(150, 2));
        var test = MaximumMeanDiscrepancy.Test(a.Values, a.Count, b.Values, b.Count, 30, permutations: 200, seed: 4);
        Assert.InRange(test.Unbiased, -0.01, 0.01);
        Assert.True(test.PValue > 0.1, $"p = {test.PValue}, MMD² = {test.Unbiased}");
        Assert.Equal(200, test.Permutations);
    }

    [Fact]
    public void Sines_against_sawtooths_give_a_low_p_value()
    {
        // NOTE: one frequency, amplitude and offset, so the classes differ only in shape (p = 4/201
        // here). The median-distance kernel is a weak judge of shape: with Waves' full ranges, 100
        // series per class give MMD²_u = 0.008, p = 0.01 with offset 0 and p = 0.58 with offsets in ±0.5.
        var waves = Waves.Generate(200, 5, new WavesOptions { MinFrequency = 2, MaxFrequency = 2, MinAmplitude = 0.5, MaxAmplitude = 0.5, MinOffset = 0, MaxOffset = 0 });
        var sines = waves.Subset([.. Enumerable.Range(0, 200).Where(i => waves.Labels![i] == 0)]);
        var saws = waves.Subset([.. Enumerable.Range(0, 200).Where(i => waves.Labels![i] == 1)]);
        var test = MaximumMeanDiscrepancy.Test(sines.Values, 100, saws.Values, 100, 30, permutations: 200, seed: 4);
        Assert.True(test.Unbiased > 0.01, $"MMD² = {test.Unbiased}");
        Assert.True(test.PValue < 0.05, $"p = {test.PValue}");
    }

    [Fact]
    public void Bad_input_is_rejected_with_a_message()
    {
        Assert.Contains("at least 2 rows", Assert.Throws<ArgumentException>(() => MaximumMeanDiscrepancy.Squared([1], 1, [1, 2], 2, 1, 1.0)).Message);
        Assert.Contains("bandwidth", Assert.Throws<ArgumentException>(() => MaximumMeanDiscrepancy.Squared([1, 2], 2, [1, 2], 2, 1, 0.0)).Message);
        Assert.Contains("median distance", Assert.Throws<ArgumentException>(() => MaximumMeanDiscrepancy.Test([1, 1, 1], 3, [1, 1, 1], 3, 1)).Message);
    }
}
