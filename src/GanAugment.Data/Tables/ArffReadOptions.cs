namespace GanAugment.Data.Tables;

/// <summary>
/// How <see cref="ArffReader"/> maps ARFF attributes to columns. Numeric, real and integer
/// attributes become numeric columns; nominal, string and date attributes become categorical
/// columns (nominal ones keep their declared value order). The label column is categorical
/// unless listed in <see cref="ForceNumeric"/>.
/// </summary>
public sealed record ArffReadOptions
{
    /// <summary>Name of the label attribute (Weka's class attribute, often "class"), or null for none.</summary>
    public string? LabelColumn { get; init; }

    /// <summary>Attributes read as categories even when declared numeric (their texts become the categories).</summary>
    public IReadOnlyCollection<string> ForceCategorical { get; init; } = [];

    /// <summary>Nominal or string attributes whose values must all be numbers and are read as numeric.</summary>
    public IReadOnlyCollection<string> ForceNumeric { get; init; } = [];
}
