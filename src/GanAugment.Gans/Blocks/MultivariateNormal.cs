namespace GanAugment.Gans;

/// <summary>
/// The pieces of a multivariate normal N(μ, Σ) fitted to a set of row vectors and sampled as
/// μ + L·z with z ~ N(0, I) and L the lower Cholesky factor of Σ (Σ = L·Lᵀ). All arithmetic is
/// in double. A covariance estimated from fewer rows than dimensions (a class with a handful of
/// images) is singular, so <see cref="CholeskyWithRidge"/> adds a small ridge λ·I when the plain
/// factorisation fails.
/// </summary>
public static class MultivariateNormal
{
    /// <summary>Column means of the <paramref name="rows"/>×<paramref name="columns"/> row-major matrix, into <paramref name="mean"/>.</summary>
    public static void Mean(ReadOnlySpan<float> data, int rows, int columns, Span<double> mean)
    {
        Check(data, rows, columns);
        if (mean.Length != columns) throw new ArgumentException($"the mean needs {columns} entries, got {mean.Length}");
        mean.Clear();
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++) mean[c] += data[r * columns + c];
        for (var c = 0; c < columns; c++) mean[c] /= rows;
    }

    /// <summary>
    /// The unbiased sample covariance Σ = Σᵢ (xᵢ − μ)(xᵢ − μ)ᵀ / (n − 1), as <c>numpy.cov</c> of
    /// the transposed data, into the row-major <paramref name="columns"/>² <paramref name="covariance"/>.
    /// NOTE: one row has no spread to estimate; its covariance is defined as 0 (numpy gives NaN).
    /// </summary>
    public static void Covariance(ReadOnlySpan<float> data, int rows, int columns, ReadOnlySpan<double> mean, Span<double> covariance)
    {
        Check(data, rows, columns);
        if (mean.Length != columns || covariance.Length != columns * columns)
            throw new ArgumentException($"a {columns}-dimensional covariance needs a mean of {columns} and {columns * columns} entries, got {mean.Length} and {covariance.Length}");
        covariance.Clear();
        if (rows < 2) return;
        var centred = new double[columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++) centred[c] = data[r * columns + c] - mean[c];
            for (var i = 0; i < columns; i++)
                for (var j = 0; j <= i; j++) covariance[i * columns + j] += centred[i] * centred[j];
        }
        for (var i = 0; i < columns; i++)
            for (var j = 0; j <= i; j++)
            {
                var value = covariance[i * columns + j] / (rows - 1);
                covariance[i * columns + j] = value;
                covariance[j * columns + i] = value;
            }
    }

    /// <summary>
    /// The lower Cholesky factor L of the symmetric <paramref name="covariance"/> (n×n, row-major)
    /// into <paramref name="factor"/> (upper triangle zero). Returns false, leaving
    /// <paramref name="factor"/> undefined, when the matrix is not positive definite.
    /// </summary>
    public static bool TryCholesky(ReadOnlySpan<double> covariance, int n, Span<double> factor)
    {
        if (n < 1 || covariance.Length != n * n || factor.Length != n * n)
            throw new ArgumentException($"a {n}x{n} Cholesky factorisation needs {n * n} entries in and out, got {covariance.Length} and {factor.Length}");
        factor.Clear();
        for (var j = 0; j < n; j++)
        {
            var diagonal = covariance[j * n + j];
            for (var k = 0; k < j; k++) diagonal -= factor[j * n + k] * factor[j * n + k];
            // NOTE: a pivot that is not clearly positive (relative to the original diagonal) means
            // the matrix is singular to working precision; the factor would hold 1/√0 or NaN.
            if (!(diagonal > 1e-10 * Math.Max(covariance[j * n + j], double.Epsilon))) return false;
            var pivot = Math.Sqrt(diagonal);
            factor[j * n + j] = pivot;
            for (var i = j + 1; i < n; i++)
            {
                var sum = covariance[i * n + j];
                for (var k = 0; k < j; k++) sum -= factor[i * n + k] * factor[j * n + k];
                factor[i * n + j] = sum / pivot;
            }
        }
        return true;
    }

    /// <summary>
    /// The Cholesky factor of Σ, or of Σ + λ·I with the smallest λ = s·10^k (k = −6, −5, …, 0) that
    /// makes it positive definite, where s is the mean variance trace(Σ)/n (1 when Σ = 0). Returns λ
    /// (0 when Σ itself factorises).
    /// </summary>
    public static double CholeskyWithRidge(ReadOnlySpan<double> covariance, int n, Span<double> factor)
    {
        if (TryCholesky(covariance, n, factor)) return 0;
        var trace = 0.0;
        for (var i = 0; i < n; i++) trace += covariance[i * n + i];
        var scale = trace > 0 && double.IsFinite(trace) ? trace / n : 1.0;
        var ridged = covariance.ToArray();
        for (var k = -6; k <= 0; k++)
        {
            var ridge = scale * Math.Pow(10, k);
            for (var i = 0; i < n; i++) ridged[i * n + i] = covariance[i * n + i] + ridge;
            if (TryCholesky(ridged, n, factor)) return ridge;
        }
        throw new ArgumentException($"the {n}x{n} covariance is not positive definite even with a ridge of {scale:G3} (does it hold NaN or negative variances?)");
    }

    private static void Check(ReadOnlySpan<float> data, int rows, int columns)
    {
        if (rows < 1 || columns < 1 || data.Length != (long)rows * columns)
            throw new ArgumentException($"{data.Length} values are not {rows} rows of {columns}");
    }
}
