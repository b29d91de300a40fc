namespace GanAugment.Evaluation.Tables;

/// <summary>
/// SDMetrics' column-pair trend scores (https://docs.sdv.dev/sdmetrics): whether two columns move
/// together in the synthetic rows as they do in the real ones, 1 best, 0 worst.
/// </summary>
public static class ColumnPairs
{
    /// <summary>
    /// CorrelationSimilarity = 1 − |r_real − r_syn| / 2 with r Pearson's correlation of the two
    /// numeric columns over the rows where both are present. NaN when a column is constant on
    /// either side (no correlation is defined).
    /// </summary>
    public static double CorrelationSimilarity(IReadOnlyList<double> realA, IReadOnlyList<double> realB, IReadOnlyList<double> synA, IReadOnlyList<double> synB)
    {
        var r = Pearson(realA, realB);
        var s = Pearson(synA, synB);
        return double.IsNaN(r) || double.IsNaN(s) ? double.NaN : 1 - Math.Abs(r - s) / 2;
    }

    /// <summary>
    /// ContingencySimilarity = 1 − TVD of the normalised contingency tables (share of rows per pair
    /// of categories (α, β)): TVD = ½ Σ_α Σ_β |R_αβ − S_αβ|; a missing value is a category of its own.
    /// </summary>
    public static double ContingencySimilarity(IReadOnlyList<string?> realA, IReadOnlyList<string?> realB, IReadOnlyList<string?> synA, IReadOnlyList<string?> synB) =>
        ColumnShapes.TvComplement(Pairs(realA, realB), Pairs(synA, synB));

    /// <summary>Pearson's r over the rows where both values are present; NaN when either is constant or fewer than 2 rows remain.</summary>
    public static double Pearson(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count != b.Count) throw new ArgumentException($"the columns have {a.Count} and {b.Count} rows");
        var rows = Enumerable.Range(0, a.Count).Where(i => !double.IsNaN(a[i]) && !double.IsNaN(b[i])).ToArray();
        if (rows.Length < 2) return double.NaN;
        var meanA = rows.Average(i => a[i]);
        var meanB = rows.Average(i => b[i]);
        double sab = 0, saa = 0, sbb = 0;
        foreach (var i in rows)
        {
            var (da, db) = (a[i] - meanA, b[i] - meanB);
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa == 0 || sbb == 0 ? double.NaN : sab / Math.Sqrt(saa * sbb);
    }

    // NOTE: the unit separator cannot occur in a category read from CSV or ARFF, so the joined key is unambiguous.
    private static string?[] Pairs(IReadOnlyList<string?> a, IReadOnlyList<string?> b)
    {
        if (a.Count != b.Count) throw new ArgumentException($"the columns have {a.Count} and {b.Count} rows");
        return [.. Enumerable.Range(0, a.Count).Select(i => (a[i] ?? ColumnShapes.Missing) + "\u001f" + (b[i] ?? ColumnShapes.Missing))];
    }
}
