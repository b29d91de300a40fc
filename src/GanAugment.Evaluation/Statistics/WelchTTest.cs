using MathNet.Numerics.Distributions;

namespace GanAugment.Evaluation.Statistics;

/// <summary>
/// Welch's unequal-variance t-test of equal means (B. L. Welch, "The generalization of
/// 'Student's' problem when several different population variances are involved", Biometrika
/// 34, 1947): with vᵢ = sᵢ²/nᵢ,
/// t = (x̄₁ − x̄₂) / √(v₁ + v₂), ν = (v₁ + v₂)² / (v₁²/(n₁ − 1) + v₂²/(n₂ − 1)),
/// p = 2·P(T_ν ≤ −|t|).
/// </summary>
public static class WelchTTest
{
    /// <summary>Tests two samples of runs (each needs at least two values).</summary>
    /// <exception cref="ArgumentException">A sample has fewer than two values or a non-finite value.</exception>
    public static WelchTestResult Compute(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length < 2 || b.Length < 2)
        {
            throw new ArgumentException($"WelchTTest: each sample needs at least two values (got {a.Length} and {b.Length}).");
        }

        return Compute(Summary.Of(a), Summary.Of(b));
    }

    /// <summary>
    /// Tests two summarised samples. NOTE: when both variances are zero the statistic is 0/0; we
    /// define equal constants as no evidence of a difference (t = 0, p = 1) and different
    /// constants as certain (t = ±∞, p = 0), with ν = n₁ + n₂ − 2, the limit of ν for equal
    /// variances and sizes.
    /// </summary>
    /// <exception cref="ArgumentException">A sample has fewer than two values.</exception>
    public static WelchTestResult Compute(Summary a, Summary b)
    {
        if (a.Count < 2 || b.Count < 2)
        {
            throw new ArgumentException($"WelchTTest: each sample needs at least two values (got {a.Count} and {b.Count}).");
        }

        var va = a.Variance / a.Count;
        var vb = b.Variance / b.Count;
        var difference = a.Mean - b.Mean;
        if (va + vb == 0)
        {
            var pooledDf = a.Count + b.Count - 2.0;
            return difference == 0
                ? new WelchTestResult(0, pooledDf, 1)
                : new WelchTestResult(difference > 0 ? double.PositiveInfinity : double.NegativeInfinity, pooledDf, 0);
        }

        var t = difference / Math.Sqrt(va + vb);
        var df = (va + vb) * (va + vb) / (va * va / (a.Count - 1) + vb * vb / (b.Count - 1));

        // NOTE: 2·CDF(−|t|) rather than 2·(1 − CDF(|t|)) keeps small p-values from cancelling to 0.
        var p = 2 * StudentT.CDF(0, 1, df, -Math.Abs(t));
        return new WelchTestResult(t, df, Math.Min(1, p));
    }
}
