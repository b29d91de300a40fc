namespace GanAugment.Data.Tables.Encoding;

/// <summary>How <see cref="TabularTransformer"/> encodes numeric columns.</summary>
public enum NumericEncoding
{
    /// <summary>One scalar per column (<see cref="ColumnEncodingKind.MinMax"/>).</summary>
    MinMax,

    /// <summary>CTGAN's mode-specific normalisation (<see cref="ColumnEncodingKind.ModeSpecific"/>).</summary>
    ModeSpecific,
}
