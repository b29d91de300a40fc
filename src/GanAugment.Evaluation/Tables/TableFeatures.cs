using GanAugment.Data.Tables;

namespace GanAugment.Evaluation.Tables;

/// <summary>
/// The feature columns of a table (every column but the target) as vectors for the classifiers:
/// a numeric column becomes one value standardised by the fitting table's mean and standard
/// deviation (a missing value becomes 0, the mean), a categorical one a one-hot over the fitting
/// table's categories (an unseen or missing category is all zeros). Fitted once, then applied to
/// every table that has the same column names, so real and synthetic rows share one encoding.
/// </summary>
public sealed class TableFeatures
{
    private readonly Encoder[] _encoders;

    private TableFeatures(Encoder[] encoders) => _encoders = encoders;

    /// <summary>Floats per row.</summary>
    public int Width => _encoders.Sum(e => e.Width);

    public static TableFeatures Fit(Table table, string? target)
    {
        var encoders = table.Columns.Where(c => c.Name != target).Select(c => c switch
        {
            NumericColumn n => Encoder.Numeric(n),
            CategoricalColumn k => new Encoder(k.Name, null, 0, 1, [.. k.Categories]),
            _ => throw new ArgumentException($"column '{c.Name}' is neither numeric nor categorical"),
        }).ToArray();
        return encoders.Length > 0 ? new TableFeatures(encoders) : throw new ArgumentException("the table has no feature column besides the target");
    }

    /// <summary>The rows of <paramref name="table"/> encoded, one array per row.</summary>
    public float[][] Transform(Table table)
    {
        var rows = new float[table.RowCount][];
        for (var r = 0; r < rows.Length; r++) rows[r] = new float[Width];
        var offset = 0;
        foreach (var e in _encoders)
        {
            var column = Column(table, e.Name);
            for (var r = 0; r < rows.Length; r++) e.Write(column, r, rows[r].AsSpan(offset, e.Width));
            offset += e.Width;
        }
        return rows;
    }

    private static Column Column(Table table, string name) => table.Contains(name)
        ? table[name]
        : throw new ArgumentException($"column '{name}' is missing; columns are: {table.DescribeNames()}");

    private sealed record Encoder(string Name, bool? IsNumeric, double Mean, double Scale, string[] Categories)
    {
        public int Width => IsNumeric == true ? 1 : Categories.Length;

        public static Encoder Numeric(NumericColumn n)
        {
            var present = n.Values.Where(v => !double.IsNaN(v)).ToArray();
            var mean = present.Length > 0 ? present.Average() : 0;
            var std = present.Length > 1 ? Math.Sqrt(present.Sum(v => (v - mean) * (v - mean)) / present.Length) : 0;
            return new Encoder(n.Name, true, mean, std > 0 ? std : 1, []);
        }

        public void Write(Column column, int row, Span<float> destination)
        {
            if (IsNumeric == true)
            {
                var v = column is NumericColumn n ? n[row]
                    : throw new ArgumentException($"column '{Name}' is categorical here but was numeric in the table the encoding was fitted on");
                destination[0] = double.IsNaN(v) ? 0f : (float)((v - Mean) / Scale);
                return;
            }
            var value = column is CategoricalColumn k ? k[row]
                : throw new ArgumentException($"column '{Name}' is numeric here but was categorical in the table the encoding was fitted on");
            if (value is not null && Array.IndexOf(Categories, value) is var index and >= 0) destination[index] = 1f;
        }
    }
}
