namespace GanAugment.Data.Tables;

/// <summary>What a <see cref="Column"/> holds: real numbers or string categories.</summary>
public enum ColumnKind
{
    /// <summary>Doubles; <see cref="double.NaN"/> marks a missing value.</summary>
    Numeric,

    /// <summary>Strings from a fixed category list; <see langword="null"/> marks a missing value.</summary>
    Categorical,
}
