namespace GanAugment.Data.TimeSeries;

/// <summary>
/// Generates the RCGAN sine set: x_t = A·sin(2πf·t/T + φ) for t = 0..T-1, with f, A uniform in
/// the <see cref="RcganSineOptions"/> ranges and φ uniform in [-π, π], drawn per sequence and
/// feature. Unlabelled; the same seed gives the same values.
/// </summary>
public static class RcganSines
{
    public static SequenceDataset Generate(int count, int seed, RcganSineOptions? options = null)
    {
        options ??= new RcganSineOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Length, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Features, 1);
        var random = new Random(seed);
        var (t, features) = (options.Length, options.Features);
        var values = new float[count * t * features];
        for (var i = 0; i < count; i++)
            for (var k = 0; k < features; k++)
            {
                var f = Waves.Uniform(random, options.MinFrequency, options.MaxFrequency);
                var a = Waves.Uniform(random, options.MinAmplitude, options.MaxAmplitude);
                var phase = Waves.Uniform(random, -Math.PI, Math.PI);
                for (var step = 0; step < t; step++)
                    values[(i * t + step) * features + k] = (float)(a * Math.Sin(2 * Math.PI * f * step / t + phase));
            }
        return new SequenceDataset(values, count, t, features);
    }
}
