using GanAugment.Data.Tables;

namespace GanAugment.Evaluation.Tables;

/// <summary>
/// Privacy by distance to the closest record: for each synthetic row and each held-out real row,
/// the distance to the nearest row of the real training table. Held-out rows are new real rows,
/// so their distances are what "not copied" looks like; synthetic rows that sit closer to the
/// training rows than those (a smaller median) are flagged.
/// </summary>
/// <param name="SyntheticMedian">Median distance of a synthetic row to its closest training row.</param>
/// <param name="HoldoutMedian">Median distance of a held-out real row to its closest training row.</param>
/// <param name="SyntheticExactShare">Share of synthetic rows that equal a training row (distance 0).</param>
/// <param name="HoldoutExactShare">Share of held-out rows that equal a training row.</param>
public sealed record DcrResult(double SyntheticMedian, double HoldoutMedian, double SyntheticExactShare, double HoldoutExactShare)
{
    /// <summary>True when the synthetic rows are closer to the training rows than new real rows are.</summary>
    public bool Flagged => SyntheticMedian < HoldoutMedian;
}

/// <summary>
/// The distance of the DCR: Gower's, the mean over the training table's columns of a per-column
/// distance in [0, 1]: |a − b| / (max − min of the training column) for numbers (clamped to 1; 0
/// for a constant column), 0 or 1 for categories (equal or not); a missing value is at distance 0
/// from a missing value and 1 from any other.
/// </summary>
public sealed class DistanceToClosestRecord
{
    private readonly Table _train;
    private readonly double[] _ranges;

    public DistanceToClosestRecord(Table train)
    {
        _train = train;
        _ranges = [.. train.Columns.Select(c => c is NumericColumn n && n.Max > n.Min ? n.Max - n.Min : 0)];
    }

    public DcrResult Compare(Table synthetic, Table holdout)
    {
        var s = Closest(synthetic);
        var h = Closest(holdout);
        return new DcrResult(Median(s), Median(h), s.Count(d => d == 0) / (double)s.Length, h.Count(d => d == 0) / (double)h.Length);
    }

    /// <summary>For every row of <paramref name="table"/>, the distance to its closest training row.</summary>
    public double[] Closest(Table table)
    {
        var columns = _train.Columns.Select(c => Aligned(table, c)).ToArray();
        var closest = new double[table.RowCount];
        Parallel.For(0, closest.Length, r =>
        {
            var best = double.PositiveInfinity;
            for (var t = 0; t < _train.RowCount && best > 0; t++) best = Math.Min(best, Distance(columns, r, t));
            closest[r] = best;
        });
        return closest;
    }

    /// <summary>Gower's distance between row <paramref name="row"/> of the other table and training row <paramref name="trainRow"/>.</summary>
    private double Distance(Column[] other, int row, int trainRow)
    {
        var sum = 0.0;
        for (var c = 0; c < other.Length; c++)
        {
            sum += (other[c], _train[c]) switch
            {
                (NumericColumn a, NumericColumn b) => Numeric(a[row], b[trainRow], _ranges[c]),
                (CategoricalColumn a, CategoricalColumn b) => a[row] == b[trainRow] ? 0 : 1,
                _ => 1,
            };
        }
        return sum / other.Length;
    }

    private static double Numeric(double a, double b, double range)
    {
        if (double.IsNaN(a) || double.IsNaN(b)) return double.IsNaN(a) && double.IsNaN(b) ? 0 : 1;
        return range > 0 ? Math.Min(1, Math.Abs(a - b) / range) : 0;
    }

    private static Column Aligned(Table table, Column train) => table.Contains(train.Name)
        ? TableFile.Like(table[train.Name], train)
        : throw new ArgumentException($"column '{train.Name}' of the training table is missing; columns are: {table.DescribeNames()}");

    internal static double Median(double[] values)
    {
        if (values.Length == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
