using GanAugment.Data.Writers;
using GanAugment.Gans;

namespace GanAugment.Evaluation.Features;

/// <summary>
/// Rows of features with a class label each: <see cref="Values"/> holds <see cref="Count"/> rows
/// of <see cref="Width"/> floats, row-major; <see cref="Labels"/> is null for unlabelled data.
/// </summary>
public sealed record FeatureSet(float[] Values, int Count, int Width, int[]? Labels, IReadOnlyList<string> ClassNames)
{
    /// <summary>
    /// The features <paramref name="model"/> gives every item of <paramref name="data"/>, in
    /// order, encoded in chunks of <paramref name="chunk"/> items (eval mode, no graph).
    /// </summary>
    public static FeatureSet Encode(IEncodingModel model, TrainingData data, PixelRange range, int chunk = 256)
    {
        var width = model.FeatureSize;
        var values = new float[(long)data.Count * width];
        for (var start = 0; start < data.Count; start += chunk)
        {
            var indices = Enumerable.Range(start, Math.Min(chunk, data.Count - start)).ToArray();
            var features = model.Encode(data.Batch(indices, range, 0).X);
            if (features.Size(0) != indices.Length || features.AsSpan().Length != indices.Length * width)
                throw new InvalidOperationException($"the encoder gave [{string.Join(", ", features.ShapeArray)}] for {indices.Length} items of {width} features");
            features.AsSpan().CopyTo(values.AsSpan(start * width));
        }
        return new FeatureSet(values, data.Count, width, data.Labels, data.Spec.ClassNames);
    }

    /// <summary>The items of <paramref name="data"/> themselves as features (pixels or encoded table rows, flattened).</summary>
    public static FeatureSet Inputs(TrainingData data, PixelRange range, int chunk = 256)
    {
        var width = data.Spec.Size;
        var values = new float[(long)data.Count * width];
        for (var start = 0; start < data.Count; start += chunk)
        {
            var indices = Enumerable.Range(start, Math.Min(chunk, data.Count - start)).ToArray();
            data.Batch(indices, range, 0).X.AsSpan().CopyTo(values.AsSpan(start * width));
        }
        return new FeatureSet(values, data.Count, width, data.Labels, data.Spec.ClassNames);
    }

    /// <summary>The rows at <paramref name="rows"/>.</summary>
    public FeatureSet Rows(int[] rows)
    {
        var values = new float[rows.Length * Width];
        for (var i = 0; i < rows.Length; i++) Values.AsSpan(rows[i] * Width, Width).CopyTo(values.AsSpan(i * Width));
        return this with { Values = values, Count = rows.Length, Labels = Labels is null ? null : [.. rows.Select(r => Labels[r])] };
    }

    /// <summary>[this | other] row by row (the same items in the same order).</summary>
    public FeatureSet Beside(FeatureSet other)
    {
        if (other.Count != Count) throw new ArgumentException($"cannot put {other.Count} rows beside {Count}");
        var width = Width + other.Width;
        var values = new float[Count * width];
        for (var i = 0; i < Count; i++)
        {
            Values.AsSpan(i * Width, Width).CopyTo(values.AsSpan(i * width));
            other.Values.AsSpan(i * other.Width, other.Width).CopyTo(values.AsSpan(i * width + Width));
        }
        return this with { Values = values, Width = width };
    }

    public int[] RequireLabels() => Labels ?? throw new InvalidOperationException("the features have no labels to classify");
}
