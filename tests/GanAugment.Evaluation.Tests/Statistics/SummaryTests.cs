using GanAugment.Evaluation.Statistics;

namespace GanAugment.Evaluation.Tests.Statistics;

public class SummaryTests
{
    [Fact]
    public void MeanAndSampleStd_ByHand()
    {
        // mean 2.5; squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5; sample variance 5/3.
        var summary = Summary.Of([1.0, 2.0, 3.0, 4.0]);
        Assert.Equal(2.5, summary.Mean, 12);
        Assert.Equal(Math.Sqrt(5.0 / 3.0), summary.StandardDeviation, 12);
        Assert.Equal(4, summary.Count);
    }

    [Fact]
    public void LargeOffset_KeepsPrecision()
    {
        var summary = Summary.Of([1e9 + 1, 1e9 + 2, 1e9 + 3]);
        Assert.Equal(1.0, summary.StandardDeviation, 9);
    }

    [Fact]
    public void EqualValues_AreExact()
    {
        // 0.8 + 0.8 + 0.8 = 2.4000000000000004, and / 3 = 0.8000000000000002, not 0.8.
        var summary = Summary.Of([0.8, 0.8, 0.8]);
        Assert.Equal(0.8, summary.Mean);
        Assert.Equal(0, summary.StandardDeviation);
    }

    [Fact]
    public void OneValue_HasUndefinedStd() => Assert.True(double.IsNaN(Summary.Of([3.0]).StandardDeviation));

    [Fact]
    public void EmptyOrNonFinite_Throws()
    {
        Assert.Throws<ArgumentException>(() => Summary.Of([]));
        Assert.Throws<ArgumentException>(() => Summary.Of([1.0, double.NaN]));
    }
}
