using MathNet.Numerics.LinearAlgebra;

namespace GanAugment.Evaluation.Metrics;

/// <summary>
/// Fréchet distance between two Gaussians fitted to feature sets, the FID formula of Heusel et
/// al., "GANs trained by a two time-scale update rule converge to a local Nash equilibrium",
/// NeurIPS 2017 (https://arxiv.org/abs/1706.08500):
/// d² = ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2(Σ₁Σ₂)^½).
/// GanAugment computes it on the features of a domain classifier rather than Inception.
/// </summary>
public static class FrechetDistance
{
    /// <summary>d² between two row-major feature matrices with the same column count.</summary>
    /// <exception cref="ArgumentException">A matrix has fewer than two rows, a wrong length or a non-finite value.</exception>
    public static double Compute(ReadOnlySpan<float> a, int rowsA, ReadOnlySpan<float> b, int rowsB, int columns) =>
        Compute(GaussianStatistics.FromFeatures(a, rowsA, columns), GaussianStatistics.FromFeatures(b, rowsB, columns));

    /// <summary>
    /// d² between two fitted Gaussians. Pass cached real-data statistics as <paramref name="a"/>:
    /// its Σ^½ is computed once and kept, which halves the cost of scoring further generators.
    /// </summary>
    /// <exception cref="ArgumentException">The dimensions differ.</exception>
    public static double Compute(GaussianStatistics a, GaussianStatistics b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Dimension != b.Dimension)
        {
            throw new ArgumentException($"FrechetDistance: feature dimensions differ ({a.Dimension} and {b.Dimension}).");
        }

        var meanTerm = 0.0;
        for (var i = 0; i < a.Dimension; i++)
        {
            var diff = a.Mean[i] - b.Mean[i];
            meanTerm += diff * diff;
        }

        var traceTerm = a.CovarianceTrace() + b.CovarianceTrace() - 2 * TraceOfSqrtProduct(a.CovarianceRoot(), b.CovarianceMatrix());

        // NOTE: d² ≥ 0 in exact arithmetic; for (nearly) identical sets rounding can leave a tiny
        // negative value, which we report as 0.
        return Math.Max(0, meanTerm + traceTerm);
    }

    /// <summary>
    /// Tr((Σ₁Σ₂)^½), given Σ₁^½, as Σ√λ over the eigenvalues of the symmetric PSD matrix Σ₁^½ Σ₂ Σ₁^½, which
    /// is similar to Σ₁Σ₂ and so has the same eigenvalues, but unlike Σ₁Σ₂ lets us use a stable
    /// symmetric eigen-solver instead of a general matrix square root.
    /// </summary>
    internal static double TraceOfSqrtProduct(Matrix<double> rootA, Matrix<double> covB)
    {
        var product = rootA * covB * rootA;
        product = 0.5 * (product + product.Transpose());
        var eigenvalues = product.Evd(Symmetricity.Symmetric).EigenValues;
        var sum = 0.0;
        foreach (var lambda in eigenvalues)
        {
            // NOTE: a PSD matrix has λ ≥ 0; rounding leaves tiny negative eigenvalues for
            // rank-deficient covariances (fewer samples than features), so we clamp them to 0.
            sum += Math.Sqrt(Math.Max(0, lambda.Real));
        }

        return sum;
    }

    /// <summary>S^½ = V·diag(√max(λ, 0))·Vᵀ for a symmetric PSD S = V·diag(λ)·Vᵀ.</summary>
    internal static Matrix<double> SymmetricSqrt(Matrix<double> symmetric)
    {
        var evd = symmetric.Evd(Symmetricity.Symmetric);
        var vectors = evd.EigenVectors;
        var roots = Vector<double>.Build.Dense(symmetric.RowCount, i => Math.Sqrt(Math.Max(0, evd.EigenValues[i].Real)));
        return vectors * Matrix<double>.Build.DiagonalOfDiagonalVector(roots) * vectors.Transpose();
    }
}
