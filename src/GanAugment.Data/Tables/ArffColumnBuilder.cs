namespace GanAugment.Data.Tables;

/// <summary>
/// Collects the values of one ARFF attribute row by row, checking each against the declared
/// type (numbers must parse, nominal values must be declared), and builds the column in the
/// requested kind.
/// </summary>
internal sealed class ArffColumnBuilder(ArffAttribute attribute, ColumnKind kind)
{
    private readonly List<double> _numbers = [];
    private readonly List<string?> _texts = [];
    private readonly HashSet<string> _declared = new(attribute.NominalValues, StringComparer.Ordinal);

    public ArffAttribute Attribute => attribute;

    public void Add(ArffToken token, ArffText text)
    {
        if (token.IsMissing) { AddMissing(); return; }
        var value = token.Text;
        if (attribute.Type == ArffType.Nominal && !_declared.Contains(value))
            throw text.Error($"'{ColumnInference.Shorten(value)}' is not a declared value of attribute '{attribute.Name}'");
        var number = double.NaN;
        if ((attribute.Type == ArffType.Numeric || kind == ColumnKind.Numeric) && !InvariantNumber.TryParse(value, out number))
            throw text.Error($"attribute '{attribute.Name}' needs a number here, got '{ColumnInference.Shorten(value)}'");
        if (kind == ColumnKind.Numeric) _numbers.Add(number);
        else _texts.Add(value);
    }

    /// <summary>The value of an attribute left out of a sparse row: 0, or the first declared nominal value.</summary>
    public void AddSparseDefault(ArffText text)
    {
        var value = attribute.Type switch
        {
            ArffType.Numeric => "0",
            ArffType.Nominal => attribute.NominalValues[0],
            _ => throw text.Error($"sparse row leaves out {attribute.Type.ToString().ToLowerInvariant()} attribute '{attribute.Name}', which has no default value"),
        };
        Add(new ArffToken(value, Quoted: true), text);
    }

    private void AddMissing()
    {
        if (kind == ColumnKind.Numeric) _numbers.Add(double.NaN);
        else _texts.Add(null);
    }

    public Column Build()
    {
        if (kind == ColumnKind.Numeric) return new NumericColumn(attribute.Name, [.. _numbers]);
        var categories = attribute.Type == ArffType.Nominal ? attribute.NominalValues : ColumnInference.SortedCategories(_texts);
        return CategoricalColumn.FromValues(attribute.Name, _texts, categories);
    }
}
