using GanAugment.Data.Writers;
using GanAugment.Gans;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Generators;

/// <summary>
/// A generator's samples as bytes 0..255 in N·C·H·W order, the form real data sets have, so
/// that generated and real images go through the same file writers and the same classifier
/// input path. Samples are made <c>batchSize</c> at a time to bound memory.
/// </summary>
public static class GeneratedImages
{
    public const int DefaultBatchSize = 100;

    /// <summary>
    /// One sample per entry of <paramref name="labels"/> (the labels are ignored by an
    /// unconditional model), with noise drawn from <paramref name="rng"/>, made by
    /// <paramref name="sampler"/> (another engine with the signature of <see cref="GanModel.Sample(int, Rng, Condition?)"/>) or the model itself.
    /// </summary>
    public static byte[] Sample(GanModel model, int[] labels, Rng rng, int batchSize = DefaultBatchSize, Func<int, Rng, Condition?, Tensor>? sampler = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(labels);
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), $"batch size must be at least 1, got {batchSize}");
        var size = model.Spec.Size;
        var pixels = new byte[(long)labels.Length * size];
        for (var start = 0; start < labels.Length; start += batchSize)
        {
            var n = Math.Min(batchSize, labels.Length - start);
            var condition = model.TakesLabels ? Condition.Of(labels[start..(start + n)]) : null;
            var batch = (sampler ?? model.Sample)(n, rng, condition);
            PixelConvert.ToBytes(batch.AsSpan(), model.Range, pixels.AsSpan(start * size, n * size));
        }
        return pixels;
    }

    /// <summary><paramref name="count"/> labels cycling through the classes 0, 1, ..., C-1, 0, 1, ... (all 0 without classes).</summary>
    public static int[] CyclingLabels(int count, int classes)
    {
        var labels = new int[count];
        for (var i = 0; i < count; i++) labels[i] = classes > 0 ? i % classes : 0;
        return labels;
    }
}
