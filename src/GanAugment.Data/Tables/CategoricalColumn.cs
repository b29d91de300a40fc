namespace GanAugment.Data.Tables;

/// <summary>
/// A column of string categories where <see langword="null"/> is a missing value. Values are
/// stored as codes into <see cref="Categories"/> (-1 = missing). The category list may hold
/// categories that no row uses (an ARFF file declares them). The empty string is not a
/// category: readers treat an empty field as missing.
/// </summary>
public sealed class CategoricalColumn : Column
{
    private readonly int[] _codes;
    private readonly string[] _categories;

    /// <summary>Wraps <paramref name="codes"/> (not copied); each code is -1 or an index into <paramref name="categories"/>.</summary>
    public CategoricalColumn(string name, IReadOnlyList<string> categories, int[] codes) : base(name)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(codes);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in categories)
        {
            if (string.IsNullOrEmpty(c))
                throw new ArgumentException($"column '{name}' has a null or empty category", nameof(categories));
            if (!seen.Add(c))
                throw new ArgumentException($"column '{name}' lists category '{c}' twice", nameof(categories));
        }
        foreach (var code in codes)
            if (code < -1 || code >= categories.Count)
                throw new ArgumentException($"column '{name}' has code {code} outside its {categories.Count} categories", nameof(codes));
        _categories = [.. categories];
        _codes = codes;
    }

    /// <summary>
    /// Builds a column from strings (null = missing). Categories are <paramref name="categories"/>
    /// when given (every value must be among them), otherwise the distinct values in first-seen order.
    /// </summary>
    public static CategoricalColumn FromValues(string name, IReadOnlyList<string?> values, IReadOnlyList<string>? categories = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = categories is null ? new List<string>() : [.. categories];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++) index.TryAdd(list[i], i);
        var codes = new int[values.Count];
        for (var row = 0; row < codes.Length; row++)
        {
            var v = values[row];
            if (v is null) { codes[row] = -1; continue; }
            if (!index.TryGetValue(v, out var code))
            {
                if (categories is not null)
                    throw new ArgumentException($"column '{name}': value '{v}' is not one of its categories", nameof(values));
                code = list.Count;
                list.Add(v);
                index.Add(v, code);
            }
            codes[row] = code;
        }
        return new CategoricalColumn(name, list, codes);
    }

    public override ColumnKind Kind => ColumnKind.Categorical;

    public override int Count => _codes.Length;

    public IReadOnlyList<string> Categories => _categories;

    /// <summary>Category index per row, -1 where missing.</summary>
    public IReadOnlyList<int> Codes => _codes;

    /// <summary>The category of <paramref name="row"/>, or null where missing.</summary>
    public string? this[int row] => _codes[row] < 0 ? null : _categories[_codes[row]];

    public ReadOnlySpan<int> CodesSpan() => _codes;

    public override bool IsMissing(int row) => _codes[row] < 0;

    /// <summary>Rows per category, indexed like <see cref="Categories"/>; missing rows are not counted.</summary>
    public int[] CategoryCounts()
    {
        var counts = new int[_categories.Length];
        foreach (var code in _codes)
            if (code >= 0) counts[code]++;
        return counts;
    }

    public override CategoricalColumn SelectRows(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var codes = new int[rows.Count];
        for (var i = 0; i < codes.Length; i++) codes[i] = _codes[rows[i]];
        return new CategoricalColumn(Name, _categories, codes);
    }

    public override CategoricalColumn Rename(string name) => new(name, _categories, _codes);
}
