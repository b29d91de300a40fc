namespace GanAugment.Data.Tables;

/// <summary>
/// One named column of a <see cref="Table"/>: either a <see cref="NumericColumn"/> or a
/// <see cref="CategoricalColumn"/>. Columns are immutable; selecting rows makes a new column.
/// </summary>
public abstract class Column
{
    private protected Column(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    public string Name { get; }

    public abstract ColumnKind Kind { get; }

    /// <summary>Number of rows.</summary>
    public abstract int Count { get; }

    public abstract bool IsMissing(int row);

    /// <summary>Number of rows whose value is missing.</summary>
    public int MissingCount()
    {
        var missing = 0;
        for (var row = 0; row < Count; row++)
            if (IsMissing(row)) missing++;
        return missing;
    }

    /// <summary>A new column holding the rows at <paramref name="rows"/>, in that order.</summary>
    public abstract Column SelectRows(IReadOnlyList<int> rows);

    /// <summary>The same values under another name.</summary>
    public abstract Column Rename(string name);
}
