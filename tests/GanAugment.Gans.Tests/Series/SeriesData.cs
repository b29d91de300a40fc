using GanAugment.Data.TimeSeries;
using GanAugment.Gans.Models;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests.Series;

/// <summary>Small sequence sets and RCGANs for the series tests.</summary>
internal static class SeriesData
{
    /// <summary>The seed's Waves set (sine, sawtooth), <paramref name="count"/> series of <paramref name="length"/> steps.</summary>
    public static SequenceData Waves(int count, int length = 30, int seed = 3) =>
        new(Data.TimeSeries.Waves.Generate(count, seed, new WavesOptions { Length = length }));

    /// <summary>Uniform random series of any shape, with <paramref name="classes"/> classes (0: unlabelled).</summary>
    public static SequenceData Random(int count, int length, int features, int classes, int seed = 1)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, count * length * features).Select(_ => (float)random.NextDouble()).ToArray();
        var labels = classes > 0 ? Enumerable.Range(0, count).Select(i => i % classes).ToArray() : null;
        var names = classes > 0 ? Enumerable.Range(0, classes).Select(c => $"c{c}").ToArray() : null;
        return new SequenceData(new SequenceDataset(values, count, length, features, labels, names));
    }

    /// <summary>A small RCGAN (hidden 8 unless overridden) from its zoo entry with <c>name=value</c> overrides.</summary>
    public static Rcgan Model(DataSpec spec, ulong seed, params string[] overrides)
    {
        var entry = overrides.Contains("conditional=false") ? Rcgan.UnconditionalEntry : Rcgan.Entry;
        var options = new[] { "hidden=8" }.Concat(overrides).Select(o => o.Split('=')).Select(p => new KeyValuePair<string, string>(p[0], p[1]));
        return (Rcgan)entry.Create(spec, options, new Rng(seed));
    }
}
