using GanAugment.Data.Images;
using GanAugment.Data.Writers;
using GanAugment.Gans;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Augmentation;

/// <summary>
/// Augmentation by a model that transforms a real image into another of its class (DAGAN,
/// <see cref="ConditionKind.Source"/>): every image of the set gets <c>perImage</c> variants
/// G(image, z) with fresh noise, appended after the real images, each recording its source.
/// Works on classes the model never saw, which is the point of DAGAN.
/// </summary>
public static class PairAugmenter
{
    private const int Chunk = 64;

    /// <summary>The real images of <paramref name="data"/> followed by <paramref name="perImage"/> variants of each, in image order.</summary>
    public static AugmentedDataset Augment(ImageDataset data, int perImage, GanModel model, string description, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(model);
        if (perImage < 1) throw new ArgumentOutOfRangeException(nameof(perImage), $"variants per image must be at least 1, got {perImage}");
        if (model.Conditioning != ConditionKind.Source)
            throw new ArgumentException($"model '{model.Name}' does not generate from a source image; per-image variants need a model of image pairs such as dagan");
        var size = data.ImageSize;
        var added = data.Count * perImage;
        var pixels = new byte[(long)(data.Count + added) * size];
        data.Pixels.CopyTo(pixels, 0);
        var labels = new int[data.Count + added];
        data.Labels.CopyTo(labels, 0);
        var synthetic = new bool[labels.Length];
        var sourceOf = new int[labels.Length];
        Array.Fill(sourceOf, -1);
        var at = data.Count;
        // Sources repeated perImage times in a row, generated in chunks of whole images.
        var perChunk = Math.Max(1, Chunk / perImage);
        for (var first = 0; first < data.Count; first += perChunk)
        {
            var images = Enumerable.Range(first, Math.Min(perChunk, data.Count - first)).ToArray();
            var repeated = images.SelectMany(i => Enumerable.Repeat(i, perImage)).ToArray();
            var source = Images(data, repeated, model.Range);
            var generated = model.Sample(repeated.Length, rng, Condition.OfSource(source));
            PixelConvert.ToBytes(generated.AsSpan(), model.Range, pixels.AsSpan((int)((long)at * size), repeated.Length * size));
            foreach (var i in repeated)
            {
                labels[at] = data.Labels[i];
                synthetic[at] = true;
                sourceOf[at++] = i;
            }
        }
        return new AugmentedDataset(new ImageDataset(pixels, labels, data.Channels, data.Height, data.Width, data.ClassNames), synthetic, description) { SourceOf = sourceOf };
    }

    /// <summary>The images at <paramref name="indices"/> as [N, C, H, W] in <paramref name="range"/>.</summary>
    private static Tensor Images(ImageDataset data, int[] indices, PixelRange range)
    {
        var batch = Tensor.Zeros(indices.Length, data.Channels, data.Height, data.Width);
        PixelConvert.ToFloats(data, indices, range, batch.AsSpan());
        return batch;
    }
}
