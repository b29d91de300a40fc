namespace GanAugment.Data.TimeSeries;

/// <summary>
/// Generates the "Waves" set: 1-D sequences x_t = b + A·w(f·t/T + φ/2π), t = 0..T-1, where w is
/// a sine, w(u) = sin 2πu (class 0, "sine"), or a sawtooth, w(u) = 2(u - ⌊u⌋) - 1 (class 1,
/// "sawtooth"); f, A and b are uniform in the <see cref="WavesOptions"/> ranges and φ in [-π, π].
/// Each sequence carries the numbers drawn for it as static attributes <see cref="AttributeNames"/>
/// (f, A, b and φ in radians). Classes alternate, so the set is balanced. The same seed gives the
/// same values.
/// </summary>
public static class Waves
{
    public static readonly IReadOnlyList<string> ClassNames = ["sine", "sawtooth"];

    /// <summary>The static attributes of each wave: "frequency" f, "amplitude" A, "offset" b and "phase" φ (radians).</summary>
    public static readonly IReadOnlyList<string> AttributeNames = ["frequency", "amplitude", "offset", "phase"];

    public static SequenceDataset Generate(int count, int seed, WavesOptions? options = null)
    {
        options ??= new WavesOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Length, 1);
        var random = new Random(seed);
        var t = options.Length;
        var values = new float[count * t];
        var labels = new int[count];
        var attributes = new float[count * AttributeNames.Count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = i % 2;
            var f = Uniform(random, options.MinFrequency, options.MaxFrequency);
            var a = Uniform(random, options.MinAmplitude, options.MaxAmplitude);
            var b = Uniform(random, options.MinOffset, options.MaxOffset);
            var phase = Uniform(random, -Math.PI, Math.PI);
            ReadOnlySpan<float> drawn = [(float)f, (float)a, (float)b, (float)phase];
            drawn.CopyTo(attributes.AsSpan(i * drawn.Length));
            for (var step = 0; step < t; step++)
            {
                var u = f * step / t + phase / (2 * Math.PI);
                var w = labels[i] == 0 ? Math.Sin(2 * Math.PI * u) : 2 * (u - Math.Floor(u)) - 1;
                values[i * t + step] = (float)(b + a * w);
            }
        }
        return new SequenceDataset(values, count, t, 1, labels, ClassNames, attributes: attributes, attributeNames: AttributeNames);
    }

    internal static double Uniform(Random random, double low, double high) => low + (high - low) * random.NextDouble();
}
