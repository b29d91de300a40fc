namespace GanAugment.Data.TimeSeries;

/// <summary>
/// Generates the RCGAN sine set: x_t = A·sin(2πf·t/T + φ) for t = 0..T-1, with f, A uniform in
/// the <see cref="RcganSineOptions"/> ranges and φ uniform in [-π, π], drawn per sequence and
/// feature. Each sequence carries the numbers drawn for it as static attributes
/// (<see cref="AttributeNames"/>). Unlabelled; the same seed gives the same values.
/// </summary>
public static class RcganSines
{
    /// <summary>
    /// The static attributes of a sequence of <paramref name="features"/> sines: "frequency" f,
    /// "amplitude" A and "phase" φ (radians) for one feature; "frequency_f0", "amplitude_f0",
    /// "phase_f0", "frequency_f1", ... (per feature, in that order) for more.
    /// </summary>
    public static IReadOnlyList<string> AttributeNames(int features)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        string[] names = ["frequency", "amplitude", "phase"];
        return features == 1 ? names : Enumerable.Range(0, features).SelectMany(k => names.Select(name => $"{name}_f{k}")).ToArray();
    }

    public static SequenceDataset Generate(int count, int seed, RcganSineOptions? options = null)
    {
        options ??= new RcganSineOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Length, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Features, 1);
        var random = new Random(seed);
        var (t, features) = (options.Length, options.Features);
        var values = new float[count * t * features];
        var names = AttributeNames(features);
        var attributes = new float[count * names.Count];
        for (var i = 0; i < count; i++)
            for (var k = 0; k < features; k++)
            {
                var f = Waves.Uniform(random, options.MinFrequency, options.MaxFrequency);
                var a = Waves.Uniform(random, options.MinAmplitude, options.MaxAmplitude);
                var phase = Waves.Uniform(random, -Math.PI, Math.PI);
                ReadOnlySpan<float> drawn = [(float)f, (float)a, (float)phase];
                drawn.CopyTo(attributes.AsSpan((i * features + k) * drawn.Length));
                for (var step = 0; step < t; step++)
                    values[(i * t + step) * features + k] = (float)(a * Math.Sin(2 * Math.PI * f * step / t + phase));
            }
        return new SequenceDataset(values, count, t, features, attributes: attributes, attributeNames: names);
    }
}
