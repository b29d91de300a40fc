using GanAugment.Evaluation.Metrics;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Tests.Metrics;

public class FrechetDistanceTests
{
    /// <summary>n×d features with correlated columns: x = z·L for a fixed mixing matrix L.</summary>
    private static float[] CorrelatedFeatures(int rows, int columns, int seed)
    {
        var rng = new Rng(seed);
        var features = new float[rows * columns];
        var z = new float[columns];
        for (var r = 0; r < rows; r++)
        {
            rng.FillNormal(z);
            for (var c = 0; c < columns; c++)
            {
                var sum = 0f;
                for (var k = 0; k <= c; k++)
                {
                    sum += z[k] * (1f + 0.5f * k - 0.3f * c);
                }

                features[r * columns + c] = sum;
            }
        }

        return features;
    }

    [Fact]
    public void Statistics_ByHand()
    {
        // Rows (1,2), (3,6), (5,4): mean (3,4); deviations (−2,−2), (0,2), (2,0);
        // Σ = [[8, 4], [4, 8]] / (3 − 1).
        var stats = GaussianStatistics.FromFeatures([1, 2, 3, 6, 5, 4], 3, 2);
        Assert.Equal([3.0, 4.0], stats.Mean);
        Assert.Equal([4.0, 2.0, 2.0, 4.0], stats.Covariance);
    }

    [Fact]
    public void Statistics_ManyChunks_MatchDirectSums()
    {
        const int rows = 1100, columns = 3;
        var features = CorrelatedFeatures(rows, columns, seed: 1);
        var stats = GaussianStatistics.FromFeatures(features, rows, columns);
        for (var i = 0; i < columns; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                var sum = 0.0;
                for (var r = 0; r < rows; r++)
                {
                    sum += (features[r * columns + i] - stats.Mean[i]) * (features[r * columns + j] - stats.Mean[j]);
                }

                Assert.Equal(sum / (rows - 1), stats.Covariance[i * columns + j], 9);
            }
        }
    }

    [Fact]
    public void IdenticalSets_AreZero()
    {
        var features = CorrelatedFeatures(500, 6, seed: 2);
        Assert.Equal(0, FrechetDistance.Compute(features, 500, features, 500, 6), 8);
    }

    [Fact]
    public void ShiftedGaussian_IsSquaredShift()
    {
        // Same covariance (up to float rounding of the shift), so d² = ‖shift‖² = 0.25 + 1 + 4 + 0.0625.
        const int rows = 2000, columns = 4;
        float[] shift = [0.5f, -1f, 2f, 0.25f];
        var real = CorrelatedFeatures(rows, columns, seed: 3);
        var moved = real.Select((v, i) => v + shift[i % columns]).ToArray();
        Assert.Equal(5.3125, FrechetDistance.Compute(real, rows, moved, rows, columns), 3);
    }

    [Fact]
    public void DiagonalCovariances_ByHand()
    {
        // ‖(1,2)‖² = 5; Tr(Σ₁ + Σ₂ − 2(Σ₁Σ₂)^½) = Σ(√aᵢ − √bᵢ)² = (2 − 1)² + (3 − 1)² = 5.
        var a = new GaussianStatistics([1, 2], [4, 0, 0, 9]);
        var b = new GaussianStatistics([0, 0], [1, 0, 0, 1]);
        Assert.Equal(10, FrechetDistance.Compute(a, b), 10);
    }

    [Fact]
    public void NonCommutingCovariances_MatchTwoByTwoClosedForm()
    {
        // For 2×2 M = Σ₁Σ₂ with eigenvalues λ₁, λ₂ ≥ 0: Tr(M^½) = √λ₁ + √λ₂ = √(Tr M + 2√det M).
        double[] s1 = [2, 0.6, 0.6, 1], s2 = [0.5, -0.3, -0.3, 3];
        var trProduct = s1[0] * s2[0] + s1[1] * s2[2] + s1[2] * s2[1] + s1[3] * s2[3];
        var detProduct = (s1[0] * s1[3] - s1[1] * s1[2]) * (s2[0] * s2[3] - s2[1] * s2[2]);
        var expected = 3 + 3.5 - 2 * Math.Sqrt(trProduct + 2 * Math.Sqrt(detProduct));
        var a = new GaussianStatistics([0, 0], s1);
        var b = new GaussianStatistics([0, 0], s2);
        Assert.Equal(expected, FrechetDistance.Compute(a, b), 10);
        Assert.Equal(expected, FrechetDistance.Compute(b, a), 10);
    }

    [Fact]
    public void CachedRealStatistics_GiveTheSameDistanceAgain()
    {
        var real = GaussianStatistics.FromFeatures(CorrelatedFeatures(300, 5, seed: 6), 300, 5);
        var fake = GaussianStatistics.FromFeatures(CorrelatedFeatures(300, 5, seed: 7), 300, 5);
        var first = FrechetDistance.Compute(real, fake);
        Assert.True(first > 0);
        Assert.Equal(first, FrechetDistance.Compute(real, fake));
        Assert.Equal(first, FrechetDistance.Compute(fake, real), 9);
    }

    [Fact]
    public void OneDimensionalFeatures_ByHand()
    {
        // {0, 2}: μ 1, σ² 2; {1, 5}: μ 3, σ² 8; d² = (1 − 3)² + (√2 − √8)² = 4 + 2.
        Assert.Equal(6, FrechetDistance.Compute([0, 2], 2, [1, 5], 2, 1), 10);
    }

    [Fact]
    public void FewerRowsThanFeatures_IsFiniteAndNotNegative()
    {
        // Rank-deficient covariances: the clamped eigenvalues keep √λ from going NaN.
        var a = CorrelatedFeatures(3, 10, seed: 4);
        var b = CorrelatedFeatures(4, 10, seed: 5);
        var distance = FrechetDistance.Compute(a, 3, b, 4, 10);
        Assert.True(double.IsFinite(distance) && distance > 0);
        Assert.Equal(0, FrechetDistance.Compute(a, 3, a, 3, 10), 8);
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => FrechetDistance.Compute([1, 2, 3], 3, [1, 2], 1, 2));
        Assert.Throws<ArgumentException>(() => FrechetDistance.Compute([1, float.NaN], 2, [1, 2], 2, 1));
        Assert.Throws<ArgumentException>(() =>
            FrechetDistance.Compute(new GaussianStatistics([0], [1]), new GaussianStatistics([0, 0], [1, 0, 0, 1])));
    }
}
