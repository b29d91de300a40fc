using GanAugment.Data.TimeSeries;
using GanAugment.Gans.Models;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests.Series;

/// <summary>Small sequence sets and RCGANs for the series tests.</summary>
internal static class SeriesData
{
    /// <summary>The seed's Waves set (sine, sawtooth), <paramref name="count"/> series of <paramref name="length"/> steps.</summary>
    public static SequenceData Waves(int count, int length = 30, int seed = 3) =>
        new(Data.TimeSeries.Waves.Generate(count, seed, new WavesOptions { Length = length }).WithAttributes([]));

    /// <summary>Uniform random series of any shape, with <paramref name="classes"/> classes (0: unlabelled).</summary>
    public static SequenceData Random(int count, int length, int features, int classes, int seed = 1)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, count * length * features).Select(_ => (float)random.NextDouble()).ToArray();
        var labels = classes > 0 ? Enumerable.Range(0, count).Select(i => i % classes).ToArray() : null;
        var names = classes > 0 ? Enumerable.Range(0, classes).Select(c => $"c{c}").ToArray() : null;
        return new SequenceData(new SequenceDataset(values, count, length, features, labels, names));
    }

    /// <summary>
    /// Six series of <paramref name="length"/> steps, classes 0,1,0,1,0,1, with attributes "age" = 20, 30, ..., 70 and
    /// "height" = 1.5 (sequence 0), 2.0 (others): so class 0 has ages 20, 40, 60.
    /// </summary>
    public static SequenceData Attributed(int length = 5, int features = 1)
    {
        var random = new Random(5);
        var values = Enumerable.Range(0, 6 * length * features).Select(_ => (float)random.NextDouble()).ToArray();
        float[] attributes = [20, 1.5f, 30, 2, 40, 2, 50, 2, 60, 2, 70, 2];
        return new SequenceData(new SequenceDataset(values, 6, length, features, [0, 1, 0, 1, 0, 1], ["a", "b"],
            attributes: attributes, attributeNames: ["age", "height"]));
    }

    /// <summary>A small RCGAN (hidden 8 unless overridden) from its zoo entry with <c>name=value</c> overrides.</summary>
    public static Rcgan Model(DataSpec spec, ulong seed, params string[] overrides)
    {
        var entry = overrides.Contains("conditional=false") ? Rcgan.UnconditionalEntry : Rcgan.Entry;
        var options = new[] { "hidden=8" }.Concat(overrides).Select(o => o.Split('=')).Select(p => new KeyValuePair<string, string>(p[0], p[1]));
        return (Rcgan)entry.Create(spec, options, new Rng(seed));
    }
}
