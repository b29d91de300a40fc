namespace GanAugment.Data.Tables;

/// <summary>Row-wise operations on tables of the same columns.</summary>
public static class TableRows
{
    /// <summary>
    /// The rows of <paramref name="first"/> followed by those of <paramref name="second"/>, which
    /// must have the same column names, in the same order, of the same kinds. A categorical column
    /// keeps the first table's category order (declared ARFF values stay in place), with categories
    /// only the second table uses appended. The label and name are the first table's.
    /// </summary>
    public static Table Append(Table first, Table second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (!first.Columns.Select(c => (c.Name, c.Kind)).SequenceEqual(second.Columns.Select(c => (c.Name, c.Kind))))
            throw new ArgumentException($"the tables differ in their columns: ({Describe(first)}) and ({Describe(second)})");
        var columns = new Column[first.ColumnCount];
        for (var j = 0; j < columns.Length; j++)
        {
            columns[j] = (first[j], second[j]) switch
            {
                (NumericColumn a, NumericColumn b) => new NumericColumn(a.Name, [.. a.Values, .. b.Values]),
                (CategoricalColumn a, CategoricalColumn b) => Append(a, b),
                var (a, _) => throw new NotSupportedException($"column '{a.Name}' of type {a.GetType().Name}"),
            };
        }
        return new Table(columns, first.LabelName, first.Name);
    }

    private static CategoricalColumn Append(CategoricalColumn a, CategoricalColumn b)
    {
        var categories = a.Categories.Concat(b.Categories.Except(a.Categories, StringComparer.Ordinal)).ToList();
        var values = new string?[a.Count + b.Count];
        for (var r = 0; r < a.Count; r++) values[r] = a[r];
        for (var r = 0; r < b.Count; r++) values[a.Count + r] = b[r];
        return CategoricalColumn.FromValues(a.Name, values, categories);
    }

    private static string Describe(Table table) => string.Join(", ", table.Columns.Select(c => $"{c.Name} {c.Kind.ToString().ToLowerInvariant()}"));
}
