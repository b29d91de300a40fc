using GanAugment.Data.TimeSeries;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Series;

/// <summary>Cutting and joining the series sets of an evaluation.</summary>
public static class SeriesSets
{
    /// <summary>
    /// The series of <paramref name="data"/> split at random (from <paramref name="seed"/>) into a
    /// first part of <paramref name="firstCount"/> series and the rest.
    /// </summary>
    public static (SequenceDataset First, SequenceDataset Second) Split(SequenceDataset data, int firstCount, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(firstCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstCount, data.Count);
        var order = new Rng(seed).Permutation(data.Count);
        return (data.Subset(order[..firstCount]), data.Subset(order[firstCount..]));
    }

    /// <summary>
    /// The series of <paramref name="a"/> then those of <paramref name="b"/> (same length and
    /// features), labelled 0 and 1 as classes <paramref name="names"/>: the data of a two-sample classifier.
    /// </summary>
    public static SequenceDataset TwoClasses(SequenceDataset a, SequenceDataset b, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length != b.Length || a.Features != b.Features)
            throw new ArgumentException($"series of {a.Length}x{a.Features} and {b.Length}x{b.Features} cannot be compared");
        var values = new float[a.Values.Length + b.Values.Length];
        a.Values.CopyTo(values, 0);
        b.Values.CopyTo(values, a.Values.Length);
        var labels = Enumerable.Repeat(0, a.Count).Concat(Enumerable.Repeat(1, b.Count)).ToArray();
        return new SequenceDataset(values, a.Count + b.Count, a.Length, a.Features, labels, names, featureNames: a.FeatureNames);
    }
}
