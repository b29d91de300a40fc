namespace GanAugment.Data.Tables;

/// <summary>The declared types of ARFF attributes that <see cref="ArffReader"/> supports.</summary>
internal enum ArffType
{
    Numeric,
    Nominal,
    String,
    Date,
}

/// <summary>One "@attribute name type" declaration.</summary>
internal sealed record ArffAttribute(string Name, ArffType Type, IReadOnlyList<string> NominalValues, long Line);
