namespace GanAugment.Data.TimeSeries;

/// <summary>
/// Parameters of the "Waves" set (sine and sawtooth waves of random frequency, amplitude and
/// offset; Ferreira 2017, "Towards data set augmentation with GANs"). The post gives only the
/// length (30 steps) and says frequency, amplitude and offset vary; the ranges below are our
/// choice: frequencies as in the RCGAN sine set, and amplitude and offset small enough that
/// every value lies in [-1, 1], the range of a tanh generator.
/// </summary>
public sealed record WavesOptions
{
    public int Length { get; init; } = 30;

    /// <summary>Frequency range f in cycles per <see cref="Length"/> steps.</summary>
    public double MinFrequency { get; init; } = 1.0;

    public double MaxFrequency { get; init; } = 5.0;

    public double MinAmplitude { get; init; } = 0.1;

    public double MaxAmplitude { get; init; } = 0.5;

    /// <summary>Range of the vertical offset b added to the wave.</summary>
    public double MinOffset { get; init; } = -0.5;

    public double MaxOffset { get; init; } = 0.5;
}
