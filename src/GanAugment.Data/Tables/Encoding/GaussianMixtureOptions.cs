namespace GanAugment.Data.Tables.Encoding;

/// <summary>Settings of <see cref="GaussianMixture.Fit"/>; the defaults follow CTGAN's mode-specific normalisation.</summary>
public sealed record GaussianMixtureOptions
{
    /// <summary>Largest number of components tried (CTGAN: 10).</summary>
    public int MaxComponents { get; init; } = 10;

    /// <summary>Components whose weight falls below this are dropped (CTGAN: 0.005).</summary>
    public double WeightThreshold { get; init; } = 0.005;

    /// <summary>EM iterations per candidate component count.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>EM stops when the mean log-likelihood per value changes by less than this.</summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>At most this many values (a seeded random subset) are used for fitting.</summary>
    public int MaxFitSamples { get; init; } = 10_000;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxComponents, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(WeightThreshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(WeightThreshold, 1.0 / MaxComponents);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxIterations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFitSamples, 2);
    }
}
