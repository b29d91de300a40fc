using System.Numerics.Tensors;
using System.Text.Json.Serialization;
using GanAugment.Data.TimeSeries;
using GanAugment.Evaluation.Tables;

namespace GanAugment.Evaluation.Series;

/// <summary>
/// Whether series made with static attributes show them: each series is given the attributes of
/// its nearest real training series (Euclidean distance between the series, attributes unseen),
/// and Pearson's r of the attribute it was made with against the one read back is taken, per
/// attribute. The real test series, read back the same way, give the ceiling; a generator that
/// ignores an attribute scores about 0 on it.
/// </summary>
public sealed record AttributeReadBack(
    [property: JsonPropertyName("attribute")] string Name,
    [property: JsonPropertyName("synthetic_r")] double Synthetic,
    [property: JsonPropertyName("real_test_r")] double RealTest)
{
    /// <summary>One result per attribute of <paramref name="train"/>; all three sets carry the same attributes.</summary>
    public static IReadOnlyList<AttributeReadBack> Measure(SequenceDataset train, SequenceDataset test, SequenceDataset synthetic)
    {
        foreach (var set in new[] { test, synthetic })
            if (!set.AttributeNames.SequenceEqual(train.AttributeNames))
                throw new ArgumentException($"the sets carry different static attributes ({string.Join(", ", train.AttributeNames)} and {string.Join(", ", set.AttributeNames)})");
        var (fromSynthetic, fromTest) = (ReadBack(train, synthetic), ReadBack(train, test));
        return [.. train.AttributeNames.Select((name, k) => new AttributeReadBack(name,
            Correlation(synthetic, fromSynthetic, k, train.AttributeCount), Correlation(test, fromTest, k, train.AttributeCount)))];
    }

    /// <summary>For each series of <paramref name="series"/>, the attribute vector of its nearest series in <paramref name="reference"/> (the first on ties), N·A.</summary>
    public static float[] ReadBack(SequenceDataset reference, SequenceDataset series)
    {
        if (reference.SequenceSize != series.SequenceSize) throw new ArgumentException("the sets' series have different shapes");
        if (reference.Count == 0) throw new ArgumentException("no reference series to read attributes from");
        var a = reference.AttributeCount;
        var read = new float[series.Count * a];
        for (var i = 0; i < series.Count; i++)
        {
            var (best, bestDistance) = (0, float.PositiveInfinity);
            for (var j = 0; j < reference.Count; j++)
            {
                var d = TensorPrimitives.Distance(series.Sequence(i), reference.Sequence(j));
                if (d < bestDistance) (best, bestDistance) = (j, d);
            }
            reference.AttributesOf(best).CopyTo(read.AsSpan(i * a, a));
        }
        return read;
    }

    private static double Correlation(SequenceDataset made, float[] read, int k, int a) =>
        ColumnPairs.Pearson([.. Enumerable.Range(0, made.Count).Select(i => (double)made.AttributesOf(i)[k])],
            [.. Enumerable.Range(0, made.Count).Select(i => (double)read[i * a + k])]);
}
