using System.Text.Json.Serialization;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Series;

/// <summary>
/// The kernel two-sample statistic of Gretton et al., "A kernel two-sample test" (JMLR 13, 2012,
/// https://jmlr.org/papers/v13/gretton12a.html), as the RGAN paper (Esteban, Hyland and Rätsch
/// 2017, https://arxiv.org/abs/1706.02633) uses it on flattened series: with the Gaussian kernel
/// k(a, b) = exp(−‖a − b‖² / (2σ²)), m rows x and n rows y,
/// <code>
/// MMD²_u = Σ_{i≠j} k(x_i, x_j) / (m(m−1)) + Σ_{i≠j} k(y_i, y_j) / (n(n−1)) − 2 Σ_{i,j} k(x_i, y_j) / (mn)
/// MMD²_b = Σ_{i,j} k(x_i, x_j) / m²      + Σ_{i,j} k(y_i, y_j) / n²      − 2 Σ_{i,j} k(x_i, y_j) / (mn)
/// </code>
/// The unbiased MMD²_u can be slightly negative when both come from one distribution; the biased
/// MMD²_b is never negative and is exactly 0 for identical sets. σ is the median distance between
/// distinct rows of the pooled set (the RGAN code's heuristic "done correctly", on both sets).
/// The p-value is that of a permutation test: the pooled rows are split at random into sets of m
/// and n as often as asked, and p = (1 + #{MMD²_u of a split ≥ the observed one}) / (1 + splits).
/// </summary>
public static class MaximumMeanDiscrepancy
{
    /// <summary>The median of ‖a_i − a_j‖ over the pairs i &lt; j of the <paramref name="count"/> rows of <paramref name="rows"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than two rows, or the span does not hold count rows of dim values.</exception>
    public static double MedianPairwiseDistance(ReadOnlySpan<float> rows, int count, int dim)
    {
        Check(rows, count, dim, "rows", minimum: 2);
        var distances = new double[count * (count - 1) / 2];
        var k = 0;
        for (var i = 0; i < count; i++)
        {
            for (var j = i + 1; j < count; j++)
            {
                distances[k++] = Math.Sqrt(SquaredDistance(rows.Slice(i * dim, dim), rows.Slice(j * dim, dim)));
            }
        }

        Array.Sort(distances);
        var middle = distances.Length / 2;
        return distances.Length % 2 == 1 ? distances[middle] : 0.5 * (distances[middle - 1] + distances[middle]);
    }

    /// <summary>MMD² between the rows of <paramref name="x"/> and <paramref name="y"/> with bandwidth σ = <paramref name="bandwidth"/>.</summary>
    /// <exception cref="ArgumentException">A set has fewer than two rows (one for the biased estimate), a wrong length, or σ is not positive.</exception>
    public static double Squared(ReadOnlySpan<float> x, int m, ReadOnlySpan<float> y, int n, int dim, double bandwidth, bool unbiased = true)
    {
        Check(x, m, dim, "x", minimum: unbiased ? 2 : 1);
        Check(y, n, dim, "y", minimum: unbiased ? 2 : 1);
        CheckBandwidth(bandwidth);
        var pooled = new float[(m + n) * dim];
        x.CopyTo(pooled);
        y.CopyTo(pooled.AsSpan(m * dim));
        var kernel = KernelMatrix(pooled, m + n, dim, bandwidth);
        return FromKernel(kernel, m + n, Enumerable.Range(0, m + n).ToArray(), m, unbiased);
    }

    /// <summary>
    /// MMD²_u and MMD²_b with the median-distance bandwidth of the pooled rows, and the
    /// permutation-test p-value of MMD²_u over <paramref name="permutations"/> random splits drawn from <paramref name="seed"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A set has fewer than two rows or a wrong length; fewer than one permutation; all rows equal.</exception>
    public static MmdTest Test(ReadOnlySpan<float> x, int m, ReadOnlySpan<float> y, int n, int dim, int permutations = 200, ulong seed = 0)
    {
        Check(x, m, dim, "x", minimum: 2);
        Check(y, n, dim, "y", minimum: 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 1);
        var count = m + n;
        var pooled = new float[count * dim];
        x.CopyTo(pooled);
        y.CopyTo(pooled.AsSpan(m * dim));
        var bandwidth = MedianPairwiseDistance(pooled, count, dim);
        if (!(bandwidth > 0)) throw new ArgumentException("MMD: the median distance between the series is 0 (most series are equal), so the kernel has no bandwidth");

        var kernel = KernelMatrix(pooled, count, dim, bandwidth);
        var identity = Enumerable.Range(0, count).ToArray();
        var observed = FromKernel(kernel, count, identity, m, unbiased: true);
        var biased = FromKernel(kernel, count, identity, m, unbiased: false);
        var rng = new Rng(seed);
        var atLeast = 0;
        for (var p = 0; p < permutations; p++)
        {
            if (FromKernel(kernel, count, rng.Permutation(count), m, unbiased: true) >= observed) atLeast++;
        }

        return new MmdTest(observed, biased, bandwidth, (1.0 + atLeast) / (1.0 + permutations), permutations, m, n);
    }

    /// <summary>k(a_i, a_j) for all pairs of the pooled rows, row-major, symmetric.</summary>
    private static double[] KernelMatrix(ReadOnlySpan<float> rows, int count, int dim, double bandwidth)
    {
        var kernel = new double[count * count];
        var scale = -1.0 / (2 * bandwidth * bandwidth);
        for (var i = 0; i < count; i++)
        {
            kernel[i * count + i] = 1;
            for (var j = i + 1; j < count; j++)
            {
                var value = Math.Exp(scale * SquaredDistance(rows.Slice(i * dim, dim), rows.Slice(j * dim, dim)));
                kernel[i * count + j] = value;
                kernel[j * count + i] = value;
            }
        }

        return kernel;
    }

    /// <summary>MMD² of the split that puts pooled rows order[0..m) in x and order[m..) in y.</summary>
    private static double FromKernel(double[] kernel, int count, int[] order, int m, bool unbiased)
    {
        var n = count - m;
        var inX = new bool[count];
        for (var a = 0; a < m; a++) inX[order[a]] = true;
        double xx = 0, yy = 0, xy = 0;
        // NOTE: the matrix is read row by row whatever the split (a permutation only changes
        // which sum a value goes to), which keeps a test of 200 splits of 2000 series memory-bound
        // at a few seconds. k(x_i, y_j) is summed once, over rows in x; the rows in y hold the same values.
        for (var i = 0; i < count; i++)
        {
            var row = kernel.AsSpan(i * count, count);
            for (var j = 0; j < count; j++)
            {
                if (unbiased && i == j) continue;
                if (inX[i] && inX[j]) xx += row[j];
                else if (!inX[i] && !inX[j]) yy += row[j];
                else if (inX[i]) xy += row[j];
            }
        }

        return unbiased
            ? xx / ((double)m * (m - 1)) + yy / ((double)n * (n - 1)) - 2 * xy / ((double)m * n)
            : xx / ((double)m * m) + yy / ((double)n * n) - 2 * xy / ((double)m * n);
    }

    private static double SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var k = 0; k < a.Length; k++)
        {
            var d = (double)a[k] - b[k];
            sum += d * d;
        }

        return sum;
    }

    private static void Check(ReadOnlySpan<float> rows, int count, int dim, string name, int minimum)
    {
        if (dim < 1) throw new ArgumentException($"MMD: rows need at least one value, got dimension {dim}");
        if (count < minimum) throw new ArgumentException($"MMD: {name} needs at least {minimum} rows, got {count}");
        if (rows.Length != (long)count * dim) throw new ArgumentException($"MMD: {name} holds {rows.Length} values, not {count} rows of {dim}");
        foreach (var v in rows)
        {
            if (!float.IsFinite(v)) throw new ArgumentException($"MMD: {name} holds a non-finite value ({v})");
        }
    }

    private static void CheckBandwidth(double bandwidth)
    {
        if (!(bandwidth > 0) || !double.IsFinite(bandwidth)) throw new ArgumentException($"MMD: the bandwidth must be a positive number, got {bandwidth}");
    }
}

/// <summary>
/// The result of <see cref="MaximumMeanDiscrepancy.Test"/>: MMD²_u and MMD²_b, the bandwidth σ
/// used, and the permutation-test p-value of MMD²_u (small: the two sets differ).
/// </summary>
public sealed record MmdTest(
    [property: JsonPropertyName("mmd2_unbiased")] double Unbiased,
    [property: JsonPropertyName("mmd2_biased")] double Biased,
    [property: JsonPropertyName("bandwidth")] double Bandwidth,
    [property: JsonPropertyName("p_value")] double PValue,
    [property: JsonPropertyName("permutations")] int Permutations,
    [property: JsonPropertyName("count_x")] int CountX,
    [property: JsonPropertyName("count_y")] int CountY);
