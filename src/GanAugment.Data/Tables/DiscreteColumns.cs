namespace GanAugment.Data.Tables;

/// <summary>
/// Which columns of a table a model treats as discrete (one softmax block, a slot of the
/// conditional vector) and which as continuous. Text columns are always discrete. A numeric
/// column is discrete when the user names it (<c>--discrete</c>); when the user names none, an
/// integer column with at most <see cref="MaxInferredValues"/> distinct values is inferred to be
/// discrete (a count, a rating, a 0/1 flag). The target column is always discrete.
/// <see cref="Apply"/> returns the converted table and the names of the numeric columns it turned
/// into categories, so that generated rows can be written back as numbers
/// (<see cref="Restore"/>).
/// </summary>
public static class DiscreteColumns
{
    /// <summary>The most distinct values an integer column may hold to be inferred discrete.</summary>
    public const int MaxInferredValues = 10;

    /// <summary>
    /// The table with the discrete numeric columns as categorical columns of their values
    /// (numerically ordered), and the names of those columns. <paramref name="named"/> null means
    /// "infer"; a name that is not a column is a <see cref="DataFormatException"/> naming
    /// <paramref name="source"/> and listing the columns.
    /// </summary>
    public static (Table Table, IReadOnlyList<string> Converted) Apply(Table table, IReadOnlyList<string>? named, string? target, string source)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (var name in named ?? [])
            if (!table.Contains(name))
                throw DataFormatException.At(source, $"discrete column '{ColumnInference.Shorten(name)}' not found; columns are: {table.DescribeNames()}");
        var converted = new List<string>();
        var columns = new List<Column>();
        foreach (var column in table.Columns)
        {
            if (column is NumericColumn n && (n.Name == target || (named is null ? LooksDiscrete(n) : named.Contains(n.Name))))
            {
                columns.Add(ColumnInference.ToCategorical(n));
                converted.Add(n.Name);
            }
            else columns.Add(column);
        }
        return (new Table(columns, table.LabelName, table.Name), converted);
    }

    /// <summary>Whether <paramref name="column"/> holds whole numbers of at most <see cref="MaxInferredValues"/> distinct values.</summary>
    public static bool LooksDiscrete(NumericColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (!column.IsIntegral) return false;
        var seen = new HashSet<double>();
        foreach (var v in column.Values)
            if (!double.IsNaN(v) && seen.Add(v) && seen.Count > MaxInferredValues) return false;
        return seen.Count > 0;
    }

    /// <summary>The table with the columns named in <paramref name="converted"/> turned back from categories into numbers.</summary>
    public static Table Restore(Table table, IReadOnlyCollection<string> converted)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (converted.Count == 0) return table;
        var columns = table.Columns.Select(c => c is CategoricalColumn k && converted.Contains(c.Name) ? ToNumeric(k) : c).ToList();
        return new Table(columns, table.LabelName, table.Name);
    }

    private static Column ToNumeric(CategoricalColumn column)
    {
        var values = new double[column.Count];
        for (var r = 0; r < values.Length; r++)
        {
            var text = column[r];
            if (text is null) { values[r] = double.NaN; continue; }
            // NOTE: a category that is not a number (a target whose names were text) stays a category.
            if (!InvariantNumber.TryParse(text, out values[r])) return column;
        }
        return new NumericColumn(column.Name, values);
    }
}
