namespace GanAugment.Evaluation.Tables;

/// <summary>
/// SDMetrics' column-shape scores (https://docs.sdv.dev/sdmetrics): how alike one column's
/// marginal distribution is in the real and the synthetic rows, 1 best, 0 worst.
/// </summary>
public static class ColumnShapes
{
    /// <summary>
    /// KSComplement = 1 − D, D = sup_x |F_real(x) − F_syn(x)| the two-sample Kolmogorov-Smirnov
    /// statistic of the empirical CDFs. Missing values (NaN) are left out; NaN when either side has none.
    /// </summary>
    public static double KsComplement(IReadOnlyList<double> real, IReadOnlyList<double> synthetic)
    {
        var a = Present(real);
        var b = Present(synthetic);
        if (a.Length == 0 || b.Length == 0) return double.NaN;
        Array.Sort(a);
        Array.Sort(b);
        int i = 0, j = 0;
        var d = 0.0;
        // NOTE: both CDFs are stepped past every copy of the smallest remaining value before they
        // are compared, so ties between and within the samples are handled as the CDF defines them.
        while (i < a.Length && j < b.Length)
        {
            var x = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] == x) i++;
            while (j < b.Length && b[j] == x) j++;
            d = Math.Max(d, Math.Abs((double)i / a.Length - (double)j / b.Length));
        }
        return 1 - d;
    }

    /// <summary>
    /// TVComplement = 1 − TVD, TVD = ½ Σ_ω |R_ω − S_ω| over the categories ω of both columns, R and S
    /// the shares of rows; a missing value (null) is a category of its own, as SDMetrics treats it.
    /// </summary>
    public static double TvComplement(IReadOnlyList<string?> real, IReadOnlyList<string?> synthetic)
    {
        if (real.Count == 0 || synthetic.Count == 0) return double.NaN;
        var r = Shares(real);
        var s = Shares(synthetic);
        var tvd = 0.0;
        foreach (var key in r.Keys.Union(s.Keys))
            tvd += Math.Abs(r.GetValueOrDefault(key) - s.GetValueOrDefault(key));
        return 1 - tvd / 2;
    }

    /// <summary>The share of rows per value; null becomes the key <see cref="Missing"/>.</summary>
    internal static Dictionary<string, double> Shares(IReadOnlyList<string?> values)
    {
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var v in values) shares[v ?? Missing] = shares.GetValueOrDefault(v ?? Missing) + 1.0 / values.Count;
        return shares;
    }

    // NOTE: a control character cannot be a category read from CSV or ARFF, so it cannot collide with one.
    internal const string Missing = "\u0001missing";

    private static double[] Present(IReadOnlyList<double> values) => [.. values.Where(v => !double.IsNaN(v))];
}
