namespace GanAugment.Data.Tables.Encoding;

/// <summary>Settings of <see cref="TabularTransformer"/>; the defaults follow CTGAN.</summary>
public sealed record TabularTransformerOptions
{
    public NumericEncoding Numeric { get; init; } = NumericEncoding.ModeSpecific;

    /// <summary>Mixture fitting for <see cref="NumericEncoding.ModeSpecific"/>.</summary>
    public GaussianMixtureOptions Mixture { get; init; } = new();

    public ModeSelection ModeSelection { get; init; } = ModeSelection.Sample;

    /// <summary>Seeds mixture fitting and mode sampling; the same seed gives the same bits.</summary>
    public int Seed { get; init; }

    /// <summary>Whether <see cref="TabularTransformer.InverseTransform"/> clips numbers to the range seen when fitting.</summary>
    public bool ClipToSeenRange { get; init; }
}
