using GanAugment.Data.Writers.Charts;

namespace GanAugment.Data.Tests.Writers.Charts;

public sealed class SmoothingTests
{
    [Fact]
    public void The_debiased_moving_average_matches_a_hand_computation()
    {
        // w = 0.5: m1 = 0.5·2 = 1, /0.5 = 2; m2 = 0.5 + 0.5·4 = 2.5, /0.75 = 3.333…; m3 = 1.25 + 0.5·0 = 1.25, /0.875 = 1.428…
        var smoothed = Smoothing.ExponentialMovingAverage([2.0, 4.0, 0.0], 0.5);
        Assert.Equal(2.0, smoothed[0], 12);
        Assert.Equal(2.5 / 0.75, smoothed[1], 12);
        Assert.Equal(1.25 / 0.875, smoothed[2], 12);
    }

    [Fact]
    public void Zero_weight_returns_the_values_and_a_constant_stays_constant()
    {
        Assert.Equal([3.0, -1.0, 7.0], Smoothing.ExponentialMovingAverage([3.0, -1.0, 7.0], 0));
        Assert.All(Smoothing.ExponentialMovingAverage(Enumerable.Repeat(0.7, 20).ToArray(), 0.9), v => Assert.Equal(0.7, v, 12));
    }

    [Fact]
    public void A_non_finite_value_is_NaN_in_place_and_leaves_the_average()
    {
        var smoothed = Smoothing.ExponentialMovingAverage([2.0, double.NaN, 4.0], 0.5);
        Assert.True(double.IsNaN(smoothed[1]));
        Assert.Equal(2.5 / 0.75, smoothed[2], 12);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void A_weight_outside_zero_to_one_throws(double weight) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Smoothing.ExponentialMovingAverage([1.0], weight));
}
