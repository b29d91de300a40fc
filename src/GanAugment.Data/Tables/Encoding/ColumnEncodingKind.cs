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

/// <summary>How numeric columns are encoded.</summary>
public enum NumericEncoding
{
    MinMax,
    ModeSpecific,
}

/// <summary>How the mode of a value is chosen when encoding with <see cref="NumericEncoding.ModeSpecific"/>.</summary>
public enum ModeSelection
{
    /// <summary>Draw the mode from its posterior probability (CTGAN), from the transformer's seed.</summary>
    Sample,

    /// <summary>Take the most probable mode.</summary>
    MostProbable,
}
