using System.Numerics.Tensors;
using GanAugment.Tensors.Kernels;
using MathNet.Numerics.LinearAlgebra;

namespace GanAugment.Evaluation.Metrics;

/// <summary>
/// Mean and unbiased covariance of a feature matrix, the Gaussian that
/// <see cref="FrechetDistance"/> compares: μ = Σxᵢ/n, Σ = Σ(xᵢ − μ)(xᵢ − μ)ᵀ / (n − 1).
/// Compute it once for the real data and reuse it for every generator being scored.
/// </summary>
public sealed class GaussianStatistics
{
    // NOTE: rows are centred in double and accumulated a chunk at a time, so the double copy of
    // the data stays small (512 rows of 2048 features is 8 MB) however many rows there are.
    private const int ChunkRows = 512;

    private Matrix<double>? _covarianceRoot;

    /// <summary>Wraps a precomputed mean (length d) and covariance (d×d, row-major).</summary>
    /// <exception cref="ArgumentException">The lengths do not match, or a value is not finite.</exception>
    public GaussianStatistics(double[] mean, double[] covariance)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(covariance);
        if (mean.Length == 0 || covariance.Length != mean.Length * mean.Length)
        {
            throw new ArgumentException(
                $"GaussianStatistics: a mean of length {mean.Length} needs a {mean.Length}x{mean.Length} covariance, got {covariance.Length} values.");
        }

        if (!Array.TrueForAll(mean, double.IsFinite) || !Array.TrueForAll(covariance, double.IsFinite))
        {
            throw new ArgumentException("GaussianStatistics: the mean or covariance holds a non-finite value.");
        }

        Mean = mean;
        Covariance = covariance;
    }

    /// <summary>Feature dimension d.</summary>
    public int Dimension => Mean.Length;

    /// <summary>μ, length d.</summary>
    public double[] Mean { get; }

    /// <summary>Σ, d×d row-major (symmetric).</summary>
    public double[] Covariance { get; }

    /// <summary>Estimates μ and the unbiased Σ from <paramref name="rows"/>×<paramref name="columns"/> row-major features.</summary>
    /// <exception cref="ArgumentException">Fewer than two rows, a length mismatch, or a non-finite feature.</exception>
    public static GaussianStatistics FromFeatures(ReadOnlySpan<float> features, int rows, int columns)
    {
        if (rows < 2 || columns < 1)
        {
            throw new ArgumentException($"GaussianStatistics: need at least 2 rows and 1 column, got {rows}x{columns}.");
        }

        if (features.Length != (long)rows * columns)
        {
            throw new ArgumentException($"GaussianStatistics: {rows}x{columns} features need {(long)rows * columns} values, got {features.Length}.");
        }

        var mean = new double[columns];
        for (var r = 0; r < rows; r++)
        {
            var row = features.Slice(r * columns, columns);
            for (var c = 0; c < columns; c++)
            {
                if (!float.IsFinite(row[c]))
                {
                    throw new ArgumentException($"GaussianStatistics: feature at row {r}, column {c} is {row[c]}.");
                }

                mean[c] += row[c];
            }
        }

        for (var c = 0; c < columns; c++)
        {
            mean[c] /= rows;
        }

        var scatter = new double[columns * columns];
        var centred = new double[columns * Math.Min(ChunkRows, rows)];
        for (var start = 0; start < rows; start += ChunkRows)
        {
            var count = Math.Min(ChunkRows, rows - start);
            // Column-major (feature c's deviations are contiguous), so each Σ entry is one dot product.
            for (var r = 0; r < count; r++)
            {
                var row = features.Slice((start + r) * columns, columns);
                for (var c = 0; c < columns; c++)
                {
                    centred[c * count + r] = row[c] - mean[c];
                }
            }

            AddUpperScatter(centred, count, columns, scatter);
        }

        for (var i = 0; i < columns; i++)
        {
            for (var j = i; j < columns; j++)
            {
                var value = scatter[i * columns + j] / (rows - 1);
                scatter[i * columns + j] = value;
                scatter[j * columns + i] = value;
            }
        }

        return new GaussianStatistics(mean, scatter);
    }

    /// <summary>Σ as a MathNet matrix.</summary>
    internal Matrix<double> CovarianceMatrix() =>
        Matrix<double>.Build.Dense(Dimension, Dimension, (i, j) => Covariance[i * Dimension + j]);

    /// <summary>Tr Σ.</summary>
    internal double CovarianceTrace()
    {
        var trace = 0.0;
        for (var i = 0; i < Dimension; i++)
        {
            trace += Covariance[i * Dimension + i];
        }

        return trace;
    }

    /// <summary>Σ^½, computed on first use and kept, so cached real-data statistics pay for it once.</summary>
    internal Matrix<double> CovarianceRoot() => _covarianceRoot ??= FrechetDistance.SymmetricSqrt(CovarianceMatrix());

    /// <summary>
    /// scatter[i, j] += Σ_r x[i, r]·x[j, r] for j ≥ i, with x column-major (columns × count).
    /// Rows i are independent, so they run in parallel and the bits do not depend on the thread count.
    /// </summary>
    private static void AddUpperScatter(double[] centred, int count, int columns, double[] scatter) =>
        EngineThreads.For(0, columns, i =>
        {
            var xi = centred.AsSpan(i * count, count);
            for (var j = i; j < columns; j++)
            {
                scatter[i * columns + j] += TensorPrimitives.Dot<double>(xi, centred.AsSpan(j * count, count));
            }
        });
}
