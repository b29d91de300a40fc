using GanAugment.Data.Tables;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Baselines;

/// <summary>
/// SMOTE-NC, SMOTE for rows of numeric and categorical columns (Chawla et al., "SMOTE: Synthetic
/// Minority Over-sampling Technique", JAIR 16, 2002, §6.1, https://arxiv.org/abs/1106.1813). The
/// distance between two rows of the class is Euclidean over the numeric columns plus Med² for
/// every categorical column where they differ, Med the median of the numeric columns' standard
/// deviations within the class. A synthetic row starts from a random row x of the class and one of
/// its k nearest neighbours x̂ picked at random: each number is x + g·(x̂ − x) with one g ~ U[0, 1)
/// per row, each category the one most of the k nearest neighbours of x hold (ties: the category
/// listed first in the column).
/// </summary>
public static class SmoteNc
{
    /// <summary>
    /// <paramref name="count"/> synthetic rows made from the rows of <paramref name="table"/> (the
    /// members of one class), in its columns. A class of one row is copied.
    /// </summary>
    /// <exception cref="ArgumentException">The table has no rows, a missing value, or neighbours &lt; 1.</exception>
    public static Table Oversample(Table table, int count, Rng rng, int neighbours = Smote.DefaultNeighbours)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.RowCount == 0 || neighbours < 1 || count < 0)
            throw new ArgumentException($"SMOTE-NC needs at least one row, k >= 1 and count >= 0; got {table.RowCount} rows, k = {neighbours}, count = {count}");
        foreach (var c in table.Columns)
            for (var r = 0; r < c.Count; r++)
                if (c.IsMissing(r)) throw new ArgumentException($"SMOTE-NC needs complete rows; column '{c.Name}' is missing in row {r + 1}");
        var numeric = table.Columns.OfType<NumericColumn>().ToArray();
        var categorical = table.Columns.OfType<CategoricalColumn>().ToArray();
        var med = MedianStd(numeric);
        var k = Math.Min(neighbours, table.RowCount - 1);
        var nearest = new int[table.RowCount][];
        for (var r = 0; r < nearest.Length; r++)
            nearest[r] = [.. Enumerable.Range(0, table.RowCount).Where(o => o != r)
                .OrderBy(o => Distance(numeric, categorical, med, r, o)).ThenBy(o => o).Take(k)];

        var numbers = numeric.Select(_ => new double[count]).ToArray();
        var codes = categorical.Select(_ => new int[count]).ToArray();
        for (var i = 0; i < count; i++)
        {
            var x = rng.NextInt(table.RowCount);
            var near = nearest[x];
            var y = k == 0 ? x : near[rng.NextInt(k)];
            var gap = rng.NextDouble();
            for (var c = 0; c < numeric.Length; c++) numbers[c][i] = numeric[c][x] + gap * (numeric[c][y] - numeric[c][x]);
            for (var c = 0; c < categorical.Length; c++) codes[c][i] = k == 0 ? categorical[c].Codes[x] : Majority(categorical[c], near);
        }
        var (n, m) = (0, 0);
        var columns = table.Columns.Select(c => c is NumericColumn
            ? (Column)new NumericColumn(c.Name, numbers[n++])
            : new CategoricalColumn(c.Name, ((CategoricalColumn)c).Categories, codes[m++])).ToList();
        return new Table(columns, table.LabelName, table.Name);
    }

    /// <summary>The median of the numeric columns' standard deviations (population), 0 without numeric columns.</summary>
    internal static double MedianStd(IReadOnlyList<NumericColumn> numeric)
    {
        if (numeric.Count == 0) return 0;
        var stds = numeric.Select(c =>
        {
            var mean = c.Values.Average();
            return Math.Sqrt(c.Values.Sum(v => (v - mean) * (v - mean)) / c.Count);
        }).Order().ToArray();
        var mid = stds.Length / 2;
        return stds.Length % 2 == 1 ? stds[mid] : (stds[mid - 1] + stds[mid]) / 2;
    }

    /// <summary>Squared SMOTE-NC distance between rows a and b.</summary>
    internal static double Distance(IReadOnlyList<NumericColumn> numeric, IReadOnlyList<CategoricalColumn> categorical, double med, int a, int b)
    {
        var d = 0.0;
        foreach (var c in numeric) d += (c[a] - c[b]) * (c[a] - c[b]);
        foreach (var c in categorical)
            if (c.Codes[a] != c.Codes[b]) d += med * med;
        return d;
    }

    private static int Majority(CategoricalColumn column, int[] rows)
    {
        var votes = new int[column.Categories.Count];
        foreach (var r in rows) votes[column.Codes[r]]++;
        var best = 0;
        for (var c = 1; c < votes.Length; c++)
            if (votes[c] > votes[best]) best = c;
        return best;
    }
}
