namespace GanAugment.Data.TimeSeries;

/// <summary>
/// Parameters of the RCGAN sine set (Esteban, Hyland and Rätsch 2017, "Real-valued (Medical)
/// Time Series Generation with Recurrent Conditional GANs", https://arxiv.org/abs/1706.02633):
/// T = 30 steps, f ∈ [1, 5], A ∈ [0.1, 0.9], φ ∈ [-π, π].
/// </summary>
public sealed record RcganSineOptions
{
    public int Length { get; init; } = 30;

    /// <summary>Features per step; each feature is an independent sine with its own f, A, φ.</summary>
    public int Features { get; init; } = 1;

    public double MinFrequency { get; init; } = 1.0;

    public double MaxFrequency { get; init; } = 5.0;

    public double MinAmplitude { get; init; } = 0.1;

    public double MaxAmplitude { get; init; } = 0.9;
}
