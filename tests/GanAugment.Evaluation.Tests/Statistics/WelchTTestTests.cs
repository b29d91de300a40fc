using GanAugment.Evaluation.Statistics;

namespace GanAugment.Evaluation.Tests.Statistics;

public class WelchTTestTests
{
    // Data sets of the Wikipedia "Welch's t-test" examples, also the test sets of the Rosetta
    // Code task "Welch's t-test", whose reference two-sided p-values are 0.021378001462867,
    // 0.148841696605327 and 0.0107515611497845. By hand for set 1: means 20.82 and 22.98667,
    // variances 7.867429 and 3.812667, so v₁ = 0.524495, v₂ = 0.254178,
    // t = −2.166667 / √0.778673 = −2.455356 and ν = 0.778673² / (v₁²/14 + v₂²/14) = 24.98853.
    private static readonly double[] Set1A = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
    private static readonly double[] Set1B = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
    private static readonly double[] Set2A = [17.2, 20.9, 22.6, 18.1, 21.7, 21.4, 23.5, 24.2, 14.7, 21.8];
    private static readonly double[] Set2B = [21.5, 22.8, 21.0, 23.0, 21.6, 23.6, 22.5, 20.7, 23.4, 21.8, 20.7, 21.7, 21.5, 22.5, 23.6, 21.5, 22.5, 23.5, 21.5, 21.8];

    [Fact]
    public void TextbookExample1_StatisticDegreesOfFreedomAndP()
    {
        var result = WelchTTest.Compute(Set1A, Set1B);
        Assert.Equal(-2.455356398286006, result.T, 9);
        Assert.Equal(24.98852929023142, result.DegreesOfFreedom, 9);
        Assert.Equal(0.021378001462867, result.PValue, 9);
    }

    [Fact]
    public void TextbookExample2_UnequalSizes()
    {
        var result = WelchTTest.Compute(Set2A, Set2B);
        Assert.Equal(-1.5654335235985037, result.T, 9);
        Assert.Equal(9.904741248650831, result.DegreesOfFreedom, 9);
        Assert.Equal(0.148841696605327, result.PValue, 9);
    }

    [Fact]
    public void FewDegreesOfFreedom_FarApart()
    {
        // Rosetta Code set 5: t = −9.559498, ν = 2.000852.
        var result = WelchTTest.Compute([3.0, 4.0, 1.0, 2.1], [490.2, 340.0, 433.9]);
        Assert.Equal(0.0107515611497845, result.PValue, 9);
    }

    [Fact]
    public void SwappingSamples_FlipsSignOnly()
    {
        var forward = WelchTTest.Compute(Set1A, Set1B);
        var backward = WelchTTest.Compute(Set1B, Set1A);
        Assert.Equal(-forward.T, backward.T, 12);
        Assert.Equal(forward.PValue, backward.PValue, 12);
    }

    [Fact]
    public void SummaryOverload_MatchesSamples() =>
        Assert.Equal(WelchTTest.Compute(Set1A, Set1B), WelchTTest.Compute(Summary.Of(Set1A), Summary.Of(Set1B)));

    [Fact]
    public void IdenticalConstants_PIsOne()
    {
        var result = WelchTTest.Compute([0.9, 0.9, 0.9], [0.9, 0.9]);
        Assert.Equal(0, result.T);
        Assert.Equal(1, result.PValue);
        Assert.Equal(3, result.DegreesOfFreedom);
    }

    [Fact]
    public void DifferentConstants_PIsZero()
    {
        var result = WelchTTest.Compute([0.9, 0.9, 0.9], [0.8, 0.8, 0.8]);
        Assert.Equal(double.PositiveInfinity, result.T);
        Assert.Equal(0, result.PValue);
    }

    [Fact]
    public void OneConstantSample_DegreesOfFreedomFromTheOther()
    {
        // v₁ = 0, so ν = v₂² / (v₂²/(n₂ − 1)) = n₂ − 1 = 2; t = (1 − 2) / √(4/3).
        var result = WelchTTest.Compute([1.0, 1.0, 1.0], [0.0, 2.0, 4.0]);
        Assert.Equal(2, result.DegreesOfFreedom, 12);
        Assert.Equal(-1 / Math.Sqrt(4.0 / 3.0), result.T, 12);
    }

    [Fact]
    public void SingleRun_Throws() => Assert.Throws<ArgumentException>(() => WelchTTest.Compute([1.0], [1.0, 2.0]));
}
