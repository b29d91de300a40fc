using MathNet.Numerics.LinearAlgebra;

namespace GanAugment.Evaluation.Metrics;

/// <summary>
/// Mean and unbiased covariance of a feature matrix, the Gaussian that
/// <see cref="FrechetDistance"/> compares: μ = Σxᵢ/n, Σ = Σ(xᵢ − μ)(xᵢ − μ)ᵀ / (n − 1).
/// Compute it once for the real data and reuse it for every generator being scored.
/// </summary>
public sealed class GaussianStatistics
{
    // NOTE: rows are centred and multiplied in chunks so the double copy of the data stays small
    // (a chunk of 512 rows of 2048 features is 8 MB) however many rows there are.
    private const int ChunkRows = 512;

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

        var scatter = Matrix<double>.Build.Dense(columns, columns);
        var block = Matrix<double>.Build.Dense(columns, columns);
        for (var start = 0; start < rows; start += ChunkRows)
        {
            var count = Math.Min(ChunkRows, rows - start);
            // A row-major count×d block is the column-major storage of its d×count transpose.
            var centred = new double[count * columns];
            for (var i = 0; i < centred.Length; i++)
            {
                centred[i] = features[start * columns + i] - mean[i % columns];
            }

            var transposed = Matrix<double>.Build.Dense(columns, count, centred);
            transposed.TransposeAndMultiply(transposed, block);
            scatter.Add(block, scatter);
        }

        var covariance = new double[columns * columns];
        for (var i = 0; i < columns; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                // Average the two triangles so Σ is exactly symmetric for the eigen-solver.
                covariance[i * columns + j] = 0.5 * (scatter[i, j] + scatter[j, i]) / (rows - 1);
            }
        }

        return new GaussianStatistics(mean, covariance);
    }

    internal Matrix<double> CovarianceMatrix() =>
        Matrix<double>.Build.Dense(Dimension, Dimension, (i, j) => Covariance[i * Dimension + j]);
}
