namespace GanAugment.Data.Tables.Encoding;

/// <summary>How a <see cref="TabularTransformer"/> encodes one column.</summary>
public enum ColumnEncodingKind
{
    /// <summary>A categorical column as a one-hot group (plus a "missing" slot when needed).</summary>
    OneHot,

    /// <summary>A numeric column as one scalar 2(x - min)/(max - min) - 1 in [-1, 1].</summary>
    MinMax,

    /// <summary>A numeric column as CTGAN's (α, one-hot mode) pair, α = (x - μ_k)/(4σ_k).</summary>
    ModeSpecific,
}
