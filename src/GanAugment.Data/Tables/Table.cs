namespace GanAugment.Data.Tables;

/// <summary>
/// A data table: named columns of equal length, each numeric or categorical, plus an optional
/// label column (one of the columns, named by <see cref="LabelName"/>) and an optional data set
/// <see cref="Name"/> (an ARFF file's relation). Immutable.
/// </summary>
public sealed class Table
{
    private readonly Column[] _columns;
    private readonly Dictionary<string, int> _index;

    public Table(IReadOnlyList<Column> columns, string? labelName = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0) throw new ArgumentException("a table needs at least one column", nameof(columns));
        _columns = [.. columns];
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _columns.Length; i++)
        {
            var c = _columns[i] ?? throw new ArgumentException($"column {i} is null", nameof(columns));
            if (c.Count != _columns[0].Count)
                throw new ArgumentException($"column '{c.Name}' has {c.Count} rows but '{_columns[0].Name}' has {_columns[0].Count}", nameof(columns));
            if (!_index.TryAdd(c.Name, i))
                throw new ArgumentException($"column name '{c.Name}' is used twice", nameof(columns));
        }
        if (labelName is not null && !_index.ContainsKey(labelName))
            throw new ArgumentException($"label column '{labelName}' not found; columns are: {DescribeNames()}", nameof(labelName));
        LabelName = labelName;
        Name = name;
    }

    /// <summary>The data set's name (an ARFF file's "@relation"), or null when it has none.</summary>
    public string? Name { get; }

    public IReadOnlyList<Column> Columns => _columns;

    public int ColumnCount => _columns.Length;

    public int RowCount => _columns[0].Count;

    /// <summary>Name of the label column, or null when the table has none.</summary>
    public string? LabelName { get; }

    public Column? Label => LabelName is null ? null : this[LabelName];

    /// <summary>All columns except the label, in table order.</summary>
    public IEnumerable<Column> Features => _columns.Where(c => c.Name != LabelName);

    public Column this[string name] =>
        _index.TryGetValue(name, out var i) ? _columns[i] : throw new KeyNotFoundException($"column '{name}' not found; columns are: {DescribeNames()}");

    public Column this[int index] => _columns[index];

    /// <summary>Index of the column called <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    public bool Contains(string name) => _index.ContainsKey(name);

    /// <summary>The column names, comma separated, for error messages.</summary>
    public string DescribeNames() => string.Join(", ", _columns.Select(c => c.Name));

    /// <summary>The same columns with <paramref name="labelName"/> (or no label) as the label.</summary>
    public Table WithLabel(string? labelName) => new(_columns, labelName, Name);

    /// <summary>A new table holding the rows at <paramref name="rows"/>, in that order.</summary>
    public Table SelectRows(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var r in rows)
            if ((uint)r >= (uint)RowCount)
                throw new ArgumentOutOfRangeException(nameof(rows), $"row {r} is outside 0..{RowCount - 1}");
        return new Table(_columns.Select(c => c.SelectRows(rows)).ToArray(), LabelName, Name);
    }

    /// <summary>The label column as categorical, or an exception saying why it is not usable as class labels.</summary>
    public CategoricalColumn ClassLabels() => LabelName is null
        ? throw new InvalidOperationException("the table has no label column")
        : ClassLabels(LabelName);

    /// <summary>The column called <paramref name="column"/> as categorical, or an exception saying why it is not usable as class labels.</summary>
    public CategoricalColumn ClassLabels(string column) => this[column] as CategoricalColumn
        ?? throw new InvalidOperationException($"column '{column}' is numeric, not categorical");

    /// <summary>
    /// Per-row class indices of the categorical column <paramref name="column"/> (the label column
    /// when null) and the class names they index; a missing value is -1.
    /// </summary>
    public (int[] Classes, IReadOnlyList<string> ClassNames) ClassIndices(string? column = null)
    {
        var c = column is null ? ClassLabels() : ClassLabels(column);
        return (c.CodesSpan().ToArray(), c.Categories);
    }

    /// <summary>Rows per class of the (categorical) label column, indexed like its categories.</summary>
    public int[] ClassCounts() => ClassLabels().CategoryCounts();
}
