using GanAugment.Data.TimeSeries;

namespace GanAugment.Data.Tests.TimeSeries;

public sealed class GeneratorTests
{
    /// <summary>
    /// Frequency (cycles per T steps) of a pure sine, from x_{t+1} + x_{t-1} = 2 cos(2πf/T) x_t.
    /// Differences d_t = x_{t+1} - x_t obey the same recurrence and cancel a constant offset.
    /// </summary>
    private static double[] RecurrenceFrequencies(ReadOnlySpan<float> sequence, bool removeOffset)
    {
        var x = sequence.ToArray();
        var s = removeOffset ? Enumerable.Range(0, x.Length - 1).Select(t => (double)x[t + 1] - x[t]).ToArray() : x.Select(v => (double)v).ToArray();
        var result = new List<double>();
        var large = 0.2 * s.Max(Math.Abs); // NOTE: steps near a zero crossing of s are too noisy in float32
        for (var t = 1; t + 1 < s.Length; t++)
            if (Math.Abs(s[t]) > large)
                result.Add(Math.Acos(Math.Clamp((s[t + 1] + s[t - 1]) / (2 * s[t]), -1, 1)) * x.Length / (2 * Math.PI));
        return [.. result];
    }

    [Fact]
    public void Rcgan_sines_follow_the_formula_and_ranges()
    {
        var d = RcganSines.Generate(200, seed: 1);
        Assert.Equal((200, 30, 1), (d.Count, d.Length, d.Features));
        Assert.False(d.HasLabels);
        Assert.All(d.Values, v => Assert.InRange(v, -0.9f, 0.9f));
        for (var i = 0; i < d.Count; i++)
        {
            var f = RecurrenceFrequencies(d.Sequence(i), removeOffset: false);
            Assert.True(f.Length > 0);
            Assert.InRange(f.Average(), 0.99, 5.01);
            Assert.InRange(f.Max() - f.Min(), 0, 0.01); // one frequency per sequence
        }
        Assert.True(d.Values.Max() > 0.8f); // amplitudes reach near 0.9
    }

    [Fact]
    public void Rcgan_sines_support_several_independent_features()
    {
        var d = RcganSines.Generate(10, seed: 2, new RcganSineOptions { Features = 3 });
        Assert.Equal(10 * 30 * 3, d.Values.Length);
        var first = Enumerable.Range(0, 30).Select(t => d.Values[t * 3]).ToArray();
        var second = Enumerable.Range(0, 30).Select(t => d.Values[t * 3 + 1]).ToArray();
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Waves_are_balanced_sines_and_sawtooths_in_range()
    {
        var d = Waves.Generate(100, seed: 3);
        Assert.Equal((100, 30, 1), (d.Count, d.Length, d.Features));
        Assert.Equal(["sine", "sawtooth"], d.ClassNames);
        Assert.Equal([50, 50], d.ClassCounts());
        Assert.All(d.Values, v => Assert.InRange(v, -1f, 1f));
        for (var i = 0; i < d.Count; i++)
        {
            var x = d.Sequence(i).ToArray();
            if (d.Labels![i] == 0)
            {
                var f = RecurrenceFrequencies(x, removeOffset: true);
                Assert.InRange(f.Average(), 0.99, 5.01);
            }
            else
            {
                // A sawtooth rises linearly between jumps: most second differences are zero.
                var flat = Enumerable.Range(1, 28).Count(t => Math.Abs(x[t + 1] - 2 * x[t] + x[t - 1]) < 1e-5);
                Assert.True(flat >= 14, $"sawtooth {i} has only {flat} straight steps");
            }
        }
    }

    [Fact]
    public void Waves_carry_the_frequency_amplitude_offset_and_phase_that_make_each_series()
    {
        var d = Waves.Generate(100, seed: 3);
        Assert.Equal(["frequency", "amplitude", "offset", "phase"], d.AttributeNames);
        for (var i = 0; i < d.Count; i++)
        {
            var (f, a, b, phase) = (d.AttributesOf(i)[0], d.AttributesOf(i)[1], d.AttributesOf(i)[2], d.AttributesOf(i)[3]);
            Assert.InRange(phase, -Math.PI, Math.PI);
            for (var t = 0; t < d.Length; t++)
            {
                var u = (double)f * t / d.Length + phase / (2 * Math.PI);
                var fraction = u - Math.Floor(u);
                if (d.Labels![i] == 1 && Math.Min(fraction, 1 - fraction) < 1e-5) continue; // NOTE: float attributes may put u on the other side of a jump
                var w = d.Labels![i] == 0 ? Math.Sin(2 * Math.PI * u) : 2 * fraction - 1;
                Assert.Equal(b + a * w, d.Sequence(i)[t], 1e-5);
            }
        }
    }

    [Theory]
    [InlineData(1, new[] { "frequency", "amplitude", "phase" })]
    [InlineData(2, new[] { "frequency_f0", "amplitude_f0", "phase_f0", "frequency_f1", "amplitude_f1", "phase_f1" })]
    public void Rcgan_sines_carry_the_frequency_amplitude_and_phase_of_each_feature(int features, string[] names)
    {
        var d = RcganSines.Generate(50, seed: 4, new RcganSineOptions { Features = features });
        Assert.Equal(names, d.AttributeNames);
        for (var i = 0; i < d.Count; i++)
            for (var k = 0; k < features; k++)
            {
                var (f, a, phase) = (d.AttributesOf(i)[3 * k], d.AttributesOf(i)[3 * k + 1], d.AttributesOf(i)[3 * k + 2]);
                for (var t = 0; t < d.Length; t++)
                    Assert.Equal(a * Math.Sin(2 * Math.PI * f * t / d.Length + phase), d.Sequence(i)[t * features + k], 1e-5);
            }
    }

    [Fact]
    public void Same_seed_same_values_other_seed_other_values()
    {
        Assert.Equal(Waves.Generate(20, seed: 5).Values, Waves.Generate(20, seed: 5).Values);
        Assert.NotEqual(Waves.Generate(20, seed: 5).Values, Waves.Generate(20, seed: 6).Values);
        Assert.Equal(RcganSines.Generate(20, seed: 5).Values, RcganSines.Generate(20, seed: 5).Values);
        Assert.Equal(Waves.Generate(20, seed: 5).Attributes!, Waves.Generate(20, seed: 5).Attributes!);
    }

    [Fact]
    public void Subset_keeps_labels_and_lengths()
    {
        var d = Waves.Generate(6, seed: 7).Subset([5, 0]);
        Assert.Equal(2, d.Count);
        Assert.Equal([1, 0], d.Labels!);
        Assert.Equal([30, 30], d.Lengths);
    }

    [Fact]
    public void Dataset_validates_its_shape()
    {
        Assert.Throws<ArgumentException>(() => new SequenceDataset(new float[5], 2, 3, 1));
        Assert.Throws<ArgumentException>(() => new SequenceDataset(new float[6], 2, 3, 1, [0, 2], ["a", "b"]));
        Assert.Throws<ArgumentException>(() => new SequenceDataset(new float[6], 2, 3, 1, lengths: [3, 4]));
    }
}
